package co.intowork.recruiter.stats;

import java.time.OffsetDateTime;

/** An open application (not accepted or rejected) that has not moved since {@code lastMove}. */
public record StaleApplication(int applicationId, int jobId, String jobTitle, String candidateName, String status,
                               OffsetDateTime lastMove) {
}
