package co.intowork.recruiter.seed;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Fills an empty, migrated database with the demo companies, recruiters, candidates, jobs and applications. */
public final class DemoSeeder {
    /** Shown on the demo login screen and printed by {@code seed}; it only ever exists in demo data. */
    public static final String DEMO_RECRUITER_PASSWORD = DemoLogin.PASSWORD;
    // bcrypt $2b$, cost 12, as the platform stores them; fixed salts keep the seed deterministic.
    public static final String RECRUITER_PASSWORD_HASH = "$2b$12$IntoWorkDemoSaltAAAAAe6D6SzvcL9H7sfSi4QH4JuZycKomBvPW";
    public static final String CANDIDATE_PASSWORD_HASH = "$2b$12$IntoWorkDemoSaltBBBBBe0ssue3F73Xi15ecYhgrusk/Kp4kZB7S";

    /** Where CVs point when the seed writes no CV files: an address that does not exist (as before issue 23). */
    static final String NO_CV_FILES = "https://files.intowork.demo/cv/";

    /**
     * {@code cvFolder}: where the candidates' PDF CVs are written ({@link DemoCvs}), their addresses file: URIs
     * into it; null: no files, addresses under {@link #NO_CV_FILES}.
     */
    public record Options(int seed, OffsetDateTime anchor, int candidates, int jobs, int maxApplicationsPerJob,
                          Path cvFolder) {
        public Options(int seed, OffsetDateTime anchor, int candidates, int jobs, int maxApplicationsPerJob) {
            this(seed, anchor, candidates, jobs, maxApplicationsPerJob, null);
        }

        public static Options demo(int seed) {
            return new Options(seed, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS), 3000, 200, 70);
        }

        public Options withCvFolder(Path folder) {
            return new Options(seed, anchor, candidates, jobs, maxApplicationsPerJob, folder);
        }

        /** What a CV's number is appended to (then ".pdf"). */
        String cvBase() {
            return cvFolder == null ? NO_CV_FILES : DemoCvs.baseUri(cvFolder);
        }
    }

    public record Report(List<TableCount> counts, List<DemoLogin> logins) {
    }

    private final UnitOfWork unitOfWork;

    public DemoSeeder(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** The load's stages, in order; {@code key} names them for translations ("seed.stage.KEY"). */
    public enum Stage {
        COMPANIES("companies", "Companies and recruiters"),
        CANDIDATES("candidates", "Candidates and their profiles"),
        JOBS("jobs", "Jobs"),
        APPLICATIONS("applications", "Applications"),
        NOTIFICATIONS("notifications", "Notifications"),
        SEARCH("search", "Candidate search"),
        COUNTS("counts", "Application counts"),
        STATISTICS("statistics", "Statistics"),
        PLANNER("planner", "Planner statistics");

        private final String key;
        private final String english;

        Stage(String key, String english) {
            this.key = key;
            this.english = english;
        }

        public String key() {
            return key;
        }

        public String english() {
            return english;
        }
    }

    /** A stage starting: step {@code step} of {@code steps}, {@code elapsed} since the load began. */
    public record Progress(Stage stage, int step, int steps, Duration elapsed) {
        /** For the command line and the log, e.g. "4/9 Applications (2.1 s)". */
        public String describe() {
            return String.format(Locale.ROOT, "%d/%d %s (%.1f s)", step, steps, stage.english(),
                    elapsed.toMillis() / 1e3);
        }
    }

    public Report seed(Options options, Consumer<Progress> progress) {
        return seed(options, progress, true);
    }

    /**
     * {@code deferDerived}: the search documents, per-job counts and statistics rollups are built once, set-based,
     * at the end of the load's transaction instead of by their triggers row by row (V32, V40). Off only in tests,
     * to get what the triggers alone build.
     */
    Report seed(Options options, Consumer<Progress> progress, boolean deferDerived) {
        long started = System.nanoTime();
        Consumer<Stage> step = stage -> progress.accept(new Progress(stage, stage.ordinal() + 1,
                Stage.values().length, Duration.ofNanos(System.nanoTime() - started)));
        unitOfWork.run(session -> {
            DemoSeedMapper m = session.getMapper(DemoSeedMapper.class);
            // a bulk load, not a screen's query: neither the pool's statement timeout nor its socket timeout apply
            // (on a loaded machine the load can take longer than either; every statement of the mapper also says
            // timeout="0" against the JDBC default), and what triggers derive is built at the end
            session.getConnection().setNetworkTimeout(Runnable::run, 0);
            m.prepareBulkLoad(deferDerived ? "on" : "off");
            if (m.platformRowCount() > 0) {
                throw new UserFacingException("The database already holds users, companies or jobs; demo data "
                        + "is only loaded into an empty database, so nothing was changed.");
            }
            if (!m.ownsPlatformTables()) {
                // the applications are written with their status trigger off (see insertApplications)
                throw new UserFacingException("Demo data is loaded by the owner of the platform's tables (the "
                        + "login that ran migrate); this login is not, so nothing was changed.");
            }
            int seed = options.seed();
            OffsetDateTime anchor = options.anchor();
            m.createRandomFunction();
            m.createPickFunction();
            step.accept(Stage.COMPANIES);
            m.insertCompanies(anchor);
            m.createCompanyMap();
            m.insertRecruiters(anchor, RECRUITER_PASSWORD_HASH);
            m.createEmployerMap();
            step.accept(Stage.CANDIDATES);
            m.insertCandidateUsers(seed, anchor, options.candidates(), CANDIDATE_PASSWORD_HASH);
            m.insertCandidates(seed, options.cvBase());
            m.createCandidateMap();
            m.insertCvs(seed, options.cvBase());
            m.insertExperiences(seed, anchor);
            m.insertEducations(seed, anchor);
            m.insertSkills(seed, anchor);
            step.accept(Stage.JOBS);
            m.createJobCatalogue();
            m.insertJobs(seed, anchor, options.jobs());
            // the planner's statistics of what is written so far (see analyzeLoaded): the application plan joins it
            m.analyzeLoaded();
            step.accept(Stage.APPLICATIONS);
            // each application's way through the funnel, planned first, then written with its history
            m.createFunnelPaths();
            m.createApplicationPlan(seed, anchor, options.maxApplicationsPerJob());
            m.createMovePlan(seed, anchor);
            m.disableStatusTrigger();
            m.insertApplications(seed);
            m.enableStatusTrigger();
            m.updateApplicationCounts();
            // issue 24: after every other application step, before the hiring manager exists (the seeded notes
            // are history, not news: the managers' note notifications would differ between the two load paths)
            m.disableTouchTrigger();
            m.fillPlatformEvaluations();
            m.enableTouchTrigger();
            m.insertHiringManager(anchor, RECRUITER_PASSWORD_HASH);
            m.assignHiringManagerMoves(seed);
            m.insertStatusHistory();
            // issue 21's calendar and messages: after the hiring manager, who sits on some of her jobs' interviews
            m.insertInterviews(seed, anchor);
            m.insertEmailTemplates(seed, anchor);
            // and again with the applications and their history: the notifications and the rebuilds join them
            m.analyzeLoaded();
            step.accept(Stage.NOTIFICATIONS);
            m.insertNewApplicationNotifications(anchor);
            m.insertStatusChangeNotifications(seed, anchor);
            step.accept(Stage.SEARCH);
            if (deferDerived) {
                m.rebuildCandidateSearch();
            }
            step.accept(Stage.COUNTS);
            if (deferDerived) {
                m.rebuildApplicationCounts();
            }
            step.accept(Stage.STATISTICS);
            if (deferDerived) {
                m.rebuildStatistics();
            }
        });
        step.accept(Stage.PLANNER);
        return unitOfWork.inTransaction(session -> {
            DemoSeedMapper m = session.getMapper(DemoSeedMapper.class);
            session.getConnection().setNetworkTimeout(Runnable::run, 0);
            m.prepareBulkLoad("off");
            m.analyze();
            return new Report(m.tableCounts(), m.demoLogins());
        });
    }

    public List<DemoLogin> demoLogins() {
        return unitOfWork.inTransaction(session -> session.getMapper(DemoSeedMapper.class).demoLogins());
    }
}
