package co.intowork.recruiter.interviews;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface InterviewMapper {
    List<Interview> ofCompany(@Param("companyId") Integer companyId, @Param("from") OffsetDateTime from,
                              @Param("to") OffsetDateTime to, @Param("limit") int limit);

    List<Interview> ofInterviewer(@Param("userId") int userId, @Param("from") OffsetDateTime from,
                                  @Param("to") OffsetDateTime to, @Param("limit") int limit);

    List<Interview> ofApplication(@Param("applicationId") int applicationId);

    Interview find(@Param("id") int id);

    List<Booking> bookings(@Param("userIds") Integer[] userIds, @Param("from") OffsetDateTime from,
                           @Param("to") OffsetDateTime to, @Param("exceptId") Integer exceptId);

    List<Interviewer> people(@Param("jobId") int jobId);

    Applicant applicant(@Param("applicationId") int applicationId);

    String companyCountry(@Param("companyId") int companyId);

    /** {@code startsAt}, {@code zone}, {@code interviewers}: the request's, in the forms JDBC takes. */
    int schedule(@Param("r") InterviewRequest request, @Param("startsAt") OffsetDateTime startsAt,
                 @Param("zone") String zone, @Param("interviewers") Integer[] interviewers);

    int reschedule(@Param("id") int id, @Param("sequence") int sequence, @Param("r") InterviewRequest request,
                   @Param("startsAt") OffsetDateTime startsAt, @Param("zone") String zone,
                   @Param("interviewers") Integer[] interviewers);

    int setStatus(@Param("id") int id, @Param("sequence") int sequence, @Param("status") String status);
}
