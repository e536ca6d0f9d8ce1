package co.intowork.recruiter.search;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.search.CandidateSearchFixture.exec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * recruiter.managed_job_candidates (V63, decision 0037): the documents of the live applicants of every job with a
 * hiring manager, kept by triggers under the platform's plain-SQL writes, the hiring managers' changes and the
 * documents' changes, on the two-companies fixture (Alpha: jobs 11, 12; Beta: job 21; applications 101 on 11, 121
 * on 12, 201 and 202 on 21; candidates 1-3). The write-by-write test starts from the fixture's state, so it runs
 * first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagedJobCandidatesTest {
    /** What the table must hold: recomputed from the applications, the hiring managers and the documents. */
    private static final String TRUTH = "SELECT DISTINCT a.job_id || ' ' || a.candidate_id || ' '"
            + " || md5(s.document::text)"
            + " FROM public.job_applications a JOIN recruiter.candidate_search s ON s.candidate_id = a.candidate_id"
            + " WHERE a.deleted_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = a.job_id) ORDER BY 1";
    private static final String KEPT = "SELECT job_id || ' ' || candidate_id || ' ' || md5(document::text)"
            + " FROM recruiter.managed_job_candidates ORDER BY 1";
    private static final String PAIRS = "SELECT job_id || ' ' || candidate_id FROM recruiter.managed_job_candidates"
            + " ORDER BY 1";

    private static TestDatabase.Db db;

    @BeforeAll
    static void setUp() {
        db = TwoCompanies.create("managed_job_candidates");
    }

    @Test
    @Order(1)
    void theTableFollowsEachWrite() throws SQLException {
        // the fixture's hiring manager of job 11, copied when the fixture added her; then removed
        assertThat(strings(PAIRS)).containsExactly("11 1");
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));
        exec(db, "DELETE FROM recruiter.job_hiring_managers");
        assertThat(strings(PAIRS)).isEmpty();
        // a job's first hiring manager copies its live applicants; a second one changes nothing
        exec(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (21, 900, 1)");
        assertThat(strings(PAIRS)).containsExactly("21 2", "21 3");
        exec(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (21, 901, 1)");
        assertThat(strings(PAIRS)).containsExactly("21 2", "21 3");
        // soft-deleted, then restored; a status move changes nothing
        exec(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 201");
        assertThat(strings(PAIRS)).hasSize(1);
        exec(db, "UPDATE public.job_applications SET deleted_at = NULL WHERE id = 201");
        exec(db, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 202");
        assertThat(strings(KEPT)).hasSize(2).isEqualTo(strings(TRUTH));
        // moved to a job without a hiring manager, and back
        exec(db, "UPDATE public.job_applications SET job_id = 11 WHERE id = 202");
        assertThat(strings(PAIRS)).hasSize(1);
        exec(db, "UPDATE public.job_applications SET job_id = 21 WHERE id = 202");
        assertThat(strings(PAIRS)).hasSize(2);
        // the candidate's document changes (title): the copy follows
        List<String> before = strings(KEPT);
        exec(db, "UPDATE public.candidates SET title = 'Ingénieure réseau senior' WHERE id = 2");
        assertThat(strings(KEPT)).isNotEqualTo(before).isEqualTo(strings(TRUTH));
        // an application inserted, then hard-deleted
        exec(db, "INSERT INTO public.job_applications (id, job_id, candidate_id, status)"
                + " VALUES (1001, 21, 1, 'applied')");
        assertThat(strings(PAIRS)).contains("21 1");
        exec(db, "DELETE FROM public.job_applications WHERE id = 1001");
        assertThat(strings(PAIRS)).doesNotContain("21 1");
        // the job's last hiring manager gone: its rows go
        exec(db, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 21 AND user_id = 900");
        assertThat(strings(PAIRS)).hasSize(2);
        exec(db, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 21");
        assertThat(strings(PAIRS)).isEmpty();
        assertThat(rebuild()).isZero();
    }

    @Test
    @Order(3)
    void afterARandomRunOfWritesTheTableIsARecountAndTheRebuildFindsNoDrift() throws SQLException {
        Random random = new Random(63);
        int[] jobs = {11, 12, 21};
        String[] titles = {"'Comptable'", "'Chef de projet'", "'Développeur Java'", "NULL"};
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                int app = List.of(101, 121, 201, 202, 1001, 1002).get(random.nextInt(6));
                int job = jobs[random.nextInt(jobs.length)];
                int candidate = 1 + random.nextInt(3);
                String sql = switch (random.nextInt(10)) {
                    case 0 -> "UPDATE public.job_applications SET deleted_at = now() WHERE id = " + app;
                    case 1 -> "UPDATE public.job_applications SET deleted_at = NULL WHERE id = " + app;
                    case 2 -> "UPDATE public.job_applications SET job_id = " + job + " WHERE id = " + app;
                    case 3 -> "DELETE FROM public.job_applications WHERE id = " + app;
                    case 4 -> "INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES ("
                            + app + ", " + job + ", " + candidate + ", 'applied') ON CONFLICT DO NOTHING";
                    case 5 -> "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (" + job
                            + ", " + (900 + random.nextInt(2)) + ", 1) ON CONFLICT DO NOTHING";
                    case 6 -> "DELETE FROM recruiter.job_hiring_managers WHERE job_id = " + job
                            + " AND user_id = " + (900 + random.nextInt(2));
                    case 7 -> "UPDATE public.candidates SET title = " + titles[random.nextInt(titles.length)]
                            + " WHERE id = " + candidate;
                    case 8 -> "UPDATE public.job_applications SET candidate_id = " + candidate + " WHERE id = " + app;
                    default -> "UPDATE public.job_applications SET status = 'viewed', job_id = " + job
                            + " WHERE id = " + app;
                };
                try {
                    s.execute(sql);
                } catch (SQLException refused) {
                    // a (job, candidate) pair taken twice: the platform's own rules refuse it, nothing was written
                }
                assertThat(MigratedDatabases.strings(c, KEPT)).as("after " + sql)
                        .isEqualTo(MigratedDatabases.strings(c, TRUTH));
            }
        }
        exec(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (11, 900, 1),"
                + " (12, 900, 1), (21, 900, 1) ON CONFLICT DO NOTHING");
        assertThat(strings(TRUTH)).isNotEmpty();
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));
        assertThat(rebuild()).isZero();
        // drift made behind the triggers' back is found and repaired: a row too many, one missing, one stale
        exec(db, "DELETE FROM recruiter.managed_job_candidates WHERE ctid IN"
                + " (SELECT ctid FROM recruiter.managed_job_candidates ORDER BY job_id, candidate_id LIMIT 1)");
        exec(db, "UPDATE recruiter.managed_job_candidates SET document = 'fantôme'::tsvector WHERE ctid IN"
                + " (SELECT ctid FROM recruiter.managed_job_candidates ORDER BY job_id DESC, candidate_id LIMIT 1)");
        exec(db, "INSERT INTO recruiter.managed_job_candidates VALUES (12, 3, 'fantôme') ON CONFLICT DO NOTHING");
        assertThat(rebuild()).isBetween(2L, 3L);
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));
    }

    /**
     * A hiring manager added while another transaction restores one of the job's applications, in both orders: the
     * second waits for the first (the job's row: FOR UPDATE by the hiring managers' trigger, FOR KEY SHARE by the
     * applications'), then sees its change, so neither write is missed.
     */
    @Test
    @Order(2)
    void aHiringManagerAddedWhileAnApplicationIsRestoredMissesNothing() throws Exception {
        assertThat(strings(PAIRS)).as("the state the first test leaves").isEmpty();
        exec(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 201");
        String pair = "21 " + strings("SELECT candidate_id FROM public.job_applications WHERE id = 201").get(0);
        String restore = "UPDATE public.job_applications SET deleted_at = NULL WHERE id = 201";
        String addManager = "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (21, 900, 1)";
        concurrently(restore, addManager);
        assertThat(strings(PAIRS)).contains(pair);
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));

        exec(db, "DELETE FROM recruiter.job_hiring_managers");
        exec(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 201");
        concurrently(addManager, restore);
        assertThat(strings(PAIRS)).contains(pair);
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));
    }

    /** A TRUNCATE fires no row trigger; what it empties takes the copy's rows with it. */
    @Test
    @Order(4)
    void aTruncateOfTheHiringManagersOrTheDocumentsEmptiesIt() throws SQLException {
        exec(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (11, 900, 1),"
                + " (12, 900, 1), (21, 900, 1) ON CONFLICT DO NOTHING");
        assertThat(strings(PAIRS)).isNotEmpty();
        exec(db, "TRUNCATE recruiter.job_hiring_managers");
        assertThat(strings(PAIRS)).isEmpty();
        exec(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (11, 900, 1),"
                + " (12, 900, 1), (21, 900, 1)");
        assertThat(strings(PAIRS)).isNotEmpty();
        exec(db, "TRUNCATE recruiter.candidate_search");
        assertThat(strings(PAIRS)).isEmpty();
        assertThat(strings(KEPT)).isEqualTo(strings(TRUTH));
    }

    /** {@code first} runs and stays uncommitted while {@code second} starts in another transaction; both commit. */
    private static void concurrently(String first, String second) throws Exception {
        try (Connection a = db.superuser().getConnection(); Connection b = db.superuser().getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                s.execute(first);
            }
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try (Statement s = b.createStatement()) {
                    s.execute(second);
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            a.commit();
            other.get(30, TimeUnit.SECONDS);
        }
    }

    private static long rebuild() {
        return Long.parseLong(strings("SELECT recruiter.rebuild_managed_job_candidates()").get(0));
    }

    private static List<String> strings(String sql) {
        return MigratedDatabases.column(db, sql);
    }
}
