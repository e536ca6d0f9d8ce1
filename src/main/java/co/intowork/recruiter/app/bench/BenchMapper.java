package co.intowork.recruiter.app.bench;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** The benchmark's setup reads (never timed); rows are plain field holders filled by MyBatis. */
public interface BenchMapper {
    final class CompanyRow {
        public int companyId;
        public String companyName;
        public long applications;
        public long jobs;
        public String recruiterEmail;
    }

    final class HiringManagerRow {
        public String email;
        public long jobs;
    }

    final class WordRow {
        public String word;
        public long jobs;
    }

    final class JobRow {
        public int jobId;
        public int companyId;
        public long applications;
    }

    final class ApplicationRow {
        public int applicationId;
        public int jobId;
        public int candidateId;
        public int version;
        public String status;
    }

    final class Cursor {
        public int id;
        public OffsetDateTime time;
    }

    List<CompanyRow> companies();

    List<String> applicationTriggers();

    Integer movableApplication(@Param("companyId") int companyId);

    int moveToViewed(@Param("id") int id);

    void disableApplicationTrigger(@Param("trigger") String trigger);

    void enableApplicationTrigger(@Param("trigger") String trigger);

    HiringManagerRow hiringManager();

    List<WordRow> titleWords(@Param("companyId") int companyId, @Param("language") String language);

    JobRow jobNear(@Param("applications") long applications);

    List<JobRow> jobPool(@Param("companyId") Integer companyId, @Param("userId") int userId);

    List<ApplicationRow> applicationPool(@Param("jobIds") Integer[] jobIds);

    Cursor columnCursor(@Param("jobId") int jobId, @Param("status") String status, @Param("offset") int offset);

    Cursor pipelineCursor(@Param("companyId") Integer companyId, @Param("userId") int userId,
                          @Param("offset") int offset);

    String recruiterOf(@Param("companyId") int companyId);

    Integer insertUiJob(@Param("companyId") int companyId, @Param("title") String title,
                        @Param("anchor") OffsetDateTime anchor, @Param("count") int count);

    int insertUiApplications(@Param("jobId") int jobId, @Param("count") int count,
                             @Param("anchor") OffsetDateTime anchor);

    String functionBody(@Param("signature") String signature);

    void loadAutoExplain();

    String explainNestedAs(@Param("login") String login);

    /** For the rest of this transaction: the platform's way takes minutes on purpose. */
    String noStatementTimeout();
}
