package co.intowork.recruiter.sync;

import java.time.OffsetDateTime;

/** An operation the server refused to take as it was: the base it was made on, theirs now, and mine (JSON). */
public record Conflict(long id, int applicationId, int jobId, OperationKind kind, String reason, String base,
                       String theirs, String mine, String candidateName, OffsetDateTime createdAt) {
}
