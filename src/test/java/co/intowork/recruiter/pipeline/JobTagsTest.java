package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static co.intowork.recruiter.pipeline.PipelineFixture.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * recruiter.job_tags (V51) kept by its triggers under the platform's plain-SQL writes, on the two-companies fixture
 * (Alpha: jobs 11, 12; Beta: job 21; applications 101 on 11, 121 on 12, 201 and 202 on 21; candidates 1-3).
 * The write-by-write test starts from the fixture's state, so it runs before the random run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobTagsTest {
    /** What the table must hold: an independent recount of the live applications' string tags. */
    private static final String RECOUNT = "SELECT a.job_id || ' ' || (x.v ->> 0) || ' ' || j.company_id || ' '"
            + " || count(DISTINCT a.id) FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id,"
            + " LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.tags) = 'array' THEN a.tags ELSE '[]' END) e,"
            + " LATERAL (SELECT jsonb_build_array(e.value) AS v) x"
            + " WHERE a.deleted_at IS NULL AND jsonb_typeof(e.value) = 'string'"
            + " GROUP BY a.job_id, (x.v ->> 0), j.company_id ORDER BY 1";
    private static final String KEPT = "SELECT job_id || ' ' || tag || ' ' || company_id || ' ' || applications"
            + " FROM recruiter.job_tags ORDER BY 1";

    private static TestDatabase.Db db;
    private static SignedIn anne;

    @BeforeAll
    static void setUp() {
        db = TwoCompanies.create("pipeline_job_tags");
        anne = PipelineFixture.signIn(db, "pipeline_job_tags_client", TwoCompanies.ANNE, TwoCompanies.PASSWORD);
    }

    @Test
    @Order(1)
    void theTableFollowsEachOfThePlatformsWrites() throws SQLException {
        platform(db, "UPDATE public.job_applications SET tags = '[\"java\", \"java\", \"senior\"]' WHERE id = 101");
        platform(db, "UPDATE public.job_applications SET tags = '[\"java\", 7, null]' WHERE id = 121");
        assertThat(kept()).containsExactly("11 java 1 1", "11 senior 1 1", "12 java 1 1");
        // a status change (no tags in the SET list) leaves it; a tag removed
        platform(db, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");
        platform(db, "UPDATE public.job_applications SET tags = '[\"senior\"]' WHERE id = 101");
        assertThat(kept()).containsExactly("11 senior 1 1", "12 java 1 1");
        // soft-deleted, then restored
        platform(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 121");
        assertThat(kept()).containsExactly("11 senior 1 1");
        platform(db, "UPDATE public.job_applications SET deleted_at = NULL WHERE id = 121");
        assertThat(kept()).containsExactly("11 senior 1 1", "12 java 1 1");
        // moved to another job, then to another company's job
        platform(db, "UPDATE public.job_applications SET job_id = 11 WHERE id = 121");
        assertThat(kept()).containsExactly("11 java 1 1", "11 senior 1 1");
        platform(db, "UPDATE public.job_applications SET job_id = 21, tags = '[\"java\", \"x\"]' WHERE id = 101");
        assertThat(kept()).containsExactly("11 java 1 1", "21 java 2 1", "21 x 2 1");
        assertThat(taggedJobIds("java")).containsExactly(11);
        // the job moved to another company: its rows follow
        platform(db, "UPDATE public.jobs SET company_id = 1 WHERE id = 21");
        assertThat(kept()).containsExactly("11 java 1 1", "21 java 1 1", "21 x 1 1");
        assertThat(taggedJobIds("java")).containsExactlyInAnyOrder(11, 21);
        platform(db, "UPDATE public.jobs SET company_id = 2 WHERE id = 21");
        // odd values are no tags
        platform(db, "UPDATE public.job_applications SET tags = '\"java\"' WHERE id = 121");
        assertThat(kept()).containsExactly("21 java 2 1", "21 x 2 1");
        // an insert, two applications counted on one (job, tag), then a hard delete
        platform(db, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, tags)"
                + " VALUES (1001, 11, 2, 'applied', '[\"java\", \"senior\"]')");
        platform(db, "UPDATE public.job_applications SET job_id = 11, tags = '[\"java\"]' WHERE id = 101");
        assertThat(kept()).containsExactly("11 java 1 2", "11 senior 1 1");
        platform(db, "DELETE FROM public.job_applications WHERE id = 1001");
        assertThat(kept()).containsExactly("11 java 1 1");
        assertThat(kept()).isEqualTo(recount());
        assertThat(rebuild()).isZero();
    }

    @Test
    @Order(2)
    void afterARandomRunOfWritesTheTableIsARecountAndTheRebuildFindsNoDrift() throws SQLException {
        Random random = new Random(51);
        String[] tags = {"null", "'[]'", "'\"a\"'", "'{\"a\": 1}'", "'[\"a\"]'", "'[\"a\", \"b\"]'", "'[\"b\", \"a\", \"b\"]'",
                "'[\"c\", 1, null, \"a\"]'", "'[\"b\", \"c\"]'"};
        int[] jobs = {11, 12, 21};
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                int app = List.of(101, 121, 201, 202, 1001, 1002).get(random.nextInt(6));
                int job = jobs[random.nextInt(jobs.length)];
                String tag = tags[random.nextInt(tags.length)];
                String sql = switch (random.nextInt(8)) {
                    case 0 -> "UPDATE public.job_applications SET deleted_at = now() WHERE id = " + app;
                    case 1 -> "UPDATE public.job_applications SET deleted_at = NULL WHERE id = " + app;
                    case 2 -> "UPDATE public.job_applications SET job_id = " + job + " WHERE id = " + app;
                    case 3 -> "DELETE FROM public.job_applications WHERE id = " + app;
                    case 4 -> "INSERT INTO public.job_applications (id, job_id, candidate_id, status, tags) VALUES ("
                            + app + ", " + job + ", " + (1 + random.nextInt(3)) + ", 'applied', " + tag
                            + ") ON CONFLICT DO NOTHING";
                    case 5 -> "UPDATE public.job_applications SET tags = " + tag + " WHERE job_id = " + job;
                    case 6 -> "UPDATE public.jobs SET company_id = " + (1 + random.nextInt(2)) + " WHERE id = " + job;
                    default -> "UPDATE public.job_applications SET tags = " + tag + ", job_id = " + job
                            + " WHERE id = " + app;
                };
                try {
                    s.execute(sql);
                } catch (SQLException refused) {
                    // a (job, candidate) pair taken twice: the platform's own rules refuse it, nothing was written
                }
            }
        }
        assertThat(recount()).isNotEmpty();
        assertThat(kept()).isEqualTo(recount());
        assertThat(rebuild()).isZero();
        // drift made behind the triggers' back is found and repaired
        platform(db, "UPDATE recruiter.job_tags SET applications = applications + 3"
                + " WHERE ctid IN (SELECT ctid FROM recruiter.job_tags LIMIT 1)");
        platform(db, "INSERT INTO recruiter.job_tags VALUES (11, 'ghost', 1, 1) ON CONFLICT DO NOTHING");
        assertThat(rebuild()).isEqualTo(2);
        assertThat(kept()).isEqualTo(recount());
    }

    @Test
    void theClientCanNeitherReadTheTableNorRebuildIt() {
        for (String sql : List.of("SELECT count(*) FROM recruiter.job_tags", "SELECT recruiter.rebuild_job_tags()",
                "SELECT recruiter.application_tags('[]')")) {
            assertThatThrownBy(() -> anne.unitOfWork().inTransaction(session -> {
                try (Statement st = session.getConnection().createStatement()) {
                    st.executeQuery(sql);
                }
                return null;
            })).as(sql).hasStackTraceContaining("permission denied");
        }
    }

    private static List<String> kept() throws SQLException {
        return strings(KEPT);
    }

    private static List<String> recount() throws SQLException {
        return strings(RECOUNT);
    }

    private static long rebuild() throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT recruiter.rebuild_job_tags()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static List<Integer> taggedJobIds(String tag) {
        return anne.unitOfWork().inTransaction(session -> {
            List<Integer> found = new ArrayList<>();
            try (PreparedStatement ps = session.getConnection()
                    .prepareStatement("SELECT * FROM recruiter.tagged_job_ids(?) ORDER BY 1")) {
                ps.setString(1, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getInt(1));
                    }
                }
            }
            return found;
        });
    }
}
