package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Every figure against values worked out by hand from stats-fixture.sql (see its comments), as signed-in clients
 * under row-level security: history with back-and-forth and skipped stages, an application without history, and
 * soft-deleted jobs, applications and candidates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsServiceTest {
    static final int DAY = 86_400;
    static final int HOUR = 3_600;

    TestDatabase.Db db;
    Database anneDb;
    Database hugoDb;
    Database brunoDb;
    SignedInUser anne;
    SignedInUser hugo;
    SignedInUser bruno;
    StatementCounter counter = new StatementCounter();

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("stats");
        try (Connection admin = db.superuser().getConnection()) {
            MigratedDatabases.runScript(admin, "/co/intowork/recruiter/stats/stats-fixture.sql");
        }
        anneDb = MigratedDatabase.openAsClient(db, "stats_client");
        hugoDb = MigratedDatabase.openAsClient(db, "stats_client");
        brunoDb = MigratedDatabase.openAsClient(db, "stats_client");
        anne = signIn(anneDb, TwoCompanies.ANNE);
        hugo = signIn(hugoDb, TwoCompanies.HUGO);
        bruno = signIn(brunoDb, TwoCompanies.BRUNO);
        anneDb.unitOfWork().factory().getConfiguration().addInterceptor(counter);
    }

    static SignedInUser signIn(Database client, String email) {
        return new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, TwoCompanies.PASSWORD);
    }

    @AfterAll
    void close() {
        anneDb.close();
        hugoDb.close();
        brunoDb.close();
    }

    static StatsService service(Database client) {
        return new StatsService(client.unitOfWork(), null);
    }

    static StatsQuery allTime(SignedInUser user) {
        return StatsQuery.of(user, null, null, null, 14);
    }

    @Test
    void dashboardForTheCompanyCountsLiveRowsOnly() {
        // live Alpha applications: 101, 121, 301, 302, 303, 304, 305, 307 (306 deleted, 308 deleted candidate, 309 on
        // a deleted job); published live jobs: 11 and 13
        assertThat(service(anneDb).dashboard(allTime(anne)))
                .isEqualTo(new Dashboard(2, 8, 2, 1, 1, 2, 0.75));
    }

    @Test
    void dashboardIsOneStatement() {
        counter.drain();
        service(anneDb).overview(allTime(anne));
        List<String> statements = counter.drain();
        // the screen's read: one statement per panel, the dashboard's seven figures all from the first (and the
        // setting that plans the top jobs for this company)
        assertThat(statements).filteredOn(st -> !st.contains("plan_cache_mode")).hasSize(7);
        assertThat(statements.get(0)).contains("FILTER");
    }

    @Test
    void dashboardForAPeriodAndForOneJob() {
        // January: 301..305; response 4 of 5
        StatsQuery january = StatsQuery.of(anne, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), 14);
        assertThat(service(anneDb).dashboard(january)).isEqualTo(new Dashboard(2, 5, 1, 1, 1, 1, 0.8));
        StatsQuery job13 = StatsQuery.of(anne, 13, null, null, 14);
        assertThat(service(anneDb).dashboard(job13)).isEqualTo(new Dashboard(1, 1, 0, 0, 0, 1, 1.0));
        // a day with nothing: no rate rather than a division by zero
        StatsQuery empty = StatsQuery.of(anne, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), 14);
        assertThat(service(anneDb).dashboard(empty)).isEqualTo(new Dashboard(2, 0, 0, 0, 0, 0, null));
    }

    @Test
    void aHiringManagerSeesOnlyTheirJobAndAnotherCompanyNothingOfAlpha() {
        // job 11: 101, 301, 302, 303, 304, 305
        assertThat(service(hugoDb).dashboard(allTime(hugo))).isEqualTo(new Dashboard(1, 6, 2, 1, 1, 1, 4.0 / 6));
        // Beta: job 21 with 201 applied and 202 shortlisted
        assertThat(service(brunoDb).dashboard(allTime(bruno))).isEqualTo(new Dashboard(1, 2, 1, 0, 0, 0, 0.5));
    }

    @Test
    void funnelCountsTheFurthestStageOfEachHistory() {
        // reached: 101 applied, 121 viewed, 301 interview (then rejected), 302 accepted (skipped two stages),
        // 303 shortlisted (back and forth), 304 interview (no history: its status), 305 applied, 307 applied
        Funnel funnel = service(anneDb).headline(allTime(anne)).funnel();
        assertThat(funnel).isEqualTo(new Funnel(8, 5, 4, 3, 1));
        assertThat(funnel.steps()).extracting(Funnel.Step::passThrough)
                .containsExactly(null, 5.0 / 8, 4.0 / 5, 3.0 / 4, 1.0 / 3);
        StatsQuery january = StatsQuery.of(anne, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), 14);
        assertThat(service(anneDb).headline(january).funnel()).isEqualTo(new Funnel(5, 4, 4, 3, 1));
    }

    @Test
    void timesInStageToFirstViewAndToHire() {
        Map<String, TimeMetric> times = service(anneDb).overview(allTime(anne)).times().stream()
                .collect(Collectors.toMap(TimeMetric::metric, Function.identity()));
        assertThat(times.keySet()).containsExactlyInAnyOrder("first_view", "hire", "stage:applied", "stage:viewed",
                "stage:shortlisted", "stage:interview");
        // Figures come from quarter-octave histograms (decision 0012): the median and p90 shown are within 9 % of
        // the sample of rank ceil(p * n) (percentile_disc).
        // completed stays in applied: 303 12h, 301 24h, 307 24h, 302 48h
        assertMetric(times.get("stage:applied"), 4, DAY, 2 * DAY);
        // viewed: 303 12h, 303 24h, 301 48h
        assertMetric(times.get("stage:viewed"), 3, DAY, 2 * DAY);
        // shortlisted: 303 24h, 301 96h (303's second stay is still open)
        assertMetric(times.get("stage:shortlisted"), 2, DAY, 4 * DAY);
        // interview: 301 24h, 302 48h
        assertMetric(times.get("stage:interview"), 2, DAY, 2 * DAY);
        // first view: 303 12h, 301 24h, 307 24h (rejected unseen is still a reaction), 302 48h; 121 was created
        // viewed (its creation is not a move) and 304 has no history
        assertMetric(times.get("first_view"), 4, DAY, 2 * DAY);
        assertMetric(times.get("hire"), 1, 4 * DAY, 4 * DAY);
    }

    static void assertMetric(TimeMetric metric, long count, double median, double p90) {
        assertThat(metric.count()).as(metric.metric() + " samples").isEqualTo(count);
        assertThat(metric.medianSeconds()).as(metric.metric() + " median").isCloseTo(median, withinPercentage(9.1));
        assertThat(metric.p90Seconds()).as(metric.metric() + " p90").isCloseTo(p90, withinPercentage(9.1));
    }

    @Test
    void staleApplicationsLongestWaitingFirst() {
        // open and unmoved for 14 days (today is after February 2026): 304 (no history: applied_at), 305, 303
        List<StaleApplication> stale = service(anneDb).overview(allTime(anne)).stale();
        assertThat(stale).extracting(StaleApplication::applicationId).containsExactly(304, 305, 303);
        assertThat(stale.get(2).lastMove()).isEqualTo(OffsetDateTime.parse("2026-01-16T12:00Z"));
        assertThat(stale.get(2).jobId()).isEqualTo(11);
        assertThat(stale.get(2).candidateName()).isEqualTo("Cand Six");
    }

    @Test
    void theStaleListKeepsToTheSessionsRowsWhateverScopeItIsAskedFor() {
        // recruiter.stale_applications (V55) reads names as its owner: only the session's rows may come out of it
        assertThat(service(hugoDb).overview(allTime(hugo)).stale()).extracting(StaleApplication::applicationId)
                .containsExactly(304, 305, 303);
        assertThat(service(hugoDb).overview(allTime(hugo)).stale()).extracting(StaleApplication::candidateName)
                .doesNotContainNull();
        // Bruno (Beta) asking for Alpha's company, Alpha's job 11, or Hugo's jobs gets none of them
        StatsService asBruno = service(brunoDb);
        assertThat(asBruno.overview(new StatsQuery(anne.companyId(), bruno.userId(), null, null, null, 14)).stale())
                .isEmpty();
        assertThat(asBruno.overview(new StatsQuery(bruno.companyId(), bruno.userId(), 11, null, null, 14)).stale())
                .isEmpty();
        assertThat(asBruno.overview(new StatsQuery(null, hugo.userId(), null, null, null, 14)).stale()).isEmpty();
    }

    @Test
    void trendsPerWeekSourceAndJob() {
        Trends trends = service(anneDb).overview(allTime(anne)).trends();
        // 101 and 121 were applied "now", in the current week
        assertThat(trends.weeks()).extracting(Trends.WeekCount::week, Trends.WeekCount::applications)
                .startsWith(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 5), 2L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 12), 3L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 2, 2), 1L));
        assertThat(trends.weeks()).hasSize(4);
        assertThat(trends.weeks().get(3).applications()).isEqualTo(2);
        // direct: 101, 121, 303, 304 (blank), 305
        assertThat(trends.sources()).containsExactly(new Trends.SourceCount(null, 5),
                new Trends.SourceCount("linkedin", 2), new Trends.SourceCount("jobberman", 1));
        assertThat(trends.topJobs()).containsExactly(new Trends.JobCount(11, "Alpha engineer", 6),
                new Trends.JobCount(12, "Alpha accountant", 1), new Trends.JobCount(13, "Alpha analyst", 1));
    }

    @Test
    void activeJobsSummaryShowsOnlyTheSessionsJobsWithItsRefreshTime() throws SQLException {
        // the view was built (empty) by the migration moments ago: make that an hour old, or the once-a-minute
        // limit would keep it
        try (Connection admin = db.superuser().getConnection(); var s = admin.createStatement()) {
            s.execute("UPDATE recruiter.materialized_view_refreshes SET refreshed_at = now() - interval '1 hour'");
        }
        OffsetDateTime refreshed = service(anneDb).refreshActiveJobsSummary();
        List<JobSummary> alpha = service(anneDb).activeJobsSummary();
        assertThat(alpha).extracting(JobSummary::jobId).containsExactly(11, 13);
        assertThat(alpha.get(0).total()).isEqualTo(6);
        assertThat(alpha.get(0).rejected()).isEqualTo(1);
        assertThat(alpha).allSatisfy(r -> assertThat(r.refreshedAt()).isEqualTo(refreshed));
        assertThat(service(hugoDb).activeJobsSummary()).extracting(JobSummary::jobId).containsExactly(11);
        assertThat(service(brunoDb).activeJobsSummary()).extracting(JobSummary::jobId).containsExactly(21);
        // a second refresh within the minute is not run again
        assertThat(service(brunoDb).refreshActiveJobsSummary()).isEqualTo(refreshed);
    }

    @Test
    void theJobFilterListsTheScopesLiveJobsNewestFirstOrThoseMatchingWhatWasTyped() {
        assertThat(service(anneDb).jobs(allTime(anne), null)).extracting(JobOption::id)
                .containsExactlyInAnyOrder(12, 13, 11);
        assertThat(service(anneDb).jobs(allTime(anne), " ")).hasSize(3);
        assertThat(service(hugoDb).jobs(allTime(hugo), null)).extracting(JobOption::id).containsExactly(11);
        assertThat(service(anneDb).jobs(allTime(anne), "engineers")).extracting(JobOption::id).containsExactly(11);
        assertThat(service(anneDb).jobs(allTime(anne), "accountant")).extracting(JobOption::id).containsExactly(12);
        // Beta's engineer is not Anne's to choose
        assertThat(service(brunoDb).jobs(allTime(bruno), "engineer")).extracting(JobOption::id).containsExactly(21);
        assertThat(service(anneDb).jobs(allTime(anne), "plombier")).isEmpty();
    }
}
