package co.intowork.recruiter.seed;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSeederTest {
    private static final OffsetDateTime ANCHOR = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final List<String> TABLES = List.of("companies", "users", "employers", "candidates",
            "candidate_cvs", "experiences", "educations", "skills", "jobs", "job_applications", "notifications",
            "recruiter.application_status_events", "interview_schedules", "email_templates");

    private static final DemoSeeder.Options SMALL = new DemoSeeder.Options(42, ANCHOR, 100, 20, 40);

    private static TestDatabase.Db first;
    private static TestDatabase.Db other;
    private static TestDatabase.Db smallDeferred;
    private static TestDatabase.Db smallPerRow;
    @TempDir
    static Path cvFolder;
    private static Database firstDb;
    private static final List<DemoSeeder.Progress> otherProgress = new ArrayList<>();

    @BeforeAll
    static void seedFourDatabases() {
        first = MigratedDatabase.create("seed_a");
        other = MigratedDatabase.create("seed_c");
        smallDeferred = MigratedDatabase.create("seed_small_deferred");
        smallPerRow = MigratedDatabase.create("seed_small_per_row");
        firstDb = MigratedDatabase.open(first);
        seed(firstDb, 42);
        try (Database db = MigratedDatabase.open(other)) {
            new DemoSeeder(db.unitOfWork()).seed(new DemoSeeder.Options(7, ANCHOR, 600, 60, 40, cvFolder),
                    otherProgress::add);
        }
        // the same small data loaded twice: once with the derived tables rebuilt at the end, once with every
        // trigger doing its work row by row, which is what the rebuilds must equal. Small: row by row, each
        // candidate's search document is rebuilt once per profile row (about 2 ms each): 600 candidates took 54 s
        // row by row, these 100 take 4.3 s (1.1 s deferred), timed alone on 2026-12-08.
        try (Database db = MigratedDatabase.open(smallDeferred)) {
            new DemoSeeder(db.unitOfWork()).seed(SMALL, m -> { });
        }
        try (Database db = MigratedDatabase.open(smallPerRow)) {
            new DemoSeeder(db.unitOfWork()).seed(SMALL, m -> { }, false);
        }
    }

    @AfterAll
    static void close() {
        firstDb.close();
    }

    private static DemoSeeder.Report seed(Database db, int seed) {
        return new DemoSeeder(db.unitOfWork()).seed(new DemoSeeder.Options(seed, ANCHOR, 600, 60, 40), m -> { });
    }

    /** Row digests per table, ignoring columns that triggers stamp with the wall clock. */
    private static Map<String, String> digests(TestDatabase.Db db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT md5(string_agg((to_jsonb(t) - 'updated_at' - 'version')::text, "
                        + "'|' ORDER BY t.id)) FROM " + (table.contains(".") ? table : "public." + table) + " t")) {
                    rs.next();
                    out.put(table, rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> column(TestDatabase.Db db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long number(TestDatabase.Db db, String sql) throws Exception {
        return Long.parseLong(column(db, sql).get(0));
    }

    /**
     * The first start loads the demo through the app's own pool, whose statement timeout guards the screens: the
     * load must not be subject to it (issue 16: on a loaded machine it hit the timeout). A pool with a 20 ms limit
     * still seeds, and the statistics rollups, built once at the end, agree with a recount.
     */
    @Test
    void seedingIgnoresTheInteractiveStatementTimeoutAndBuildsTheStatistics() throws Exception {
        TestDatabase.Db db = MigratedDatabase.create("seed_timeout");
        ConnectionSettings strict = new ConnectionSettings(db.jdbcUrl(), db.user(), null,
                ConnectionSettings.SslMode.DISABLE, null, 2, 10, 20, 5_000, "IntoWork Recruiter tests");
        try (Database pool = new Database(DataSourceFactory.create(strict, "seed-timeout"),
                new Database.Target(false, "localhost", 0, db.name(), db.user()), Mappers.all(), () -> false, null)) {
            new DemoSeeder(pool.unitOfWork()).seed(new DemoSeeder.Options(42, ANCHOR, 300, 30, 30), m -> { });
        }
        assertThat(number(db, "SELECT count(*) FROM public.job_applications")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM recruiter.stats_application_facts"))
                .isEqualTo(number(db, "SELECT count(*) FROM public.job_applications"));
        assertThat(number(db, "SELECT recruiter.stats_recount()")).isZero();
        assertThat(number(db, "SELECT count(*) FROM recruiter.candidate_search"))
                .isEqualTo(number(db, "SELECT count(*) FROM public.candidates")).isPositive();
        assertThat(number(db, "SELECT recruiter.rebuild_candidate_search()")).isZero();
        assertThat(number(db, "SELECT recruiter.rebuild_job_application_counts()")).isZero();
    }

    /**
     * The derived tables built once at the end of the load (V40 search documents and counts, V32 rollups, and V63's
     * copy of the managed jobs' documents, which follows the documents' insert) hold exactly what the per-row
     * triggers build when they do the work as the rows go in (the same seed, triggers on).
     */
    @Test
    void theDeferredRebuildsEqualWhatThePerRowTriggersBuild() throws Exception {
        // the triggers add and take away samples, leaving a histogram bucket at zero where the rebuild has none
        for (String table : List.of("recruiter.candidate_search", "recruiter.job_application_counts",
                "recruiter.company_candidates", "recruiter.stats_application_facts",
                "recruiter.stats_company_day", "recruiter.stats_company_durations WHERE samples <> 0",
                "recruiter.stats_company_sources", "recruiter.managed_job_candidates")) {
            String sql = "SELECT count(*) || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '-') FROM "
                    + "(SELECT (to_jsonb(t) - 'refreshed_at')::text AS r FROM " + table.replace(" WHERE", " t WHERE")
                    + (table.contains(" WHERE") ? "" : " t") + ") x";
            String deferred = column(smallDeferred, sql).get(0);
            assertThat(deferred).as(table).doesNotStartWith("0:");
            assertThat(column(smallPerRow, sql).get(0)).as(table).isEqualTo(deferred);
        }
    }

    /** The command line and the start-up window show each stage as it starts, numbered, in order. */
    @Test
    void everyStageIsReportedOnceInOrder() {
        DemoSeeder.Stage[] stages = DemoSeeder.Stage.values();
        assertThat(otherProgress).extracting(DemoSeeder.Progress::stage).containsExactly(stages);
        for (int i = 0; i < otherProgress.size(); i++) {
            DemoSeeder.Progress p = otherProgress.get(i);
            assertThat(p.step()).isEqualTo(i + 1);
            assertThat(p.steps()).isEqualTo(stages.length);
            if (i > 0) {
                assertThat(p.elapsed()).isGreaterThanOrEqualTo(otherProgress.get(i - 1).elapsed());
            }
        }
        assertThat(otherProgress.get(3).describe()).matches("4/9 Applications \\(\\d+\\.\\d s\\)");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedDifferentOnes() throws Exception {
        Map<String, String> a = digests(first);
        assertThat(a.values()).doesNotContainNull();
        Map<String, String> small = digests(smallDeferred);
        assertThat(small.values()).doesNotContainNull();
        assertThat(digests(smallPerRow)).isEqualTo(small);
        Map<String, String> c = digests(other);
        assertThat(c.get("jobs")).isNotEqualTo(a.get("jobs"));
        assertThat(c.get("job_applications")).isNotEqualTo(a.get("job_applications"));
    }

    @Test
    void everyApplicationStatusAndEveryJobStatusIsPresent() throws Exception {
        assertThat(column(first, "SELECT DISTINCT status::text FROM job_applications ORDER BY 1"))
                .containsExactly("accepted", "applied", "interview", "rejected", "shortlisted", "viewed");
        assertThat(column(first, "SELECT DISTINCT status FROM jobs ORDER BY 1"))
                .containsExactly("archived", "closed", "draft", "published");
    }

    @Test
    void valuesFollowThePlatformsEncodings() throws Exception {
        assertThat(column(first, "SELECT DISTINCT role::text FROM users ORDER BY 1"))
                .containsExactly("CANDIDATE", "EMPLOYER");
        assertThat(column(first, "SELECT DISTINCT job_type FROM jobs"))
                .isSubsetOf("full_time", "part_time", "contract", "temporary", "internship");
        assertThat(column(first, "SELECT DISTINCT location_type FROM jobs")).isSubsetOf("on_site", "remote", "hybrid");
        assertThat(column(first, "SELECT DISTINCT currency || '/' || zone FROM jobs ORDER BY 1"))
                .containsExactly("XAF/CEMAC", "XOF/UEMOA");
        assertThat(column(first, "SELECT DISTINCT country FROM jobs ORDER BY 1")).containsExactly("CI", "CM", "GA", "SN");
        assertThat(column(first, "SELECT DISTINCT language FROM jobs ORDER BY 1")).containsExactly("en", "fr");
        assertThat(number(first, "SELECT count(*) FROM users WHERE password_hash NOT LIKE '$2b$12$%' "
                + "OR length(password_hash) <> 60")).isZero();
        assertThat(column(first, "SELECT DISTINCT title FROM notifications WHERE type = 'STATUS_CHANGE' ORDER BY 1"))
                .contains("❌ Votre candidature n'a pas été retenue", "🎯 Vous êtes convoqué(e) en entretien");
    }

    @Test
    void referencesAndDatesAreSane() throws Exception {
        // a job's company is its recruiter's company
        assertThat(number(first, "SELECT count(*) FROM jobs j JOIN employers e ON e.id = j.employer_id "
                + "WHERE e.company_id <> j.company_id")).isZero();
        // no application to a draft job, none before the job was posted, none after the anchor
        assertThat(number(first, "SELECT count(*) FROM job_applications a JOIN jobs j ON j.id = a.job_id "
                + "WHERE j.status = 'draft' OR a.applied_at < j.posted_at OR a.applied_at > '2026-06-01'")).isZero();
        // one application per candidate and job
        assertThat(number(first, "SELECT count(*) FROM (SELECT 1 FROM job_applications GROUP BY job_id, candidate_id "
                + "HAVING count(*) > 1) d")).isZero();
        // viewed_at exactly for applications past 'applied'
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE (status = 'applied') <> (viewed_at IS NULL)"))
                .isZero();
        // the chosen CV belongs to the candidate
        assertThat(number(first, "SELECT count(*) FROM job_applications a JOIN candidate_cvs v ON v.id = a.cv_id "
                + "WHERE v.candidate_id <> a.candidate_id")).isZero();
        assertThat(number(first, "SELECT count(*) FROM jobs j WHERE applications_count <> "
                + "(SELECT count(*) FROM job_applications a WHERE a.job_id = j.id)")).isZero();
        // every application told its recruiter, every move its candidate
        assertThat(number(first, "SELECT count(*) FROM notifications WHERE type = 'NEW_APPLICATION'"))
                .isEqualTo(number(first, "SELECT count(*) FROM job_applications"));
        assertThat(number(first, "SELECT count(*) FROM notifications WHERE type = 'STATUS_CHANGE'"))
                .isEqualTo(number(first, "SELECT count(*) FROM recruiter.application_status_events "
                        + "WHERE from_status IS NOT NULL"));
    }

    @Test
    void seedingAgainIsRefusedAndChangesNothing() throws Exception {
        Map<String, String> before = digests(first);
        assertThatThrownBy(() -> seed(firstDb, 42)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("already holds");
        assertThat(digests(first)).isEqualTo(before);
    }

    @Test
    void demoAccountsSignInWithThePlatformsBcryptHashesAndSeeTheirOwnShare() {
        try (Database client = MigratedDatabase.openAsClient(first, "seed_test_client")) {
            AuthService recruiter = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
            SignedInUser aicha = recruiter.signIn("aicha.nze@ogooue-energie.demo", DemoSeeder.DEMO_RECRUITER_PASSWORD);
            assertThat(aicha.roleDescription()).isEqualTo("Recruiter at Ogooué Énergie");
            long companyJobs;
            try (Connection c = first.superuser().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM public.jobs j JOIN public.companies c"
                         + " ON c.id = j.company_id WHERE c.name = 'Ogooué Énergie'")) {
                rs.next();
                companyJobs = rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(recruiter.visibleJobCount(aicha)).isEqualTo(companyJobs).isPositive();

            AuthService manager = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
            SignedInUser ines = manager.signIn("ines.moukagni@hiring-manager.demo", DemoSeeder.DEMO_RECRUITER_PASSWORD);
            assertThat(ines.roleDescription()).isEqualTo("Hiring manager on 2 jobs");
            assertThat(manager.visibleJobCount(ines)).isEqualTo(2);
        }
    }

    @Test
    void demoLoginsListEveryRecruiterWithTheirCompany() {
        List<DemoLogin> logins = new DemoSeeder(firstDb.unitOfWork()).demoLogins();
        assertThat(logins).hasSize(12);
        assertThat(logins.get(11).email()).isEqualTo("ines.moukagni@hiring-manager.demo");
        assertThat(logins.get(11).company()).isEqualTo("Hiring manager, Ogooué Énergie");
        assertThat(logins).extracting(DemoLogin::email).contains("aicha.nze@ogooue-energie.demo",
                "mariam.traore@lagune-finance.demo", "brigitte.ngo-bassa@douala-port.demo");
        assertThat(logins).extracting(DemoLogin::company).contains("Ogooué Énergie", "Mbolo Santé");
    }

    /** Issue 24: the platform's evaluation columns are filled as the web leaves them, some applications unscored. */
    @Test
    void theDemoFillsThePlatformsEvaluationColumnsInItsFormats() throws Exception {
        long all = number(first, "SELECT count(*) FROM public.job_applications");
        long scored = number(first, "SELECT count(*) FROM public.job_applications WHERE ai_score BETWEEN 0 AND 100"
                + " AND ai_analyzed_at >= applied_at AND (ai_score_details->>'score')::float8 = ai_score");
        long unavailable = number(first, "SELECT count(*) FROM public.job_applications WHERE ai_score IS NULL"
                + " AND ai_analyzed_at IS NOT NULL AND ai_score_details->'score' = 'null'");
        long none = number(first, "SELECT count(*) FROM public.job_applications WHERE ai_score IS NULL"
                + " AND ai_analyzed_at IS NULL AND ai_score_details IS NULL");
        assertThat(scored + unavailable + none).isEqualTo(all);
        assertThat(scored).isGreaterThan(all / 2);
        assertThat(unavailable).isPositive();
        assertThat(none).isPositive();
        assertThat(number(first, "SELECT count(*) FROM public.job_applications WHERE jsonb_typeof(tags) = 'array'"
                + " AND jsonb_array_length(tags) BETWEEN 1 AND 10")).isPositive();
        // every scorecard is the platform's flat object with its average, and reads back the same
        assertThat(number(first, "SELECT count(*) FROM public.job_applications WHERE scorecard IS NOT NULL"))
                .isPositive();
        assertThat(number(first, "SELECT count(*) FROM public.job_applications WHERE scorecard IS NOT NULL"
                + " AND (scorecard ? 'criteria' OR NOT scorecard ? 'average'"
                + " OR scorecard IS DISTINCT FROM recruiter.platform_scorecard(scorecard))")).isZero();
        assertThat(number(first, "SELECT count(*) FROM public.job_applications a,"
                + " jsonb_array_elements(a.recruiter_notes) n WHERE NOT (n ? 'user_id' AND n ? 'user_name'"
                + " AND n ? 'note' AND n ? 'created_at') OR length(n->>'note') NOT BETWEEN 1 AND 2000")).isZero();
        assertThat(number(first, "SELECT count(*) FROM public.job_applications WHERE recruiter_notes IS NOT NULL"))
                .isPositive();
    }

    /**
     * Issue 23: every application's history is a chain from its creation into 'applied' to its current status,
     * in time order, before the anchor; viewed_at is the first move's time, and only applications that moved
     * have one.
     */
    @Test
    void everyHistoryLeadsToTheApplicationsStatusInTimeOrder() throws Exception {
        String chains = "WITH e AS (SELECT e.*, lag(e.to_status) OVER w AS prev_to, lag(e.changed_at) OVER w AS prev_at, "
                + "row_number() OVER w AS rn, count(*) OVER (PARTITION BY e.application_id) AS n "
                + "FROM recruiter.application_status_events e WINDOW w AS (PARTITION BY e.application_id ORDER BY e.id)) "
                + "SELECT count(*) FILTER (WHERE rn = 1 AND (from_status IS NOT NULL OR to_status <> 'applied' "
                + "    OR changed_at <> a.applied_at OR source <> 'insert')) || ' ' "
                + "  || count(*) FILTER (WHERE rn > 1 AND (from_status IS DISTINCT FROM prev_to OR changed_at <= prev_at "
                + "    OR source <> 'client' OR changed_by IS NULL)) || ' ' "
                + "  || count(*) FILTER (WHERE rn = n AND to_status <> a.status) || ' ' "
                + "  || count(*) FILTER (WHERE rn = 2 AND changed_at IS DISTINCT FROM a.viewed_at) || ' ' "
                + "  || count(*) FILTER (WHERE changed_at > '2026-06-01') "
                + "FROM e JOIN job_applications a ON a.id = e.application_id";
        for (TestDatabase.Db db : List.of(first, other)) {
            assertThat(column(db, chains).get(0)).isEqualTo("0 0 0 0 0");
            assertThat(number(db, "SELECT count(*) FROM job_applications a WHERE NOT EXISTS (SELECT 1 FROM "
                    + "recruiter.application_status_events e WHERE e.application_id = a.id)")).isZero();
            assertThat(number(db, "SELECT count(*) FROM job_applications a WHERE (a.viewed_at IS NULL) <> "
                    + "NOT EXISTS (SELECT 1 FROM recruiter.application_status_events e WHERE e.application_id = a.id "
                    + "AND e.from_status IS NOT NULL)")).isZero();
            assertThat(number(db, "SELECT count(*) FROM job_applications a WHERE a.updated_at <> (SELECT "
                    + "max(e.changed_at) FROM recruiter.application_status_events e WHERE e.application_id = a.id)"))
                    .isZero();
        }
    }

    /**
     * The histories a recruiter would recognise: rejections from every stage, skipped stages, moves back, moves
     * made by the company's recruiters or the job's hiring manager, quieter weekends, and time in every stage.
     */
    @Test
    void historiesSkipStagesGoBackRejectAtEveryStageAndSayWhoMoved() throws Exception {
        assertThat(column(first, "SELECT DISTINCT from_status::text FROM recruiter.application_status_events "
                + "WHERE to_status = 'rejected' ORDER BY 1"))
                .containsExactly("applied", "interview", "shortlisted", "viewed");
        // skips: applied -> shortlisted, viewed -> interview; back: shortlisted -> viewed, rejected -> shortlisted
        for (String move : List.of("applied>shortlisted", "viewed>interview", "shortlisted>viewed",
                "rejected>shortlisted", "interview>shortlisted", "interview>accepted")) {
            String[] m = move.split(">");
            assertThat(number(first, "SELECT count(*) FROM recruiter.application_status_events WHERE from_status = '"
                    + m[0] + "' AND to_status = '" + m[1] + "'")).as(move).isPositive();
        }
        // whoever moved it may: a recruiter of the job's company, or a hiring manager of the job once added
        assertThat(number(first, "SELECT count(*) FROM recruiter.application_status_events e "
                + "JOIN job_applications a ON a.id = e.application_id JOIN jobs j ON j.id = a.job_id "
                + "WHERE e.from_status IS NOT NULL AND NOT EXISTS (SELECT 1 FROM employers r WHERE r.user_id = "
                + "e.changed_by AND r.company_id = j.company_id) AND NOT EXISTS (SELECT 1 FROM "
                + "recruiter.job_hiring_managers h WHERE h.job_id = j.id AND h.user_id = e.changed_by "
                + "AND h.added_at <= e.changed_at)")).isZero();
        assertThat(number(first, "SELECT count(DISTINCT changed_by) FROM recruiter.application_status_events"))
                .isGreaterThanOrEqualTo(8);
        assertThat(number(first, "SELECT count(*) FROM recruiter.application_status_events e JOIN users u ON "
                + "u.id = e.changed_by WHERE u.email = 'ines.moukagni@hiring-manager.demo'")).isPositive();
        long moves = number(first, "SELECT count(*) FROM recruiter.application_status_events WHERE from_status IS NOT NULL");
        long weekend = number(first, "SELECT count(*) FROM recruiter.application_status_events "
                + "WHERE from_status IS NOT NULL AND extract(isodow FROM changed_at) >= 6");
        assertThat(weekend).isPositive().isLessThan(moves * 2 / 7 / 2);
        // time in stage from real stays: samples for every stage, spread over more than a few buckets
        assertThat(column(first, "SELECT metric || ':' || (count(DISTINCT bucket) > 5) FROM "
                + "recruiter.stats_company_durations WHERE samples > 0 GROUP BY metric ORDER BY metric"))
                .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true");
    }

    /** The candidate's message for each move as the platform writes a desktop move's (V38), after the move. */
    @Test
    void everyMoveToldItsCandidateInThePlatformsWords() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM recruiter.application_status_events e "
                + "JOIN job_applications a ON a.id = e.application_id JOIN jobs j ON j.id = a.job_id "
                + "JOIN candidates c ON c.id = a.candidate_id "
                + "WHERE e.from_status IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notifications n "
                + "WHERE n.related_application_id = a.id AND n.user_id = c.user_id AND n.type = 'STATUS_CHANGE' "
                + "AND n.title = recruiter.status_notification_title(e.to_status) "
                + "AND n.message = 'Votre candidature pour le poste de ' || j.title || ' a été mise à jour: ' "
                + "|| recruiter.status_wording(e.to_status) "
                + "AND n.created_at > e.changed_at AND n.created_at < e.changed_at + interval '1 minute')")).isZero();
        assertThat(number(first, "SELECT count(*) FROM notifications WHERE read_at < created_at "
                + "OR (read_at IS NOT NULL) <> is_read AND type = 'STATUS_CHANGE'")).isZero();
    }

    /** Issue 23: a company's jobs differ by title or by town. */
    @Test
    void noTwoJobsOfACompanyShareTitleAndTown() throws Exception {
        for (TestDatabase.Db db : List.of(first, other)) {
            assertThat(number(db, "SELECT count(*) FROM (SELECT 1 FROM jobs GROUP BY company_id, title, location "
                    + "HAVING count(*) > 1) d")).isZero();
            assertThat(number(db, "SELECT count(DISTINCT location) FROM jobs")).isGreaterThan(6);
            assertThat(number(db, "SELECT count(*) FROM jobs WHERE responsibilities IS NULL "
                    + "OR position(location IN description) = 0")).isZero();
        }
    }

    /**
     * Issue 23, what a recruiter sees on the pipeline and the board: a company posts a title in one language
     * only; published jobs are spread over their 75 days (not half of them on one day); most applicants have a
     * profile that fits the job (a truck driver's or a warehouse keeper's job draws drivers and logisticians).
     */
    @Test
    void jobsAreSpreadOverTimeAndDrawApplicantsOfTheirTrade() throws Exception {
        for (TestDatabase.Db db : List.of(first, other)) {
            assertThat(number(db, "SELECT count(*) FROM jobs a JOIN jobs b ON b.company_id = a.company_id "
                    + "AND a.language <> b.language AND a.responsibilities = b.responsibilities")).isZero();
            assertThat(number(db, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM jobs "
                    + "WHERE status = 'published' GROUP BY posted_at::date) d"))
                    .isLessThan(number(db, "SELECT count(*) FROM jobs WHERE status = 'published'") / 5);
            // each job's most frequent applicant title: about one in ten with applicants drawn from everyone
            // (18 titles), most of them with three in four drawn from the one to four titles that fit the job
            assertThat(number(db, "SELECT round(avg(top)) FROM (SELECT j.id, max(n) * 100 / sum(n) AS top "
                    + "FROM (SELECT a.job_id, c.title, count(*) AS n FROM job_applications a "
                    + "JOIN candidates c ON c.id = a.candidate_id GROUP BY 1, 2) t JOIN jobs j ON j.id = t.job_id "
                    + "GROUP BY j.id HAVING sum(n) >= 10) d")).isGreaterThan(30);
            assertThat(number(db, "SELECT count(*) FILTER (WHERE c.title IN ('Chauffeur', 'Logisticien')) * 100 "
                    + "/ count(*) FROM job_applications a JOIN jobs j ON j.id = a.job_id "
                    + "JOIN candidates c ON c.id = a.candidate_id "
                    + "WHERE j.title ~ '^(Chauffeur poids lourd|Heavy Truck Driver|Magasinier|Warehouse Keeper)'"))
                    .isBetween(55L, 95L);
        }
    }

    /**
     * Issue 23, what the CV shows: the positions follow one another without overlap, the current one last; the
     * latest degree was finished before the first position began; the trade's skills match the title.
     */
    @Test
    void profilesTellAConsistentCareer() throws Exception {
        for (TestDatabase.Db db : List.of(first, other)) {
            assertThat(number(db, "SELECT count(*) FROM candidates c WHERE (SELECT count(*) FROM experiences e "
                    + "WHERE e.candidate_id = c.id AND e.is_current) <> 1")).isZero();
            assertThat(number(db, "SELECT count(*) FROM experiences a JOIN experiences b "
                    + "ON b.candidate_id = a.candidate_id AND b.id <> a.id "
                    + "WHERE a.start_date < b.start_date AND (a.end_date IS NULL OR a.end_date > b.start_date)"))
                    .isZero();
            assertThat(number(db, "SELECT count(*) FROM candidates c "
                    + "WHERE (SELECT max(d.end_date) FROM educations d WHERE d.candidate_id = c.id) "
                    + "> (SELECT left(min(e.start_date), 4) FROM experiences e WHERE e.candidate_id = c.id)"))
                    .isZero();
            assertThat(number(db, "SELECT count(*) FROM skills s JOIN candidates c ON c.id = s.candidate_id "
                    + "WHERE s.name = 'Soins infirmiers' AND c.title <> 'Infirmière'")).isZero();
        }
    }

    /**
     * Issue 23: with a CV folder, every CV of the demo is a PDF file in it that opens: PDFBox parses it back and
     * finds the candidate's name and title, and the review's preview renders it.
     */
    @Test
    void everyDemoCvIsAReadablePdfOfTheCandidate() throws Exception {
        String base = DemoCvs.baseUri(cvFolder);
        assertThat(number(other, "SELECT count(*) FROM job_applications WHERE left(cv_url, " + base.length()
                + ") <> '" + base + "'")).isZero();
        List<CvProfile> profiles;
        try (Database db = MigratedDatabase.open(other)) {
            profiles = DemoCvs.profiles(db.unitOfWork(), cvFolder);
        }
        assertThat(profiles).hasSize(600);
        assertThat(DemoCvs.complete(cvFolder)).isFalse();
        assertThat(DemoCvs.write(cvFolder, profiles)).isEqualTo(600);
        assertThat(DemoCvs.complete(cvFolder)).isTrue();
        assertThat(DemoCvs.write(cvFolder, profiles)).isZero();
        int english = 0;
        for (CvProfile p : profiles) {
            Path file = cvFolder.resolve(p.fileName());
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                assertThat(text).contains(p.fullName(), p.title()).contains(p.english() ? "EXPERIENCE" : "FORMATION");
                english += p.english() ? 1 : 0;
            }
        }
        assertThat(english).isBetween(50, 550);
        String url = column(other, "SELECT cv_url FROM job_applications ORDER BY id LIMIT 1").get(0);
        assertThat(new co.intowork.recruiter.review.CvPreview().pages(url)).hasSize(1);
    }

    /** The applications are written with their status trigger off, which only the tables' owner may do. */
    @Test
    void aLoginThatDoesNotOwnTheTablesIsToldWhoMayLoadTheDemo() {
        TestDatabase.Db empty = MigratedDatabase.create("seed_not_owner");
        try (Database client = MigratedDatabase.openAsClient(empty, "seed_not_owner_client")) {
            assertThatThrownBy(() -> new DemoSeeder(client.unitOfWork()).seed(
                    new DemoSeeder.Options(1, ANCHOR, 10, 2, 2), m -> { }))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("owner of the platform's tables");
        }
    }

    /**
     * The calendar is not empty on the first start (issue 21): interviews around the anchor, each for an
     * application in interview (or accepted: a completed one) of a job of its company, on a weekday in office
     * hours of the company's zone, by the job's recruiter; V43's trigger gave each its calendar and booking rows.
     */
    @Test
    void theDemoHasInterviewsAroundTheAnchorInTheCalendar() throws Exception {
        long interviews = number(first, "SELECT count(*) FROM interview_schedules");
        assertThat(interviews).isGreaterThan(10);
        // the anchor's week and the next both hold several
        assertThat(number(first, "SELECT count(*) FROM interview_schedules WHERE scheduled_at >= '2026-06-01' "
                + "AND scheduled_at < '2026-06-08'")).isGreaterThanOrEqualTo(3);
        assertThat(number(first, "SELECT count(*) FROM interview_schedules WHERE scheduled_at >= '2026-06-08' "
                + "AND scheduled_at < '2026-06-15'")).isGreaterThanOrEqualTo(3);
        assertThat(number(first, "SELECT count(*) FROM interview_schedules WHERE scheduled_at < '2026-05-16' "
                + "OR scheduled_at > '2026-06-18'")).isZero();
        // one per application, of the right stage; the recruiter is the job's, the first interviewer too
        assertThat(number(first, "SELECT count(DISTINCT application_id) FROM interview_schedules")).isEqualTo(interviews);
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE status = 'interview'"))
                .isEqualTo(number(first, "SELECT count(*) FROM interview_schedules s JOIN job_applications a "
                        + "ON a.id = s.application_id WHERE a.status = 'interview'"));
        assertThat(number(first, "SELECT count(*) FROM interview_schedules s JOIN job_applications a "
                + "ON a.id = s.application_id JOIN jobs j ON j.id = a.job_id JOIN employers e ON e.id = j.employer_id "
                + "JOIN candidates c ON c.id = a.candidate_id JOIN users u ON u.id = c.user_id "
                + "WHERE a.status::text NOT IN ('interview', 'accepted') OR s.created_by_user_id <> e.user_id "
                + "OR (s.interviewers -> 0 ->> 'user_id')::int <> e.user_id OR s.candidate_email <> u.email "
                + "OR e.company_id <> j.company_id")).isZero();
        // weekdays, 08:00 to 16:00 where the company is; a place or a link; past ones not left open
        assertThat(number(first, "SELECT count(*) FROM interview_schedules WHERE "
                + "extract(isodow FROM scheduled_at AT TIME ZONE timezone) > 5 "
                + "OR (scheduled_at AT TIME ZONE timezone)::time NOT BETWEEN '08:00' AND '16:00' "
                + "OR (location IS NULL) = (meeting_link IS NULL) OR timezone NOT LIKE 'Africa/%'")).isZero();
        assertThat(number(first, "SELECT count(*) FROM interview_schedules WHERE scheduled_at < '2026-06-01' "
                + "AND status::text NOT IN ('COMPLETED', 'CANCELED')")).isZero();
        assertThat(column(first, "SELECT DISTINCT status::text FROM interview_schedules ORDER BY 1"))
                .contains("CANCELED", "COMPLETED", "CONFIRMED", "SCHEDULED");
        assertThat(number(first, "SELECT count(*) FROM interview_schedules s JOIN job_applications a "
                + "ON a.id = s.application_id WHERE a.status = 'accepted' AND s.status::text <> 'COMPLETED'")).isZero();
        // a recruiter is never booked twice at the same time (the calendar would warn of a double booking)
        assertThat(number(first, "SELECT count(*) FROM recruiter.interview_bookings a JOIN recruiter.interview_bookings b "
                + "ON b.user_id = a.user_id AND b.interview_id > a.interview_id AND b.starts_at < a.ends_at "
                + "AND a.starts_at < b.ends_at JOIN users u ON u.id = a.user_id "
                + "WHERE u.email NOT LIKE '%@hiring-manager.demo'")).isZero();
        // the hiring manager sits on some of her jobs' interviews
        assertThat(number(first, "SELECT count(*) FROM interview_schedules s, jsonb_array_elements(s.interviewers) i "
                + "JOIN users u ON u.id = (i ->> 'user_id')::int WHERE u.email = 'ines.moukagni@hiring-manager.demo'"))
                .isPositive();
        // the trigger ran: a calendar row per interview with its job's company, a booking per interviewer
        assertThat(number(first, "SELECT count(*) FROM recruiter.interview_calendar k JOIN interview_schedules s "
                + "ON s.id = k.interview_id JOIN job_applications a ON a.id = s.application_id "
                + "JOIN jobs j ON j.id = a.job_id WHERE k.company_id = j.company_id AND k.starts_at = s.scheduled_at "
                + "AND k.status = s.status::text")).isEqualTo(interviews);
        assertThat(number(first, "SELECT count(*) FROM recruiter.interview_calendar")).isEqualTo(interviews);
        assertThat(number(first, "SELECT count(*) FROM recruiter.interview_bookings"))
                .isEqualTo(number(first, "SELECT sum(jsonb_array_length(interviewers)) FROM interview_schedules"));
    }

    /** The Messages screen is not empty either: each company's templates, one per type, in its language. */
    @Test
    void everyCompanyHasItsEmailTemplates() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM companies c WHERE (SELECT count(DISTINCT type) "
                + "FROM email_templates t WHERE t.company_id = c.id) < 4")).isZero();
        assertThat(column(first, "SELECT DISTINCT type::text FROM email_templates ORDER BY 1")).containsExactly(
                "APPLICATION_RECEIVED", "APPLICATION_REJECTED", "INTERVIEW_INVITATION", "OFFER_LETTER");
        // written by one of the company's recruiters, with placeholders the client fills
        assertThat(number(first, "SELECT count(*) FROM email_templates t LEFT JOIN employers e "
                + "ON e.user_id = t.created_by_user_id AND e.company_id = t.company_id WHERE e.id IS NULL")).isZero();
        for (String text : column(first, "SELECT subject || body FROM email_templates")) {
            assertThat(text).contains("{{job_title}}");
            assertThat(text.replaceAll("\\{\\{(candidate_name|candidate_first_name|job_title|company_name|"
                    + "recruiter_name|interview_time)}}", "")).doesNotContain("{{").doesNotContain("}}");
        }
        assertThat(column(first, "SELECT t.name FROM email_templates t JOIN companies c ON c.id = t.company_id "
                + "WHERE c.name = 'Ogooué Énergie' ORDER BY t.id")).contains("Invitation à un entretien");
    }
}
