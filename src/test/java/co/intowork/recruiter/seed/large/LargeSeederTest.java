package co.intowork.recruiter.seed.large;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The large seed at 1/200 of its size (seconds, not minutes): same shape, same rules. */
class LargeSeederTest {
    private static final OffsetDateTime ANCHOR = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final LargeSeeder.Options SMALL = LargeSeeder.Options.large(42, ANCHOR).scaledDown(200);
    private static final List<String> TABLES = List.of("public.companies", "public.users", "public.employers",
            "public.candidates", "public.candidate_cvs", "public.experiences", "public.educations", "public.skills",
            "public.jobs", "public.job_applications", "public.notifications", "recruiter.application_status_events");

    private static TestDatabase.Db first;
    private static TestDatabase.Db second;
    private static TestDatabase.Db other;
    private static Database firstDb;
    private static LargeSeeder.Report report;
    private static final List<String> progress = new ArrayList<>();
    private static RuntimeException misfit;

    @BeforeAll
    static void seedThreeDatabases() {
        first = MigratedDatabase.create("large_a");
        second = MigratedDatabase.create("large_b");
        other = MigratedDatabase.create("large_c");
        firstDb = MigratedDatabase.open(first);
        report = new LargeSeeder(firstDb.unitOfWork()).seed(SMALL, progress::add);
        try (Database db = MigratedDatabase.open(second)) {
            // a refused attempt first: it must leave nothing behind, not even used-up ids
            LargeSeeder.Options tooManyNotifications = new LargeSeeder.Options(42, ANCHOR, SMALL.companies(),
                    SMALL.employers(), SMALL.candidates(), SMALL.jobs(), SMALL.applications(),
                    SMALL.applications() * 3);
            try {
                new LargeSeeder(db.unitOfWork()).seed(tooManyNotifications, m -> { });
            } catch (RuntimeException e) {
                misfit = e;
            }
            new LargeSeeder(db.unitOfWork()).seed(SMALL, m -> { });
        }
        try (Database db = MigratedDatabase.open(other)) {
            new LargeSeeder(db.unitOfWork()).seed(new LargeSeeder.Options(7, ANCHOR, SMALL.companies(),
                    SMALL.employers(), SMALL.candidates(), SMALL.jobs(), SMALL.applications(), SMALL.notifications()),
                    m -> { });
        }
    }

    @AfterAll
    static void close() {
        firstDb.close();
    }

    private static Map<String, String> digests(TestDatabase.Db db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(table, text(db, "SELECT md5(string_agg(to_jsonb(t)::text, '|' ORDER BY t.id)) FROM " + table + " t"));
        }
        out.put("recruiter.candidate_search", text(db, "SELECT md5(string_agg(to_jsonb(t)::text, '|' "
                + "ORDER BY t.candidate_id)) FROM recruiter.candidate_search t"));
        return out;
    }

    private static List<String> column(TestDatabase.Db db, String sql) throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            return co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings(c, sql);
        }
    }

    private static String text(TestDatabase.Db db, String sql) throws Exception {
        return column(db, sql).get(0);
    }

    private static long number(TestDatabase.Db db, String sql) throws Exception {
        return Long.parseLong(text(db, sql));
    }

    @Test
    void sizesAreExactlyTheRequestedOnes() throws Exception {
        assertThat(SMALL.applications()).isEqualTo(5_000);
        assertThat(number(first, "SELECT count(*) FROM companies")).isEqualTo(SMALL.companies());
        assertThat(number(first, "SELECT count(*) FROM employers")).isEqualTo(SMALL.employers());
        assertThat(number(first, "SELECT count(*) FROM candidates")).isEqualTo(SMALL.candidates());
        assertThat(number(first, "SELECT count(*) FROM users")).isEqualTo(SMALL.employers() + SMALL.candidates());
        assertThat(number(first, "SELECT count(*) FROM jobs")).isEqualTo(SMALL.jobs());
        assertThat(number(first, "SELECT count(*) FROM job_applications")).isEqualTo(SMALL.applications());
        assertThat(number(first, "SELECT count(*) FROM notifications")).isEqualTo(SMALL.notifications());
        assertThat(number(first, "SELECT count(*) FROM recruiter.candidate_search")).isEqualTo(SMALL.candidates());
        // every candidate has a profile
        for (String table : List.of("candidate_cvs", "experiences", "educations", "skills")) {
            assertThat(number(first, "SELECT count(*) FROM candidates c WHERE NOT EXISTS "
                    + "(SELECT 1 FROM " + table + " x WHERE x.candidate_id = c.id)")).as(table).isZero();
        }
        assertThat(report.tables()).extracting(TableSize::tableName).contains("public.job_applications",
                "recruiter.application_status_events");
        assertThat(report.tables()).filteredOn(t -> t.tableName().equals("public.notifications"))
                .singleElement().satisfies(t -> {
                    assertThat(t.rowCount()).isEqualTo(SMALL.notifications());
                    assertThat(t.totalBytes()).isPositive();
                });
        assertThat(report.phases()).extracting(LargeSeeder.Phase::name)
                .contains("Commit", "VACUUM (ANALYZE)", "Active jobs summary");
        // the summary the job list reads was refreshed
        assertThat(number(first, "SELECT count(*) FROM recruiter.active_jobs_summary"))
                .isEqualTo(number(first, "SELECT count(*) FROM jobs WHERE status = 'published'"));
        assertThat(progress).anyMatch(line -> line.contains("Applications (5,000)"));
        // planner statistics exist for the big tables
        assertThat(number(first, "SELECT count(*) FROM pg_stats WHERE schemaname = 'public' "
                + "AND tablename = 'job_applications'")).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameRowsEvenAfterARefusedAttempt() throws Exception {
        assertThat(misfit).isInstanceOf(UserFacingException.class).hasMessageContaining("do not fit");
        Map<String, String> a = digests(first);
        assertThat(a.values()).doesNotContainNull();
        assertThat(digests(second)).isEqualTo(a);
        Map<String, String> c = digests(other);
        assertThat(c.get("public.jobs")).isNotEqualTo(a.get("public.jobs"));
        assertThat(c.get("public.job_applications")).isNotEqualTo(a.get("public.job_applications"));
    }

    @Test
    void applicationsAreUniqueAndFitTheirJobAndCandidate() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM (SELECT 1 FROM job_applications GROUP BY job_id, candidate_id "
                + "HAVING count(*) > 1) d")).isZero();
        assertThat(number(first, "SELECT count(*) FROM job_applications a JOIN jobs j ON j.id = a.job_id "
                + "WHERE j.status = 'draft' OR a.applied_at < j.posted_at OR a.applied_at >= '2026-06-01'"
                + " OR a.updated_at < a.applied_at OR a.updated_at > '2026-06-01'")).isZero();
        // nobody applies before having an account, or with someone else's CV
        assertThat(number(first, "SELECT count(*) FROM job_applications a JOIN candidates c ON c.id = a.candidate_id "
                + "JOIN users u ON u.id = c.user_id WHERE a.applied_at < u.created_at OR u.role <> 'CANDIDATE'")).isZero();
        assertThat(number(first, "SELECT count(*) FROM job_applications a JOIN candidate_cvs v ON v.id = a.cv_id "
                + "WHERE v.candidate_id <> a.candidate_id OR v.created_at > a.applied_at")).isZero();
        assertThat(number(first, "SELECT count(*) FROM jobs j WHERE applications_count <> "
                + "(SELECT count(*) FROM job_applications a WHERE a.job_id = j.id)")).isZero();
        // a job's company is its recruiter's company; recruiters are EMPLOYER users
        assertThat(number(first, "SELECT count(*) FROM jobs j JOIN employers e ON e.id = j.employer_id "
                + "JOIN users u ON u.id = e.user_id WHERE e.company_id <> j.company_id OR u.role <> 'EMPLOYER'")).isZero();
        // foreign keys were not checked during the load: check them all here
        assertThat(number(first, "SELECT (SELECT count(*) FROM job_applications a WHERE NOT EXISTS "
                + "(SELECT 1 FROM jobs j WHERE j.id = a.job_id) OR NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = a.candidate_id))"
                + " + (SELECT count(*) FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = n.user_id)"
                + "    OR NOT EXISTS (SELECT 1 FROM job_applications a WHERE a.id = n.related_application_id))"
                + " + (SELECT count(*) FROM employers e WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = e.user_id))"
                + " + (SELECT count(*) FROM candidates c WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id))"))
                .isZero();
        assertThat(column(first, "SELECT DISTINCT status::text FROM job_applications ORDER BY 1"))
                .containsExactly("accepted", "applied", "interview", "rejected", "shortlisted", "viewed");
        assertThat(column(first, "SELECT DISTINCT status FROM jobs ORDER BY 1"))
                .containsExactly("archived", "closed", "draft", "published");
        assertThat(column(first, "SELECT DISTINCT job_type FROM jobs ORDER BY 1"))
                .containsExactly("contract", "full_time", "internship", "part_time", "temporary");
        assertThat(column(first, "SELECT DISTINCT location_type FROM jobs ORDER BY 1"))
                .containsExactly("hybrid", "on_site", "remote");
        assertThat(column(first, "SELECT DISTINCT country FROM jobs")).contains("GA", "CM", "SN", "CI");
        assertThat(column(first, "SELECT DISTINCT language FROM jobs ORDER BY 1")).containsExactly("en", "fr");
        // the funnel: most applications are never answered, few are accepted
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE status = 'applied'"))
                .isGreaterThan(number(first, "SELECT count(*) FROM job_applications WHERE status = 'shortlisted'"));
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE status = 'accepted'"))
                .isLessThan(SMALL.applications() / 20);
    }

    @Test
    void everyApplicationsStatusHistoryEndsAtItsStatus() throws Exception {
        String ordered = "SELECT e.*, row_number() OVER (PARTITION BY e.application_id ORDER BY e.changed_at, e.id) AS pos, "
                + "count(*) OVER (PARTITION BY e.application_id) AS events, "
                + "lag(e.to_status) OVER (PARTITION BY e.application_id ORDER BY e.changed_at, e.id) AS previous "
                + "FROM recruiter.application_status_events e";
        assertThat(number(first, "SELECT count(*) FROM job_applications a WHERE a.status IS DISTINCT FROM "
                + "(SELECT e.to_status FROM recruiter.application_status_events e WHERE e.application_id = a.id "
                + "ORDER BY e.changed_at DESC, e.id DESC LIMIT 1)")).isZero();
        // first event: the creation, at applied_at
        assertThat(number(first, "SELECT count(*) FROM (" + ordered + ") e JOIN job_applications a ON a.id = e.application_id "
                + "WHERE e.pos = 1 AND (e.from_status IS NOT NULL OR e.to_status <> 'applied' OR e.changed_at <> a.applied_at "
                + "OR e.source NOT IN ('insert', 'backfill'))")).isZero();
        // then each change starts where the previous one ended (V11's backfill starts from 'applied')
        assertThat(number(first, "SELECT count(*) FROM (" + ordered + ") e WHERE e.pos > 1 AND "
                + "(e.from_status IS DISTINCT FROM CASE WHEN e.source = 'backfill' THEN 'applied' ELSE e.previous END "
                + " OR e.source NOT IN ('platform', 'backfill') OR e.from_status = e.to_status)")).isZero();
        assertThat(number(first, "SELECT count(*) FROM recruiter.application_status_events "
                + "WHERE changed_by IS NOT NULL OR changed_at > '2026-06-01'")).isZero();
        assertThat(column(first, "SELECT DISTINCT source FROM recruiter.application_status_events ORDER BY 1"))
                .containsExactly("backfill", "insert", "platform");
        // version counts the status changes, as the version trigger would have
        assertThat(number(first, "SELECT count(*) FROM job_applications a WHERE a.version <> 1 + "
                + "(SELECT count(*) FROM notifications n WHERE n.related_application_id = a.id AND n.type = 'STATUS_CHANGE')"))
                .isZero();
    }

    @Test
    void notificationsAreThePlatformsOwn() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM notifications n JOIN job_applications a ON a.id = n.related_application_id "
                + "JOIN jobs j ON j.id = a.job_id JOIN employers e ON e.id = j.employer_id "
                + "WHERE n.type = 'NEW_APPLICATION' AND n.user_id = e.user_id AND n.related_job_id = j.id "
                + "AND n.created_at = a.applied_at AND n.title = '📝 Nouvelle candidature reçue'"))
                .isEqualTo(SMALL.applications());
        assertThat(number(first, "SELECT count(*) FROM notifications n JOIN job_applications a ON a.id = n.related_application_id "
                + "JOIN candidates c ON c.id = a.candidate_id JOIN jobs j ON j.id = a.job_id "
                + "WHERE n.type = 'STATUS_CHANGE' AND n.user_id = c.user_id "
                + "AND n.message LIKE 'Votre candidature pour le poste de ' || j.title || ' a été mise à jour: %'"))
                .isEqualTo(SMALL.notifications() - SMALL.applications());
        assertThat(column(first, "SELECT DISTINCT title FROM notifications WHERE type = 'STATUS_CHANGE' ORDER BY 1"))
                .containsExactlyInAnyOrder("👁️ Votre candidature a été vue", "⭐ Vous avez été présélectionné(e)",
                        "🎯 Vous êtes convoqué(e) en entretien", "🎉 Félicitations! Votre candidature a été acceptée",
                        "❌ Votre candidature n'a pas été retenue");
        // the latest STATUS_CHANGE of an application names its current status
        assertThat(number(first, "SELECT count(*) FROM job_applications a WHERE a.status <> 'applied' AND "
                + "(SELECT n.message FROM notifications n WHERE n.related_application_id = a.id AND n.type = 'STATUS_CHANGE' "
                + "ORDER BY n.created_at DESC LIMIT 1) NOT LIKE '%: ' || a.status::text")).isZero();
        assertThat(column(first, "SELECT DISTINCT is_read::text FROM notifications ORDER BY 1")).containsExactly("false", "true");
        assertThat(number(first, "SELECT count(*) FROM notifications WHERE is_read <> (read_at IS NOT NULL) "
                + "OR read_at < created_at OR read_at > '2026-06-01'")).isZero();
    }

    @Test
    void aFewLargeEmployersHoldMuchOfTheActivityAndADemoRecruiterWorksForTheLargest() throws Exception {
        assertThat(text(first, "SELECT c.name FROM companies c ORDER BY (SELECT count(*) FROM jobs j "
                + "WHERE j.company_id = c.id) DESC, c.id LIMIT 1")).isEqualTo("Ogooué Énergie");
        assertThat(number(first, "SELECT count(*) FROM jobs WHERE company_id = 1")).isEqualTo(SMALL.jobs() * 8 / 100);
        double appShare = number(first, "SELECT count(*) FROM job_applications a JOIN jobs j ON j.id = a.job_id "
                + "WHERE j.company_id = 1") / (double) SMALL.applications();
        assertThat(appShare).isGreaterThan(0.04);
        // the six largest hold far more than their share of the companies
        assertThat(number(first, "SELECT sum(n) FROM (SELECT count(*) AS n FROM jobs GROUP BY company_id "
                + "ORDER BY 1 DESC LIMIT 6) t")).isGreaterThan(SMALL.jobs() / 6L);
        assertThat(report.logins()).hasSize(12);
        assertThat(report.logins()).extracting(DemoLogin::email).contains("aicha.nze@ogooue-energie.demo",
                "mariam.traore@lagune-finance.demo", "ines.moukagni@hiring-manager.demo");
        assertThat(report.logins()).filteredOn(l -> l.company().equals("Ogooué Énergie")).hasSize(3);
        assertThat(number(first, "SELECT count(*) FROM users u JOIN employers e ON e.user_id = u.id "
                + "JOIN jobs j ON j.employer_id = e.id WHERE u.email = 'aicha.nze@ogooue-energie.demo' "
                + "AND u.password_hash = '" + DemoSeeder.RECRUITER_PASSWORD_HASH + "'")).isPositive();
    }

    @Test
    void everyIndexSetAsideForTheLoadIsBackAndValid() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready")).isZero();
        TestDatabase.Db untouched = MigratedDatabase.create("large_indexes");
        String indexes = "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
                + "WHERE schemaname IN ('public', 'recruiter')";
        assertThat(text(first, indexes)).isEqualTo(text(untouched, indexes));
    }

    @Test
    void demoAccountsSignInAndSeeTheirCompanysShareThroughRowLevelSecurity() throws Exception {
        try (Database client = MigratedDatabase.openAsClient(first, "large_seed_client")) {
            AuthService recruiter = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
            SignedInUser aicha = recruiter.signIn("aicha.nze@ogooue-energie.demo", DemoSeeder.DEMO_RECRUITER_PASSWORD);
            assertThat(aicha.roleDescription()).isEqualTo("Recruiter at Ogooué Énergie");
            assertThat(recruiter.visibleJobCount(aicha)).isEqualTo(SMALL.jobs() * 8 / 100);

            AuthService manager = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
            SignedInUser ines = manager.signIn("ines.moukagni@hiring-manager.demo", DemoSeeder.DEMO_RECRUITER_PASSWORD);
            assertThat(manager.visibleJobCount(ines)).isEqualTo(2);
        }
        // any generated recruiter of a company signs in with the same password
        String someone = text(first, "SELECT u.email FROM users u JOIN employers e ON e.user_id = u.id "
                + "WHERE e.company_id = 7 AND u.is_active ORDER BY u.id LIMIT 1");
        try (Database client = MigratedDatabase.openAsClient(first, "large_seed_client")) {
            AuthService auth = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
            assertThat(auth.visibleJobCount(auth.signIn(someone, DemoSeeder.DEMO_RECRUITER_PASSWORD)))
                    .isEqualTo(number(first, "SELECT count(*) FROM jobs WHERE company_id = 7"));
        }
    }

    @Test
    void candidateSearchIsWhatTheTriggersWouldHaveWritten() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM recruiter.candidate_search s JOIN candidates c ON c.id = s.candidate_id "
                + "WHERE s.document IS DISTINCT FROM recruiter.candidate_search_document(s.candidate_id) "
                + "OR s.user_id <> c.user_id")).isZero();
        // and its rows per lexeme (V61), whose triggers were off during the load too
        assertThat(number(first, "SELECT count(*) FROM recruiter.candidate_search_terms")).isPositive();
        assertThat(number(first, "SELECT recruiter.rebuild_candidate_search_terms()")).isZero();
    }

    @Test
    void jobTagsAreWhatTheTriggersWouldHaveWritten() throws Exception {
        assertThat(number(first, "SELECT count(*) FROM recruiter.job_tags")).isPositive();
        // the recount finds nothing to repair (run on the database no other test writes to after the seed)
        assertThat(number(first, "SELECT recruiter.rebuild_job_tags()")).isZero();
    }

    @Test
    void fullTextSearchFindsJobsInFrenchAndEnglish() throws Exception {
        String count = "SELECT count(*) FROM jobs j WHERE recruiter.job_search_document(j.title, j.description) "
                + "@@ recruiter.search_query('%s')";
        assertThat(number(first, String.format(count, "comptable"))).isPositive();
        assertThat(number(first, String.format(count, "accountant"))).isPositive();
        assertThat(number(first, String.format(count, "développeur"))).isPositive();
        assertThat(number(first, String.format(count, "developer"))).isPositive();
    }

    @Test
    void afterTheSeedTheTriggersAndSequencesWorkAsUsual() throws Exception {
        try (Connection c = other.superuser().getConnection(); Statement s = c.createStatement()) {
            assertThat(text(other, "SHOW session_replication_role")).isEqualTo("origin");
            s.execute("UPDATE job_applications SET status = 'rejected' WHERE id = 1 AND status <> 'rejected'");
            s.execute("UPDATE job_applications SET status = 'viewed' WHERE id = 1");
            s.execute("INSERT INTO notifications (user_id, type, title, message) VALUES (1, 'SYSTEM', 't', 'm')");
        }
        assertThat(text(other, "SELECT to_status || '/' || source FROM recruiter.application_status_events "
                + "WHERE application_id = 1 ORDER BY id DESC LIMIT 1")).isEqualTo("viewed/platform");
        assertThat(number(other, "SELECT max(id) FROM notifications")).isEqualTo(SMALL.notifications() + 1);
    }

    @Test
    void seedingAgainIsRefusedAndChangesNothing() throws Exception {
        long before = number(first, "SELECT count(*) FROM job_applications");
        assertThatThrownBy(() -> new LargeSeeder(firstDb.unitOfWork()).seed(SMALL, m -> { }))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("already holds");
        assertThat(number(first, "SELECT count(*) FROM job_applications")).isEqualTo(before);
    }

    @Test
    void impossibleSizesAreRefusedBeforeTouchingTheDatabase() {
        assertThatThrownBy(() -> LargeSeeder.Options.large(1, ANCHOR).scaledDown(10_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LargeSeeder(firstDb.unitOfWork()).seed(
                LargeSeeder.Options.large(1, OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)), m -> { }))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("future");
    }

    /** Issue 24: the platform's evaluation columns filled by their own phase, timed in the report. */
    @Test
    void thePlatformEvaluationsAreFilledInTheirOwnPhase() throws Exception {
        assertThat(report.phases()).anySatisfy(p -> assertThat(p.name()).startsWith("Platform evaluations"));
        report.phases().stream().filter(p -> p.name().startsWith("Platform evaluations") || p.name().startsWith("Applications"))
                .forEach(p -> System.out.println("[phase] " + p.name() + " " + p.duration().toMillis() + " ms"));
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE ai_score IS NOT NULL")).isPositive();
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE ai_score IS NULL")).isPositive();
        assertThat(number(first, "SELECT count(*) FROM job_applications WHERE scorecard IS NOT NULL"
                + " AND scorecard IS DISTINCT FROM recruiter.platform_scorecard(scorecard)")).isZero();
    }
}
