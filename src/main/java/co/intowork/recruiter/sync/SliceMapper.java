package co.intowork.recruiter.sync;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** Reads of the server for a slice, through the signed-in session (row-level security). */
public interface SliceMapper {
    List<Integer> visibleJobs(@Param("jobIds") Integer[] jobIds, @Param("companyId") Integer companyId,
                              @Param("userId") int userId);

    List<String> job(@Param("jobId") int jobId);

    List<String> jobPeople(@Param("jobId") int jobId);

    List<String> jobEmployer(@Param("jobId") int jobId);

    List<String> jobCompany(@Param("jobId") int jobId);

    List<String> hiringManagers(@Param("jobId") int jobId);

    List<Integer> applicationIds(@Param("jobId") int jobId);

    List<String> applications(@Param("jobId") int jobId, @Param("since") OffsetDateTime since);

    List<String> events(@Param("jobId") int jobId, @Param("since") OffsetDateTime since);

    List<Integer> changedCandidates(@Param("jobId") int jobId, @Param("since") OffsetDateTime since);

    List<String> candidates(@Param("candidateIds") Integer[] candidateIds);

    List<String> candidateUsers(@Param("candidateIds") Integer[] candidateIds);

    List<String> profileRows(@Param("table") String table, @Param("candidateIds") Integer[] candidateIds);

    ApplicationState applicationState(@Param("applicationId") int applicationId, @Param("companyId") Integer companyId,
                                      @Param("userId") int userId);

    Integer appliedOperation(@Param("operationId") String operationId);

    void recordOperation(@Param("operationId") String operationId, @Param("applicationId") int applicationId,
                         @Param("kind") String kind);
}
