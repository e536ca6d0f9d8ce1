package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.common.db.admin.DoctorReport;
import co.intowork.recruiter.common.db.admin.DoctorService;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code doctor} through a real PgBouncer in transaction mode (issue 22, decision 0024) recognises the pooler by its
 * backends, and sees that the client's settings fit it; straight to the server it sees no pooler.
 */
@Tag("pooler")
class DoctorThroughPgBouncerTest {
    @Test
    void doctorTellsAPoolerInTransactionModeFromADirectConnection() {
        EmbeddedCluster.assumeInstalled();
        TestDatabase.Db db = MigratedDatabase.create("doctor_pooler");
        try (EmbeddedCluster cluster = new EmbeddedCluster(db, 2)) {
            cluster.startPooler(List.of());
            DoctorReport.Topology pooled = topology(cluster.url(), db.user(), ConnectionSettings.Pooler.TRANSACTION);
            assertThat(pooled.transactionPooling()).as("through PgBouncer").isTrue();
            assertThat(pooled.poolerEvidence()).contains("backend");
            assertThat(pooled.prepareThreshold()).isZero();
            assertThat(pooled.standby()).isFalse();
            assertThat(pooled.serverPort()).isEqualTo(TestDatabase.server().getPort());
            assertThat(pooled.describe()).contains("a pooler in transaction mode");

            DoctorReport.Topology direct = topology(db.jdbcUrl(), db.user(), ConnectionSettings.Pooler.NONE);
            assertThat(direct.transactionPooling()).as("straight to PostgreSQL").isFalse();
            assertThat(direct.prepareThreshold()).isPositive();
        }
    }

    private static DoctorReport.Topology topology(String url, String user, ConnectionSettings.Pooler pooler) {
        ConnectionSettings settings = new ConnectionSettings(url, user, null, ConnectionSettings.SslMode.DISABLE,
                null, 3, 10, 30_000, 5_000, "IntoWork Recruiter (doctor test)", pooler);
        try (HikariDataSource ds = DataSourceFactory.create(settings, "doctor-" + pooler)) {
            DoctorReport report = new DoctorService(ds).check();
            assertThat(report.topology()).as("%s", report.warnings()).isNotNull();
            return report.topology();
        }
    }
}
