package co.intowork.recruiter.seed;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/** Fills an empty, migrated database with the demo companies, recruiters, candidates, jobs and applications. */
public final class DemoSeeder {
    /** Shown on the demo login screen and printed by {@code seed}; it only ever exists in demo data. */
    public static final String DEMO_RECRUITER_PASSWORD = DemoLogin.PASSWORD;
    // bcrypt $2b$, cost 12, as the platform stores them; fixed salts keep the seed deterministic.
    public static final String RECRUITER_PASSWORD_HASH = "$2b$12$IntoWorkDemoSaltAAAAAe6D6SzvcL9H7sfSi4QH4JuZycKomBvPW";
    public static final String CANDIDATE_PASSWORD_HASH = "$2b$12$IntoWorkDemoSaltBBBBBe0ssue3F73Xi15ecYhgrusk/Kp4kZB7S";

    public record Options(int seed, OffsetDateTime anchor, int candidates, int jobs, int maxApplicationsPerJob) {
        public static Options demo(int seed) {
            return new Options(seed, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS), 3000, 200, 70);
        }
    }

    public record Report(List<TableCount> counts, List<DemoLogin> logins) {
    }

    private final UnitOfWork unitOfWork;

    public DemoSeeder(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public Report seed(Options options, Consumer<String> progress) {
        unitOfWork.run(session -> {
            DemoSeedMapper m = session.getMapper(DemoSeedMapper.class);
            // a bulk load, not a screen's query: neither the pool's statement timeout nor its socket timeout apply
            // (on a loaded machine the load can take longer than either), and the statistics are built at the end
            session.getConnection().setNetworkTimeout(Runnable::run, 0);
            m.prepareBulkLoad();
            if (m.platformRowCount() > 0) {
                throw new UserFacingException("The database already holds users, companies or jobs; demo data "
                        + "is only loaded into an empty database, so nothing was changed.");
            }
            int seed = options.seed();
            OffsetDateTime anchor = options.anchor();
            m.createRandomFunction();
            m.createPickFunction();
            progress.accept("Companies and recruiters");
            m.insertCompanies(anchor);
            m.createCompanyMap();
            m.insertRecruiters(anchor, RECRUITER_PASSWORD_HASH);
            m.createEmployerMap();
            progress.accept("Candidates and their profiles");
            m.insertCandidateUsers(seed, anchor, options.candidates(), CANDIDATE_PASSWORD_HASH);
            m.insertCandidates(seed);
            m.createCandidateMap();
            m.insertCvs(seed);
            m.insertExperiences(seed, anchor);
            m.insertEducations(seed, anchor);
            m.insertSkills(seed, anchor);
            progress.accept("Jobs");
            m.insertJobs(seed, anchor, options.jobs());
            progress.accept("Applications");
            m.insertApplications(seed, anchor, options.maxApplicationsPerJob());
            m.clampApplicationDates(anchor);
            m.updateApplicationCounts();
            m.insertHiringManager(anchor, RECRUITER_PASSWORD_HASH);
            progress.accept("Notifications");
            m.insertNewApplicationNotifications(anchor);
            m.insertStatusChangeNotifications(seed);
            progress.accept("Statistics");
            m.rebuildStatistics();
        });
        progress.accept("Updating planner statistics");
        return unitOfWork.inTransaction(session -> {
            DemoSeedMapper m = session.getMapper(DemoSeedMapper.class);
            session.getConnection().setNetworkTimeout(Runnable::run, 0);
            m.prepareBulkLoad();
            m.analyze();
            return new Report(m.tableCounts(), m.demoLogins());
        });
    }

    public List<DemoLogin> demoLogins() {
        return unitOfWork.inTransaction(session -> session.getMapper(DemoSeedMapper.class).demoLogins());
    }
}
