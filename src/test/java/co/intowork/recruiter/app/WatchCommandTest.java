package co.intowork.recruiter.app;

import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code watch} as a client login (decision 0021): it prints the signed-in person's changes as JSON lines, and
 * another company's change, made first, is not among them.
 */
class WatchCommandTest {
    @TempDir
    Path temp;

    @AfterEach
    void restore() {
        StatsCommand.environment = System::getenv;
    }

    @Test
    void printsTheChangesThePersonWouldSeeAsJsonLines() throws Exception {
        TestDatabase.Db db = TwoCompanies.create("watch_cli");
        try (Connection admin = db.superuser().getConnection(); var s = admin.createStatement()) {
            s.execute("SELECT recruiter.create_client_login('watch_cli')");
        }
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        StatsCommand.environment = name -> StatsCommand.PASSWORD_VARIABLE.equals(name) ? TwoCompanies.PASSWORD : null;
        CommandLine cl = Cli.commandLine(new SettingsLoader(paths, Map.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() -> cl.execute("watch", "--email",
                TwoCompanies.ANNE, "--count", "1", "--seconds", "60", "--jdbc-url", url, "--user", "watch_cli"));
        // Beta's change, then Alpha's, again until watch has started and printed one line
        String[] statuses = {"viewed", "shortlisted"};
        for (int i = 0; !watching.isDone() && i < 100; i++) {
            try (Connection admin = db.superuser().getConnection(); var s = admin.createStatement()) {
                s.execute("UPDATE public.job_applications SET status = '" + statuses[i % 2] + "' WHERE id = 201");
                s.execute("UPDATE public.job_applications SET status = '" + statuses[i % 2] + "' WHERE id = 101");
            }
            Thread.sleep(300);
        }
        assertThat(watching.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Watching the changes " + TwoCompanies.ANNE + " can see");
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(lines[0]);
        assertThat(event.get("kind").asText()).isEqualTo("moved");
        assertThat(event.get("job").asInt()).isEqualTo(11);
        assertThat(event.get("application").asInt()).isEqualTo(101);
        assertThat(event.get("actor").isNull()).isTrue();
        assertThat(event.get("event").asText()).matches("[0-9a-f]{32}");
    }
}
