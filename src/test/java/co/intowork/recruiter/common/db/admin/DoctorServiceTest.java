package co.intowork.recruiter.common.db.admin;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static org.assertj.core.api.Assertions.assertThat;

class DoctorServiceTest {

    @Test
    void aMigratedDatabaseIsReportedInFullAndAsJson() throws Exception {
        TestDatabase.Db db = MigratedDatabases.migratedWithBasicRows("doctor_ok");
        DoctorReport report = new DoctorService(db.superuser()).check();

        assertThat(report.connected()).isTrue();
        assertThat(report.serverVersion()).startsWith("15.");
        assertThat(report.database()).isEqualTo(db.name());
        assertThat(report.user()).isEqualTo("postgres");
        assertThat(report.tls()).isNotNull();
        assertThat(report.tls().inUse()).isFalse();
        assertThat(report.schemaState()).isEqualTo("MANAGED");
        assertThat(report.schemaVersion()).isEqualTo(report.latestVersion());
        assertThat(report.pendingMigrations()).isEmpty();
        assertThat(report.missingIndexes()).isEmpty();
        assertThat(report.invalidIndexes()).isEmpty();
        assertThat(report.notValidConstraints()).isEmpty();
        assertThat(report.cacheHitRatio()).isBetween(0.0, 1.0);
        assertThat(report.largestTables()).hasSizeBetween(1, 10);
        assertThat(report.largestIndexes()).hasSize(10);
        assertThat(report.unusedIndexes()).isNotEmpty().anyMatch(DoctorReport.UnusedIndex::expected);
        assertThat(report.pgStatStatements()).isEqualTo("not_preloaded");
        assertThat(report.slowestStatements()).isEmpty();
        assertThat(report.slowestStatementsNote()).contains("shared_preload_libraries");
        assertThat(report.futureAppliedAtRows()).isZero();
        assertThat(report.activeJobsSummaryRefreshedAt()).isNotNull();
        // the only thing wrong with a local test server: no TLS
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.warnings().get(0)).contains("not encrypted");
        assertThat(report.describe()).anyMatch(l -> l.startsWith("Connection: OK"))
                .anyMatch(l -> l.startsWith("Expected indexes missing: none"));

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        assertThat(json.get("connected").asBoolean()).isTrue();
        assertThat(json.get("missingIndexes").isArray()).isTrue();
        assertThat(json.get("tls").get("inUse").asBoolean()).isFalse();
        assertThat(json.get("checkedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(json.get("largestTables").get(0).get("bytes").asLong()).isPositive();
    }

    @Test
    void noticesADroppedIndexAnInvalidOneAndANotValidConstraint() throws SQLException {
        TestDatabase.Db db = MigratedDatabases.migratedWithBasicRows("doctor_problems");
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "DROP INDEX public.ix_jobs_employer_status");
            exec(c, "INSERT INTO public.companies (name, is_verified) VALUES ('  ', false)");
            exec(c, "ALTER TABLE public.companies ADD CONSTRAINT ck_companies_name_not_blank"
                    + " CHECK (btrim(name) <> '') NOT VALID");
            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status) VALUES (2, 1, 'applied')");
            try {
                exec(c, "CREATE UNIQUE INDEX CONCURRENTLY ix_left_behind ON public.job_applications (status)");
            } catch (SQLException expected) {
                // duplicates: the build fails and leaves an INVALID index
            }
        }
        DoctorReport report = new DoctorService(db.superuser()).check();

        assertThat(report.missingIndexes()).containsExactly("public.ix_jobs_employer_status");
        assertThat(report.warnings()).anyMatch(w -> w.contains("public.ix_jobs_employer_status") && w.contains("missing"));
        assertThat(report.invalidIndexes()).containsExactly("public.ix_left_behind");
        assertThat(report.warnings()).anyMatch(w -> w.contains("public.ix_left_behind") && w.contains("INVALID"));
        assertThat(report.notValidConstraints()).singleElement().satisfies(c -> {
            assertThat(c.tableName()).isEqualTo("public.companies");
            assertThat(c.constraintName()).isEqualTo("ck_companies_name_not_blank");
            assertThat(c.violatingRows()).isEqualTo(1L);
        });
        assertThat(report.warnings()).anyMatch(w -> w.contains("ck_companies_name_not_blank")
                && w.contains("NOT VALID") && w.contains("1 existing row breaks it") && w.contains("maintain"));
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void reportsAnUnadoptedPlatformDatabaseAndPendingMigrations() throws SQLException {
        TestDatabase.Db platform = TestDatabase.newEmptyDatabase("doctor_platform");
        try (Connection c = platform.superuser().getConnection()) {
            MigratedDatabases.runScript(c, MigratedDatabases.V1);
        }
        DoctorReport unadopted = new DoctorService(platform.superuser()).check();
        assertThat(unadopted.schemaState()).isEqualTo("PLATFORM_UNMANAGED");
        assertThat(unadopted.warnings()).anyMatch(w -> w.contains("migrate --baseline"));
        assertThat(unadopted.missingIndexes()).hasSize(DoctorService.expectedIndexes().size());
        assertThat(unadopted.pgStatStatements()).isIn("not_installed", "not_available");

        TestDatabase.Db behind = MigratedDatabases.migratedTo("doctor_behind", "10");
        DoctorReport pending = new DoctorService(behind.superuser()).check();
        assertThat(pending.schemaState()).isEqualTo("MANAGED");
        assertThat(pending.schemaVersion()).isEqualTo("10");
        assertThat(pending.pendingMigrations()).isNotEmpty().first().asString().startsWith("11 ");
        assertThat(pending.warnings()).anyMatch(w -> w.contains("pending") && w.contains("run migrate"));
        assertThat(pending.missingIndexes()).contains("recruiter.ux_active_jobs_summary_job");
    }

    @Test
    void reportsAServerThatCannotBeReached() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1});
        nowhere.setDatabaseName("intowork");
        nowhere.setUser("nobody");
        nowhere.setConnectTimeout(2);
        DoctorReport report = new DoctorService(nowhere).check();
        assertThat(report.connected()).isFalse();
        assertThat(report.connectionError()).contains("could not be reached");
        assertThat(report.warnings()).containsExactly(report.connectionError());
        assertThat(report.describe()).singleElement().asString().startsWith("Connection: FAILED");
    }

    @Test
    void listsTheSlowestStatementsWhenPgStatStatementsIsPreloaded() throws Exception {
        Path dir = Files.createTempDirectory("intowork-pgss");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("fsync", "off")
                .start()) {
            var ds = server.getPostgresDatabase();
            new Migrator(ds).migrate(false, null, m -> { });
            try (Connection c = ds.getConnection()) {
                // far above what any other statement of the migration takes on a loaded machine (at 0.05 s, the
                // table sizes' query once came first on a busy two-core machine)
                exec(c, "SELECT pg_sleep(0.5)");
                exec(c, "SELECT count(*) FROM public.jobs");
            }
            DoctorReport report = new DoctorService(ds).check();
            assertThat(report.pgStatStatements()).isEqualTo("ready");
            assertThat(report.slowestStatements()).isNotEmpty();
            assertThat(report.slowestStatements().get(0).query()).contains("pg_sleep");
            assertThat(report.slowestStatements().get(0).meanMs()).isGreaterThanOrEqualTo(450.0);
            assertThat(report.slowestStatementsNote()).isNull();
        }
    }
}
