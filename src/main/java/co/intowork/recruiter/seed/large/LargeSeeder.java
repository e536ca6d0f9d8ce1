package co.intowork.recruiter.seed.large;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.seed.DemoSeedMapper;
import co.intowork.recruiter.seed.DemoSeeder;
import org.apache.ibatis.session.SqlSession;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills an empty, migrated database with a platform-sized data set (by default 100k users, 5k companies, 100k
 * jobs, 1M applications, 2M notifications) for benchmarks. The demo companies and recruiters are part of it,
 * with their demo logins. Same options, same rows. See LargeSeedMapper.xml for how the data is shaped.
 */
public final class LargeSeeder {
    /**
     * Sizes of the data set. {@code employers} are recruiter accounts (users = employers + candidates);
     * {@code notifications} - {@code applications} is the number of status changes (one STATUS_CHANGE
     * notification each, next to one NEW_APPLICATION per application) and must be between about 0.8 and 1.4
     * times the applications for the funnel's fixed shares to fit.
     */
    public record Options(int seed, OffsetDateTime anchor, int companies, int employers, int candidates, int jobs,
                          int applications, int notifications) {
        public Options {
            if (anchor == null) {
                throw new IllegalArgumentException("anchor is required");
            }
            if (companies < 7) {
                throw new IllegalArgumentException("companies must be at least 7 (the 6 demo companies and one more)");
            }
            int withCompany = employers - employers / 100;
            if (withCompany < companies + 5) {
                throw new IllegalArgumentException("employers must leave every company a recruiter (at least "
                        + "about companies + 6 of them)");
            }
            if (candidates < 1 || candidates > 1_000_000) {
                throw new IllegalArgumentException("candidates must be between 1 and 1,000,000");
            }
            if (jobs < companies || applications < 0 || notifications < applications) {
                throw new IllegalArgumentException("jobs must be at least companies, and notifications at least "
                        + "applications");
            }
        }

        /** The documented large scale, dated relative to the start of today (UTC). */
        public static Options large(int seed) {
            return large(seed, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS));
        }

        public static Options large(int seed, OffsetDateTime anchor) {
            return new Options(seed, anchor, 5_000, 50_000, 50_000, 100_000, 1_000_000, 2_000_000);
        }

        /** Every size divided by {@code divisor} (for tests: 200 gives a data set loaded in seconds). */
        public Options scaledDown(int divisor) {
            return new Options(seed, anchor, companies / divisor, employers / divisor, candidates / divisor,
                    jobs / divisor, applications / divisor, notifications / divisor);
        }
    }

    public record Phase(String name, Duration duration) {
    }

    public record Report(List<TableSize> tables, List<DemoLogin> logins, List<Phase> phases, Duration total) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Times each phase and announces it with the time elapsed so far. */
    private static final class Clock {
        private final Consumer<String> progress;
        private final long started = System.nanoTime();
        private final List<Phase> phases = new ArrayList<>();

        Clock(Consumer<String> progress) {
            this.progress = progress;
        }

        void phase(String name, Step step) throws Exception {
            long begin = System.nanoTime();
            progress.accept(String.format("[%6.1f s] %s", (begin - started) / 1e9, name));
            step.run();
            phases.add(new Phase(name, Duration.ofNanos(System.nanoTime() - begin)));
        }

        /** A phase that ended now but was not run through {@link #phase} (the commit). */
        void record(String name, long beganNanos) {
            phases.add(new Phase(name, Duration.ofNanos(System.nanoTime() - beganNanos)));
        }

        Duration total() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /**
     * Employer accounts the demo seed's insertHiringManager adds (it picks the busiest jobs, so it runs last,
     * with the indexes back and the sequences past the seeded ids); counted in {@link Options#employers()}.
     */
    private static final int DEMO_HIRING_MANAGERS = 1;

    private final UnitOfWork unitOfWork;

    public LargeSeeder(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public Report seed(Options o, Consumer<String> progress) {
        if (o.anchor().isAfter(OffsetDateTime.now().plusMinutes(5))) {
            // the applied_at trigger is off during the load, so its rule is enforced here
            throw new UserFacingException("The anchor date " + o.anchor().toLocalDate() + " is in the future; "
                    + "applications cannot be dated later than now. Use today or an earlier date.");
        }
        Clock clock = new Clock(progress);
        int seed = o.seed();
        OffsetDateTime anchor = o.anchor();
        long[] committing = new long[1];
        try {
            unitOfWork.run(session -> {
                allowLongStatements(session);
                LargeSeedMapper m = session.getMapper(LargeSeedMapper.class);
                DemoSeedMapper demo = session.getMapper(DemoSeedMapper.class);
                if (m.hasPlatformRows()) {
                    throw new UserFacingException("The database already holds users, companies or jobs; the large "
                            + "data set is only loaded into an empty database, so nothing was changed.");
                }
                if (!m.isSuperuser()) {
                    throw new UserFacingException("The large data set is loaded with the database's triggers "
                            + "switched off, which needs a superuser. Connect as one (e.g. --user postgres), or use "
                            + "--scale demo.");
                }
                m.prepareBulkLoad();
                m.resetSequences();
                m.setAsideIndexes();
                m.dropSetAsideIndexes();
                clock.phase(String.format("Companies (%,d) and the demo recruiters", o.companies()), () -> {
                    m.createRandomFunction();
                    demo.createPickFunction();
                    m.createSlugFunction();
                    demo.insertCompanies(anchor);
                    demo.createCompanyMap();
                    demo.insertRecruiters(anchor, DemoSeeder.RECRUITER_PASSWORD_HASH);
                    m.ageDemoAccounts(anchor);
                    m.createCities();
                    m.createProfessions();
                    m.createCompanyPlan(seed, anchor, o.companies(), o.jobs(), o.employers());
                    m.insertCompanies(seed);
                });
                clock.phase(String.format("Users: %,d recruiters and %,d candidates", o.employers(), o.candidates()),
                        () -> {
                    m.createEmployerPlan(seed, anchor, o.employers(), DEMO_HIRING_MANAGERS);
                    m.createCandidatePlan(seed, anchor, o.candidates());
                    m.assignUserIds();
                    m.linkEmployerUsers();
                    m.linkCandidateUsers();
                    m.createCvPlan(seed, anchor);
                    m.linkCandidateCvs();
                    m.analyzeCandidatePlan();
                    m.insertUsers(seed, anchor, DemoSeeder.RECRUITER_PASSWORD_HASH, DemoSeeder.CANDIDATE_PASSWORD_HASH);
                    m.insertEmployers();
                    m.insertCandidates(seed);
                });
                clock.phase("Candidate profiles: CVs, experiences, educations, skills", () -> {
                    m.insertCvs(seed);
                    m.insertExperiences(seed, anchor);
                    m.insertEducations(seed, anchor);
                    m.insertSkills(seed);
                });
                clock.phase(String.format("Jobs (%,d)", o.jobs()), () -> {
                    m.createJobDates(seed, anchor);
                    m.createJobPlan(seed, anchor, o.candidates());
                    m.analyzeJobPlan();
                    m.planApplicationCounts(o.applications());
                    String problem = m.applicationPlanProblems(o.applications());
                    if (problem != null) {
                        throw new UserFacingException("These sizes do not fit: " + problem + ". Use more candidates "
                                + "or jobs, or fewer applications.");
                    }
                    m.insertJobs(seed);
                });
                clock.phase(String.format("Applications (%,d)", o.applications()), () -> {
                    m.createFunnel(o.applications(), o.notifications());
                    if (m.smallestFunnelBucket() < 0) {
                        throw new UserFacingException("These sizes do not fit: notifications minus applications "
                                + "(the number of status changes) must be between about 0.8 and 1.4 times the "
                                + "applications.");
                    }
                    m.createApplicationSlots(seed);
                    m.createApplicationPlan(seed, anchor);
                    m.analyzeApplicationPlan();
                    m.insertApplications(seed);
                });
                clock.phase("Application status history", () -> m.insertStatusEvents(anchor));
                clock.phase(String.format("Notifications (%,d)", o.notifications()),
                        () -> m.insertNotifications(seed, anchor));
                // issue 24, before the indexes are rebuilt (set aside during the load: no index upkeep per row)
                clock.phase("Platform evaluations (AI score, tags, scorecards, notes)", m::fillPlatformEvaluations);
                clock.phase("Candidate search documents", () -> {
                    m.analyzeCandidateTables();
                    m.insertCandidateSearch();
                });
                // the triggers that keep it are off during the load (V21)
                clock.phase("Candidates per company", m::rebuildCompanyCandidates);
                clock.phase("Applications per job", m::rebuildApplicationCounts);
                clock.phase("Job search terms", m::rebuildJobSearchTerms);
                clock.phase("Candidate search terms", m::rebuildCandidateSearchTerms);
                clock.phase("Hiring managers' candidate documents", m::rebuildManagedJobCandidates);
                clock.phase("Recruiter names", m::rebuildRecruiterNames);
                clock.phase("Job tags", m::rebuildJobTags);
                clock.phase(String.format("Indexes (%d rebuilt)", m.setAsideIndexCount()), () -> {
                    m.rebuildIndexes();
                    m.syncSequences();
                });
                // after the indexes: it reads each application's history by ix_application_status_events_*
                clock.phase("Statistics rollups", m::rebuildStatistics);
                clock.phase("The demo's hiring manager", () -> demo.insertHiringManager(anchor,
                        DemoSeeder.RECRUITER_PASSWORD_HASH));
                progress.accept(String.format("[%6.1f s] Commit", clock.total().toNanos() / 1e9));
                committing[0] = System.nanoTime();
            });
            clock.record("Commit", committing[0]);
            clock.phase("VACUUM (ANALYZE)", this::vacuumAnalyze);
            clock.phase("Active jobs summary", () -> unitOfWork.run(session -> {
                allowLongStatements(session);
                LargeSeedMapper m = session.getMapper(LargeSeedMapper.class);
                m.noStatementTimeoutInTransaction();
                m.refreshActiveJobsSummary();
            }));
        } catch (UserFacingException e) {
            throw e;
        } catch (Exception e) {
            throw SqlErrors.translate(e);
        }
        return unitOfWork.inTransaction(session -> new Report(session.getMapper(LargeSeedMapper.class).tableSizes(),
                session.getMapper(DemoSeedMapper.class).demoLogins(), List.copyOf(clock.phases), clock.total()));
    }

    /** VACUUM cannot run in a transaction: its own autocommit session, without the pool's statement timeout. */
    private void vacuumAnalyze() {
        try (SqlSession session = unitOfWork.factory().openSession(true)) {
            allowLongStatements(session);
            LargeSeedMapper m = session.getMapper(LargeSeedMapper.class);
            String previous = m.currentStatementTimeout();
            m.disableStatementTimeout();
            try {
                m.vacuumAnalyze();
            } finally {
                m.restoreStatementTimeout(previous);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * The pool's socket timeout is meant to notice a dead server behind a 30-second statement limit; single
     * statements here legitimately run for minutes. The pool restores the timeout when the connection returns.
     */
    private static void allowLongStatements(SqlSession session) throws SQLException {
        session.getConnection().setNetworkTimeout(Runnable::run, 0);
    }
}
