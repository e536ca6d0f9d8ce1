package co.intowork.recruiter.seed;

import co.intowork.recruiter.auth.DemoLogin;
import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface DemoSeedMapper {
    long platformRowCount();

    String prepareBulkLoad(@Param("deferDerived") String deferDerived);

    long rebuildStatistics();

    long rebuildCandidateSearch();

    long rebuildApplicationCounts();

    void createRandomFunction();

    void createPickFunction();

    void insertCompanies(@Param("anchor") OffsetDateTime anchor);

    void createCompanyMap();

    void insertRecruiters(@Param("anchor") OffsetDateTime anchor,
                          @Param("recruiterPasswordHash") String recruiterPasswordHash);

    void createEmployerMap();

    void insertCandidateUsers(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                              @Param("candidates") int candidates,
                              @Param("candidatePasswordHash") String candidatePasswordHash);

    void insertCandidates(@Param("seed") int seed, @Param("cvBase") String cvBase);

    void createCandidateMap();

    void insertCvs(@Param("seed") int seed, @Param("cvBase") String cvBase);

    void insertExperiences(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertEducations(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertSkills(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void createJobCatalogue();

    void insertJobs(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor, @Param("jobs") int jobs);

    boolean ownsPlatformTables();

    void createFunnelPaths();

    void createApplicationPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                               @Param("maxApplicationsPerJob") int maxApplicationsPerJob);

    void createMovePlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void disableStatusTrigger();

    void insertApplications(@Param("seed") int seed);

    void enableStatusTrigger();

    void disableTouchTrigger();

    void enableTouchTrigger();

    void assignHiringManagerMoves(@Param("seed") int seed);

    void insertStatusHistory();

    void updateApplicationCounts();

    void insertInterviews(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertEmailTemplates(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertHiringManager(@Param("anchor") OffsetDateTime anchor,
                             @Param("recruiterPasswordHash") String recruiterPasswordHash);

    void insertNewApplicationNotifications(@Param("anchor") OffsetDateTime anchor);

    void insertStatusChangeNotifications(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void analyze();

    /** Planner statistics for the tables loaded so far, inside the load's transaction (see the XML). */
    void analyzeLoaded();

    List<DemoLogin> demoLogins();

    List<TableCount> tableCounts();

    /** Issue 24: the platform's evaluation columns (AI score, tags, scorecard, notes thread) on the applications. */
    int fillPlatformEvaluations();

    List<CvProfile> cvProfiles(@Param("base") String base);
}
