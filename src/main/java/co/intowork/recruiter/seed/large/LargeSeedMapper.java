package co.intowork.recruiter.seed.large;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** The statements of {@link LargeSeeder}, in the order it runs them; see LargeSeedMapper.xml. */
public interface LargeSeedMapper {
    boolean hasPlatformRows();

    boolean isSuperuser();

    String prepareBulkLoad();

    long resetSequences();

    void setAsideIndexes();

    void dropSetAsideIndexes();

    long setAsideIndexCount();

    void rebuildIndexes();

    void createRandomFunction();

    void ageDemoAccounts(@Param("anchor") OffsetDateTime anchor);

    void createSlugFunction();

    void createCities();

    void createProfessions();

    void createCompanyPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                           @Param("companies") int companies, @Param("jobs") int jobs,
                           @Param("employers") int employers);

    void insertCompanies(@Param("seed") int seed);

    void createEmployerPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                            @Param("employers") int employers, @Param("reserved") int reserved);

    void createCandidatePlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                             @Param("candidates") int candidates);

    void assignUserIds();

    void linkEmployerUsers();

    void linkCandidateUsers();

    void createCvPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void linkCandidateCvs();

    void insertUsers(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                     @Param("recruiterPasswordHash") String recruiterPasswordHash,
                     @Param("candidatePasswordHash") String candidatePasswordHash);

    void insertEmployers();

    void insertCandidates(@Param("seed") int seed);

    void insertCvs(@Param("seed") int seed);

    void insertExperiences(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertEducations(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void insertSkills(@Param("seed") int seed);

    void analyzeCandidatePlan();

    void createJobDates(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void createJobPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor,
                       @Param("candidates") int candidates);

    void analyzeJobPlan();

    void planApplicationCounts(@Param("applications") int applications);

    String applicationPlanProblems(@Param("applications") int applications);

    void insertJobs(@Param("seed") int seed);

    void createFunnel(@Param("applications") int applications, @Param("notifications") int notifications);

    long smallestFunnelBucket();

    void createApplicationSlots(@Param("seed") int seed);

    void createApplicationPlan(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void analyzeApplicationPlan();

    void insertApplications(@Param("seed") int seed);

    void insertStatusEvents(@Param("anchor") OffsetDateTime anchor);

    void insertNotifications(@Param("seed") int seed, @Param("anchor") OffsetDateTime anchor);

    void analyzeCandidateTables();

    void insertCandidateSearch();

    long rebuildCompanyCandidates();

    long rebuildApplicationCounts();

    long rebuildJobSearchTerms();

    long rebuildCandidateSearchTerms();

    long rebuildManagedJobCandidates();

    long rebuildRecruiterNames();

    long rebuildJobTags();

    long rebuildStatistics();

    long syncSequences();

    String noStatementTimeoutInTransaction();

    OffsetDateTime refreshActiveJobsSummary();

    void vacuumAnalyze();

    String currentStatementTimeout();

    String disableStatementTimeout();

    String restoreStatementTimeout(@Param("value") String value);

    List<TableSize> tableSizes();

    /** Issue 24: the platform's evaluation columns (AI score, tags, scorecard, notes thread) on the applications. */
    int fillPlatformEvaluations();
}
