package co.intowork.recruiter.board;

import java.time.OffsetDateTime;

/** An application the database just moved: its new row version and when it changed. */
public record Versioned(int applicationId, int version, OffsetDateTime changedAt) {
}
