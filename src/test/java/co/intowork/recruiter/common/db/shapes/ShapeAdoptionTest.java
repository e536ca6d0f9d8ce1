package co.intowork.recruiter.common.db.shapes;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.shapes.PlatformShapes.Shape;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, points 1 and 2: {@code migrate --baseline} adopts both platform shapes and mixes of their differences,
 * keeping every row and the platform's own writes working; anything else is refused before any change, one test
 * per reason.
 */
class ShapeAdoptionTest {
    private static final String STATUS_TYPE = "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
            + " WHERE attrelid = 'public.job_applications'::regclass AND attname = 'status'";

    // ------------------------------------------------------------------------------------------------ adopted

    @Test
    void theOlderShapeIsAdoptedKeepingEveryRowAndItsEnum() throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("shape_older", Shape.OLDER);
        Migrator.Status before = new Migrator(db.superuser()).inspect();
        assertThat(before.state()).isEqualTo(Migrator.State.PLATFORM_UNMANAGED);
        assertThat(before.problems()).isEmpty();
        assertThat(before.adoptedDifferences()).isEmpty();
        adoptKeepingEveryRow(db, "applicationstatus");
    }

    @Test
    void theCurrentShapeIsAdoptedKeepingEveryRowAndTheVarcharStatus() throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("shape_current", Shape.CURRENT);
        Migrator.Status before = new Migrator(db.superuser()).inspect();
        assertThat(before.state()).isEqualTo(Migrator.State.PLATFORM_UNMANAGED);
        assertThat(before.problems()).isEmpty();
        assertThat(before.adoptedDifferences())
                .anyMatch(d -> d.contains("job_applications.status is kept as character varying(11)"))
                .anyMatch(d -> d.contains("jobs.job_type is character varying(10)"))
                .anyMatch(d -> d.contains("jobs.location_type is character varying(7)"))
                .anyMatch(d -> d.contains("jobs.status is character varying(9)"))
                .anyMatch(d -> d.contains("companies.is_verified has no default"))
                .anyMatch(d -> d.contains("jobs.currency has no default"))
                .anyMatch(d -> d.contains("ck_jobs_salary_min_lte_max is absent"))
                .anyMatch(d -> d.contains("ix_job_applications_status is absent"))
                .hasSize(11).noneMatch(d -> d.contains("older databases have public.applicationstatus"));
        adoptKeepingEveryRow(db, "character varying(11)");
        try (Connection c = db.superuser().getConnection()) {
            // the client's own status columns use the domain; the platform's column is as it was
            assertThat(rows(c, "SELECT typtype, format_type(typbasetype, typtypmod) FROM pg_type"
                    + " WHERE oid = 'public.applicationstatus'::regtype")).containsExactly("d|character varying(11)");
            assertThat(string(c, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                    + " 'recruiter.application_status_events'::regclass AND attname = 'to_status'"))
                    .isEqualTo("applicationstatus");
            // the platform's other columns are untouched too
            assertThat(string(c, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'public.jobs'::regclass AND attname = 'status'"))
                    .isEqualTo("character varying(9)");
        }
    }

    @Test
    void mixesOfTheListedDifferencesAreAdopted() throws SQLException {
        // an older database someone changed by hand: one of the current shape's differences at a time, and an
        // index the platform never had
        TestDatabase.Db older = PlatformShapes.withFixture("shape_mix_older", Shape.OLDER,
                "ALTER TABLE public.jobs ALTER COLUMN status TYPE varchar(9)",
                "ALTER TABLE public.companies ALTER COLUMN is_verified DROP DEFAULT",
                "DROP INDEX public.ix_jobs_company_id",
                "DROP INDEX public.ix_job_applications_status",
                "ALTER TABLE public.jobs DROP CONSTRAINT ck_jobs_salary_min_lte_max",
                "CREATE INDEX ix_jobs_by_hand ON public.jobs (country, zone)");
        assertThat(new Migrator(older.superuser()).inspect().adoptedDifferences()).hasSize(5);
        adoptKeepingEveryRow(older, "applicationstatus");

        // a current database given back some of the older shape's objects
        TestDatabase.Db current = PlatformShapes.withFixture("shape_mix_current", Shape.CURRENT,
                "CREATE INDEX ix_job_applications_status ON public.job_applications (status)",
                "ALTER TABLE public.jobs ALTER COLUMN currency SET DEFAULT 'XAF'",
                "ALTER TABLE public.jobs ALTER COLUMN job_type TYPE varchar(50)");
        assertThat(new Migrator(current.superuser()).inspect().adoptedDifferences()).hasSize(8);
        adoptKeepingEveryRow(current, "character varying(11)");
    }

    @Test
    void aFailedAdoptionOfTheCurrentShapeAtV2IsFinishedByARerun() throws SQLException {
        // the field's state of issue 18: adopted, V2 applied, V3 failed (before the domain existed)
        TestDatabase.Db db = PlatformShapes.withFixture("shape_left_at_v2", Shape.CURRENT);
        new Migrator(db.superuser()).migrate(true, "2", msg -> { });
        try (Connection c = db.superuser().getConnection()) {
            c.createStatement().execute("DROP DOMAIN public.applicationstatus");
        }
        Migrator.Result result = new Migrator(db.superuser()).migrate(false, null, msg -> { });
        assertThat(result.fromVersion()).isEqualTo("2");
        assertThat(new Migrator(db.superuser()).inspect().upToDate()).isTrue();
    }

    private static void adoptKeepingEveryRow(TestDatabase.Db db, String statusType) throws SQLException {
        long applications;
        List<String> statuses;
        try (Connection c = db.superuser().getConnection()) {
            applications = count(c, "SELECT count(*) FROM public.job_applications");
            statuses = strings(c, "SELECT status::text || ' ' || count(*) FROM public.job_applications"
                    + " GROUP BY status::text ORDER BY status::text");
        }
        List<String> progress = new ArrayList<>();
        Migrator.Result result = new Migrator(db.superuser()).migrate(true, null, progress::add);
        assertThat(result.baselined()).isTrue();
        assertThat(new Migrator(db.superuser()).inspect().upToDate()).isTrue();
        try (Connection c = db.superuser().getConnection()) {
            assertThat(string(c, STATUS_TYPE)).isEqualTo(statusType);
            long kept = count(c, "SELECT count(*) FROM public.job_applications");
            long archived = count(c, "SELECT count(*) FROM recruiter.duplicate_applications_archive");
            assertThat(kept + archived).isEqualTo(applications);
            assertThat(archived).isEqualTo(6);
            // every application has its history, ending at its status
            assertThat(count(c, "SELECT count(*) FROM public.job_applications a WHERE a.status::text IS DISTINCT FROM"
                    + " (SELECT e.to_status::text FROM recruiter.application_status_events e"
                    + "   WHERE e.application_id = a.id ORDER BY e.changed_at DESC, e.id DESC LIMIT 1)")).isZero();
            assertThat(count(c, "SELECT sum(applied + viewed + shortlisted + interview + accepted + rejected)"
                    + " FROM recruiter.job_application_counts")).isEqualTo(kept);
            // no application lost its status: the archived ones and the kept ones together are the same statuses
            assertThat(strings(c, "SELECT status || ' ' || count(*) FROM (SELECT status::text FROM"
                    + " public.job_applications UNION ALL SELECT status::text FROM"
                    + " recruiter.duplicate_applications_archive) s GROUP BY status ORDER BY status"))
                    .isEqualTo(statuses);
        }
    }

    // ------------------------------------------------------------------------------ the platform's own writes

    @Test
    void afterAdoptionThePlatformWritesTheVarcharStatusAsATypedStringParameter() throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("shape_platform_writes", Shape.CURRENT);
        new Migrator(db.superuser()).migrate(true, null, msg -> { });
        try (Connection c = db.superuser().getConnection()) {
            int id;
            // setString binds a varchar-typed parameter, as the platform's ORM binds a non-native enum
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.job_applications"
                    + " (job_id, candidate_id, status, applied_at, updated_at) VALUES (?, ?, ?, now(), now())"
                    + " RETURNING id")) {
                ps.setInt(1, 3);
                ps.setInt(2, 30);
                ps.setString(3, "applied");
                var rs = ps.executeQuery();
                rs.next();
                id = rs.getInt(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE public.job_applications SET status = ?, updated_at = now() WHERE id = ?")) {
                ps.setString(1, "interview");
                ps.setInt(2, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM public.job_applications WHERE status = ? AND id = ?")) {
                ps.setString(1, "interview");
                ps.setInt(2, id);
                var rs = ps.executeQuery();
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(rows(c, "SELECT coalesce(from_status::text, '-'), to_status, source FROM"
                    + " recruiter.application_status_events WHERE application_id = ? ORDER BY id", id))
                    .containsExactly("-|applied|insert", "applied|interview|platform");
            // a label the platform's enum never had is refused, as the enum refused it
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE public.job_applications SET status = ? WHERE id = ?")) {
                ps.setString(1, "Interview");
                ps.setInt(2, id);
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("applicationstatus");
            }
        }
    }

    @Test
    void evidenceAVarcharTypedParameterIsRefusedByTheEnumColumnAnUntypedOneIsNot() throws SQLException {
        // why decision 0011 keeps the column as found: converting it to the enum would refuse the platform's
        // typed string parameter
        TestDatabase.Db db = PlatformShapes.withFixture("shape_enum_evidence", Shape.OLDER);
        try (Connection c = db.superuser().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE public.job_applications SET status = ? WHERE id = 2")) {
                ps.setString(1, "viewed");
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("is of type applicationstatus but "
                        + "expression is of type character varying");
                ps.setObject(1, "viewed", Types.OTHER);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public.job_applications WHERE status = ?")) {
                ps.setString(1, "viewed");
                assertThatThrownBy(ps::executeQuery).hasMessageContaining("operator does not exist");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ refused

    @Test
    void refusesAColumnOfAnotherType() throws SQLException {
        assertRefused(Shape.CURRENT, "jobs.location_type is text",
                "ALTER TABLE public.jobs ALTER COLUMN location_type TYPE text");
    }

    @Test
    void refusesANullableColumnTheClientReliesOn() throws SQLException {
        assertRefused(Shape.OLDER, "job_applications.job_id allows NULL",
                "ALTER TABLE public.job_applications ALTER COLUMN job_id DROP NOT NULL");
    }

    @Test
    void refusesANotNullColumnThePlatformLeavesNullable() throws SQLException {
        assertRefused(Shape.CURRENT, "jobs.country is NOT NULL where the platform allows NULL",
                "ALTER TABLE public.jobs ALTER COLUMN country SET NOT NULL");
    }

    @Test
    void refusesAMissingUniqueKey() throws SQLException {
        assertRefused(Shape.CURRENT, "public.employers has no unique key on (user_id)",
                "ALTER TABLE public.employers DROP CONSTRAINT employers_user_id_key");
    }

    @Test
    void refusesAMissingPrimaryKey() throws SQLException {
        assertRefused(Shape.OLDER, "public.job_applications has no unique key on (id)",
                "ALTER TABLE public.job_applications DROP CONSTRAINT job_applications_pkey CASCADE");
    }

    @Test
    void refusesStatusesOutsideTheSixLabels() throws SQLException {
        assertRefused(Shape.CURRENT, "'Applied' (2 rows)",
                "UPDATE public.job_applications SET status = 'Applied' WHERE id IN (1, 2)");
    }

    @Test
    void refusesAnApplicationStatusTypeTheVarcharColumnDoesNotUse() throws SQLException {
        assertRefused(Shape.CURRENT, "A type public.applicationstatus exists (an enum)",
                "CREATE TYPE public.applicationstatus AS ENUM ('applied', 'viewed')");
    }

    @Test
    void refusesAnEnumWithOtherLabels() throws SQLException {
        assertRefused(Shape.OLDER, "has the labels [applied, viewed, shortlisted, interview, rejected, accepted,"
                + " withdrawn]", "ALTER TYPE public.applicationstatus ADD VALUE 'withdrawn'");
    }

    @Test
    void refusesAMissingColumnAsNotThePlatformsDatabase() throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("shape_refused_column", Shape.CURRENT);
        try (Connection c = db.superuser().getConnection()) {
            c.createStatement().execute("ALTER TABLE public.jobs DROP COLUMN zone");
        }
        assertThat(new Migrator(db.superuser()).inspect().state()).isEqualTo(Migrator.State.FOREIGN);
        assertThatThrownBy(() -> new Migrator(db.superuser()).migrate(true, null, msg -> { }))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("jobs.zone")
                .hasMessageContaining("nothing was changed");
        assertUnchanged(db);
    }

    @Test
    void aDatabaseWithoutTheNotesThreadColumnIsAdoptedAndGetsItAsThePlatformDefinesIt() throws SQLException {
        // older databases than the reference may lack job_applications.recruiter_notes (decision 0019)
        TestDatabase.Db db = PlatformShapes.withFixture("shape_no_recruiter_notes", Shape.OLDER,
                "ALTER TABLE public.job_applications DROP COLUMN recruiter_notes");
        Migrator.Status before = new Migrator(db.superuser()).inspect();
        assertThat(before.problems()).isEmpty();
        assertThat(before.adoptedDifferences()).singleElement().asString()
                .contains("job_applications.recruiter_notes is absent");
        new Migrator(db.superuser()).migrate(true, null, msg -> { });
        try (Connection c = db.superuser().getConnection()) {
            assertThat(string(c, "SELECT format_type(atttypid, atttypmod) || '|' || attnotnull FROM pg_attribute"
                    + " WHERE attrelid = 'public.job_applications'::regclass AND attname = 'recruiter_notes'"
                    + " AND NOT attisdropped")).isEqualTo("jsonb|false");
            assertThat(string(c, "SELECT max(version) FROM recruiter.flyway_schema_history")).isNotNull();
        }
        assertThat(new Migrator(db.superuser()).inspect().adoptedDifferences()).isEmpty();
    }

    private static void assertRefused(Shape shape, String reason, String change) throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("shape_refused", shape, change);
        Migrator.Status status = new Migrator(db.superuser()).inspect();
        assertThat(status.problems()).as("the one problem").hasSize(1);
        assertThat(status.problems().get(0)).contains(reason);
        List<String> progress = new ArrayList<>();
        assertThatThrownBy(() -> new Migrator(db.superuser()).migrate(true, null, progress::add))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("cannot be adopted").hasMessageContaining("nothing was changed")
                .hasMessageContaining(reason).hasMessageContaining("migrate --baseline");
        assertThat(progress).isEmpty();
        assertUnchanged(db);
    }

    private static void assertUnchanged(TestDatabase.Db db) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(string(c, "SELECT to_regnamespace('recruiter') IS NULL")).isEqualTo("t");
            assertThat(count(c, "SELECT count(*) FROM pg_type WHERE typtype = 'd'"
                    + " AND typnamespace = 'public'::regnamespace")).isZero();
        }
    }
}
