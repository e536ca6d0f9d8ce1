package co.intowork.recruiter.board;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One application as its card shows it. {@code version} is the row version the card was read at: a move is
 * refused when the row has changed since. {@code statusSince} is when it entered its current status (its latest
 * status event, else when it was applied).
 */
public record BoardCard(int applicationId, int version, ApplicationStatus status, String candidateName,
                        String candidateTitle, OffsetDateTime appliedAt, OffsetDateTime statusSince, Integer rating) {

    public long daysInStatus(OffsetDateTime now) {
        OffsetDateTime since = statusSince != null ? statusSince : appliedAt;
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toDays());
    }

    /** The same card after a move the database accepted. */
    public BoardCard movedTo(ApplicationStatus to, int newVersion, OffsetDateTime at) {
        return new BoardCard(applicationId, newVersion, to, candidateName, candidateTitle, appliedAt, at, rating);
    }

    /** Column order: newest application first, then higher id (the page query's keyset order). */
    static int newestFirst(BoardCard a, BoardCard b) {
        if (a.appliedAt == null || b.appliedAt == null) {
            // NULLS FIRST, as the descending index sorts them
            int nulls = Boolean.compare(b.appliedAt == null, a.appliedAt == null);
            if (nulls != 0) {
                return nulls;
            }
        } else {
            int byDate = b.appliedAt.compareTo(a.appliedAt);
            if (byDate != 0) {
                return byDate;
            }
        }
        return Integer.compare(b.applicationId, a.applicationId);
    }
}
