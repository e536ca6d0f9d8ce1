package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.sync.Operation;
import co.intowork.recruiter.sync.OperationKind;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.ReplicaMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real offline copy in a temporary data folder, damaged on disk the two ways found by hand (a relation file
 * deleted, global/pg_control deleted): `sync` says what is wrong and what is safe, exports the unsent operations,
 * and `sync rebuild-copy` replaces the copy, keeping the damaged folder aside and carrying the work over.
 */
class OfflineCopyDamageTest {
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

    private IsolatedCli.Run run(String... args) {
        return cli.run(args);
    }

    private static Operation op(String id, OperationKind kind, String mine) {
        return new Operation(id, kind, 101, 11, 1, "applied",
                "{\"status\": \"applied\", \"version\": 1, \"rating\": 3, \"notes\": null, \"scorecard\": null}",
                mine, 2);
    }

    /** A copy holding job 11 and two unsent operations; returns the data file of public.job_applications. */
    private String copyWithWork() throws Exception {
        AppPaths paths = cli.settings().paths();
        try (Database copy = Replica.open(cli.settings().load(Map.of()), paths, Mappers.all(), () -> false,
                msg -> { })) {
            copy.unitOfWork().run(s -> {
                ReplicaMapper m = s.getMapper(ReplicaMapper.class);
                m.addSliceJob(11);
                m.enqueue(op("00000000-0000-0000-0000-00000000000a", OperationKind.RATE, "{\"rating\": 4}"));
                m.enqueue(op("00000000-0000-0000-0000-00000000000b", OperationKind.NOTE, "{\"notes\": \"Called.\"}"));
            });
            try (Connection c = copy.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_relation_filepath('public.job_applications')")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private Path folder() {
        return temp.resolve("data/offline-replica");
    }

    private List<Path> asides() throws Exception {
        try (Stream<Path> all = Files.list(temp.resolve("data"))) {
            return all.filter(p -> p.getFileName().toString().startsWith("offline-replica-damaged-")).toList();
        }
    }

    @Test
    void aMissingRelationFileIsReportedAsTheCopysDamageWithTheUnsentWorkExportedAndRebuilt() throws Exception {
        String relation = copyWithWork();
        Files.delete(folder().resolve(relation));

        IsolatedCli.Run status = run("sync", "status");

        assertThat(status.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(status.out()).isEmpty();
        assertThat(status.err())
                .startsWith("Error: The offline copy on this computer is damaged: a file of its database is missing "
                        + "or unreadable (" + relation + ").")
                .contains("the server, and every change already sent to it, are safe")
                .contains("sync rebuild-copy")
                .doesNotContain("Try again").doesNotContain("demo database");
        Matcher saved = Pattern.compile("The 2 changes not yet sent were saved to (\\S+\\.json)\\.")
                .matcher(status.err());
        assertThat(saved.find()).as(status.err()).isTrue();
        String export = Files.readString(Path.of(saved.group(1)));
        assertThat(export).contains("00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b",
                "\"sliceJobs\" : [ 11 ]", "Called.");

        IsolatedCli.Run rebuild = run("sync", "rebuild-copy");

        assertThat(rebuild.err()).isEmpty();
        assertThat(rebuild.exit()).isZero();
        assertThat(rebuild.out()).contains("The offline copy was rebuilt: 1 job to copy again at the next sync, "
                + "2 changes waiting to be sent.").contains("The damaged copy was kept in ");
        assertThat(asides()).singleElement().satisfies(aside -> {
            assertThat(aside.resolve(relation)).doesNotExist();
            assertThat(aside.resolve("PG_VERSION")).exists();
        });
        IsolatedCli.Run after = run("sync", "status");
        assertThat(after.exit()).isZero();
        assertThat(after.out()).contains("Offline copy: 1 job(s), 0 application(s); 2 operation(s) waiting");
    }

    @Test
    void aMissingPgControlIsReportedAsTheCopysDamageAndTheRebuildKeepsItsFolderAside() throws Exception {
        copyWithWork();
        Files.delete(folder().resolve("global/pg_control"));

        IsolatedCli.Run status = run("sync", "status");

        assertThat(status.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(status.err())
                .startsWith("Error: The offline copy on this computer is damaged: a file of its database is missing "
                        + "or unreadable (global/pg_control).")
                .contains("could not be read from it; they stay in its folder " + folder())
                .contains("sync rebuild-copy")
                .doesNotContain("(null)").doesNotContain("demo database");

        IsolatedCli.Run rebuild = run("sync", "rebuild-copy");

        assertThat(rebuild.exit()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("The offline copy was rebuilt: no job to copy again at the next sync, "
                + "no change waiting to be sent.");
        assertThat(asides()).singleElement()
                .satisfies(aside -> assertThat(aside.resolve("global/pg_control")).doesNotExist());
        assertThat(folder().resolve("global/pg_control")).exists();
        assertThat(run("sync", "status").out()).contains("Offline copy: 0 job(s)");
    }
}
