package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedInUser;
import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** The replica's own statements, run as its owner. */
public interface ReplicaMapper {
    String replicationMode();

    long recountDerivedTables();

    int deleteRows(@Param("table") String table, @Param("rows") String rows,
                   @Param("protectPending") boolean protectPending);

    int insertRows(@Param("table") String table, @Param("rows") String rows);

    int deleteHiringManagers(@Param("jobId") int jobId);

    int insertHiringManagers(@Param("rows") String rows);

    int deleteProfileRows(@Param("table") String table, @Param("candidateIds") Integer[] candidateIds);

    int deleteApplications(@Param("ids") Integer[] ids);

    int deleteLocalEvents(@Param("jobId") int jobId, @Param("localBase") long localBase);

    long reserveLocalEventIds(@Param("localBase") long localBase);

    int purgeJob(@Param("jobId") int jobId);

    int purgeDeletedCandidates();

    int purgeOrphanCandidates();

    List<Integer> sliceJobs();

    int addSliceJob(@Param("jobId") int jobId);

    Watermark watermark(@Param("jobId") int jobId, @Param("table") String table);

    void saveWatermark(@Param("jobId") int jobId, @Param("table") String table, @Param("since") OffsetDateTime since,
                       @Param("sinceId") Long sinceId);

    OffsetDateTime maxUpdatedAt(@Param("rows") String rows);

    String stateValue(@Param("key") String key);

    void saveState(@Param("key") String key, @Param("value") String value);

    ApplicationState localState(@Param("applicationId") int applicationId);

    void enqueue(@Param("op") Operation op);

    List<Operation> pending();

    Operation lastPending(@Param("applicationId") int applicationId);

    int discardPendingMessages(@Param("applicationId") int applicationId);


    int movePendingMessagesLast(@Param("applicationId") int applicationId);

    int finish(@Param("operationId") String operationId, @Param("state") String state,
               @Param("resultVersion") Integer resultVersion);

    void addConflict(@Param("op") Operation op, @Param("reason") String reason, @Param("theirs") String theirs,
                     @Param("resolution") String resolution);

    List<Conflict> openConflicts();

    Long openStatusConflict(@Param("applicationId") int applicationId);

    int foldIntoConflict(@Param("id") long id, @Param("kind") OperationKind kind, @Param("mine") String mine,
                         @Param("theirs") String theirs);

    int resolveConflict(@Param("id") long id, @Param("resolution") String resolution);

    SyncCounts counts();

    int liveApplications(@Param("jobId") int jobId);

    int overwriteLocal(@Param("s") ApplicationState state, @Param("status") String status);

    void openLocalSession(@Param("u") SignedInUser user, @Param("employerId") int employerId,
                          @Param("token") String token);
}
