package co.intowork.recruiter.interviews;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One interview as the platform stores it, with its job and candidate, and {@code sequence}: its invitation's
 * RFC 5545 SEQUENCE (recruiter.interview_calendar, bumped by the database on each change).
 */
public record Interview(int id, int applicationId, int jobId, String jobTitle, String candidateName,
                        String candidateEmail, String title, String description, String location, String meetingLink,
                        OffsetDateTime startsAt, int durationMinutes, String timezone, String status, int sequence,
                        List<Interviewer> interviewers, int createdByUserId) {
    public Interview {
        interviewers = interviewers == null ? List.of() : List.copyOf(interviewers);
    }

    public InterviewStatus state() {
        return InterviewStatus.parse(status);
    }

    /** The zone it was planned in; the web's default when the row has none or one Java does not know. */
    public ZoneId zone() {
        return InterviewZones.parse(timezone).orElse(InterviewZones.PLATFORM_DEFAULT);
    }

    public ZonedDateTime start() {
        return startsAt.atZoneSameInstant(zone());
    }

    public OffsetDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    public boolean hasInterviewer(int userId) {
        return interviewers.stream().anyMatch(i -> i.userId() == userId);
    }
}
