package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.DemoDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI run of the load test (issue 22, decision 0024): 20 seats through a real PgBouncer in transaction mode to
 * the embedded server, the real services' mix with short think times, and one drill (PgBouncer restarted under
 * load). Figures go to target/loadtest-ci/; the 500-seat run is the loadtest command's. Tagged "pooler": not in
 * `mvn -B test` (it needs Debian's PgBouncer and takes about 20 s); `.ci/run` runs it with -Ppooler.
 */
@Tag("pooler")
class PoolerLoadTest {
    @BeforeAll
    static void pgbouncer() {
        EmbeddedCluster.assumeInstalled();
    }

    @Test
    void twentySeatsWorkThroughPgBouncerAndRideOutItsRestart() {
        TestDatabase.Db db = DemoDatabase.create("pooler_load", DemoSeeder.Options.demo(11));
        LoadRun.Config config = new LoadRun.Config(20, 2, Duration.ofMillis(600), Duration.ofMillis(1000),
                Duration.ofSeconds(2), Duration.ofSeconds(5), List.of(LoadRun.Drill.POOLER_RESTART),
                Duration.ofSeconds(4), 4, 3);
        LoadReport report;
        try (EmbeddedCluster cluster = new EmbeddedCluster(db, 2)) {
            report = LoadReport.of(new LoadRun(config, cluster, DemoLogin.PASSWORD, msg -> { }).run());
        }
        report.write(Path.of("target", "loadtest-ci"), "loadtest-report");

        LoadReport.PhaseReport steady = report.phase("steady");
        assertThat(steady.facts()).containsEntry("seats signed in", 20L);
        assertThat(steady.errorSentences()).as("errors under steady load").isEmpty();
        assertThat(steady.perAction()).extracting(LoadReport.ActionStats::action)
                .contains("pipeline", "board", "move", "review save", "statistics", "inbox", "search");
        // PgBouncer multiplexes: 20 desks, never more server connections than its pools allow (2 per login)
        assertThat(report.connections().maxClientConnectionsAtPgBouncer()).isGreaterThanOrEqualTo(20);
        assertThat(report.connections().maxServerConnectionsAtPgBouncer()).isBetween(1, 4);

        LoadReport.PhaseReport drill = report.phase("POOLER_RESTART");
        // the seats go on after the restart: at most the work in flight (or a connect in the gap) failed
        assertThat(drill.errors()).isLessThanOrEqualTo(20);
        assertThat(drill.actions() - drill.errors()).isGreaterThan(20);
        assertThat(drill.lastErrorAfterFaultS() == null || drill.lastErrorAfterFaultS() < 2.0)
                .as("errors only right at the restart: %s", drill.errorSentences()).isTrue();
        // every move the seats were told was done is there once, with its candidate's notification, none doubled
        LoadReport.Accounting a = report.accounting();
        assertThat(a.movesReportedOk()).isPositive();
        assertThat(a.lost()).isZero();
        assertThat(a.doubled()).isZero();
        assertThat(a.notificationMismatch()).isZero();
        assertThat(a.stillPending()).isZero();
    }
}
