package co.intowork.recruiter.app.bench;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Map;

/** The platform web backend's way of fetching the same data (BaselineMapper.xml), for the side-by-side ratio. */
public interface BaselineMapper {
    final class IndexRow {
        public String name;
        public String tableName;
        public boolean backsConstraint;
    }

    List<IndexRow> publicIndexes();

    void dropIndex(@Param("name") String name);

    List<Map<String, Object>> jobsPage(@Param("companyId") int companyId, @Param("offset") int offset,
                                       @Param("limit") int limit);

    long countJobs(@Param("companyId") int companyId);

    List<Map<String, Object>> searchJobs(@Param("companyId") int companyId, @Param("word") String word,
                                         @Param("limit") int limit);

    long countApplications(@Param("jobId") int jobId, @Param("status") String status);

    List<Map<String, Object>> applicationsPage(@Param("jobId") int jobId, @Param("status") String status,
                                               @Param("offset") int offset, @Param("limit") int limit);

    Map<String, Object> application(@Param("applicationId") int applicationId);

    List<Map<String, Object>> experiences(@Param("candidateId") int candidateId);

    List<Map<String, Object>> educations(@Param("candidateId") int candidateId);

    List<Map<String, Object>> skills(@Param("candidateId") int candidateId);

    int saveAssessment(@Param("applicationId") int applicationId, @Param("notes") String notes,
                       @Param("rating") Integer rating);

    int changeStatus(@Param("applicationId") int applicationId, @Param("to") String to);

    int notifyCandidate(@Param("applicationId") int applicationId, @Param("title") String title);

    List<Map<String, Object>> notificationsPage(@Param("userId") int userId, @Param("offset") int offset,
                                                @Param("limit") int limit);

    long unreadCount(@Param("userId") int userId);

    long countCompanyApplications(@Param("companyId") int companyId, @Param("jobId") Integer jobId,
                                  @Param("status") String status, @Param("from") java.time.OffsetDateTime from);
}
