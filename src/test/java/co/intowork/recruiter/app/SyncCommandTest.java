package co.intowork.recruiter.app;

import co.intowork.recruiter.sync.CvFiles;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** `sync` end to end: a server database, a real embedded replica in the data folder, the password on stdin. */
class SyncCommandTest {
    @TempDir
    Path temp;
    private IsolatedCli cli;

    @BeforeEach
    void isolate() {
        cli = new IsolatedCli(temp);
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    private IsolatedCli.Run run(String password, String... args) {
        return cli.runWithInput(password, args);
    }

    @Test
    void takesAJobOfflineSyncsAndReportsStatus() throws Exception {
        TestDatabase.Db server = TwoCompanies.create("sync_cli");
        MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN).close();
        String url = server.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        // the CV of application 101 on the platform's own server, whose address the user's settings give
        try (Connection c = server.superuser().getConnection()) {
            MigratedDatabases.update(c, "UPDATE public.job_applications SET cv_url = '/uploads/chloe.pdf' WHERE id = 101");
        }
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/uploads/chloe.pdf", exchange -> {
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write("CV!".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        files.start();
        Files.writeString(temp.resolve("u.properties"),
                "platform.files.url=http://127.0.0.1:" + files.getAddress().getPort() + "\n");

        IsolatedCli.Run took = run(TwoCompanies.PASSWORD, "sync", "sync", "--take", "11", "--email", TwoCompanies.HUGO,
                "--password-stdin", "--jdbc-url", url, "--user", TwoCompanies.CLIENT_LOGIN);
        assertThat(took.err()).isEmpty();
        assertThat(took.exit()).isZero();
        files.stop(0);
        assertThat(took.out()).contains("Took job 11 offline (1 applications).")
                .contains("CV files: 1 downloaded, 0 already on this computer, 0 too large (offline.cv.max.mb), "
                        + "0 unreachable, 0 deleted.")
                .contains("Offline copy: 1 job(s), 1 application(s); 0 operation(s) waiting, 0 conflict(s)");

        IsolatedCli.Run status = run("", "sync", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Offline copy: 1 job(s)").doesNotContain("never");
        Path folder = temp.resolve("data/offline-replica");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        // what the review screen holds opens the downloaded copy
        assertThat(new CvFiles(CvFiles.folder(cli.settings().paths()), null, 1).local("/uploads/chloe.pdf"))
                .hasValueSatisfying(cv -> assertThat(cv).hasContent("CV!").hasParent(temp.resolve("data/offline-cv")));

        // another company's job, and one that does not exist: refused, nothing added to the copy
        for (String job : new String[]{"21", "999"}) {
            IsolatedCli.Run hidden = run(TwoCompanies.PASSWORD, "sync", "pull", "--take", job, "--email", TwoCompanies.HUGO,
                    "--password-stdin", "--jdbc-url", url, "--user", TwoCompanies.CLIENT_LOGIN);
            assertThat(hidden.exit()).isEqualTo(Cli.EXIT_FAILURE);
            assertThat(hidden.out()).doesNotContain("Took job");
            assertThat(hidden.err()).startsWith("Error: Job " + job + " is not visible to you")
                    .contains("Nothing was taken offline.");
        }
        assertThat(run("", "sync", "status").out()).contains("Offline copy: 1 job(s), 1 application(s)");

        IsolatedCli.Run wrong = run("wrong-password", "sync", "pull", "--email", TwoCompanies.HUGO, "--password-stdin",
                "--jdbc-url", url, "--user", TwoCompanies.CLIENT_LOGIN);
        assertThat(wrong.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(wrong.err()).startsWith("Error: ");
    }
}
