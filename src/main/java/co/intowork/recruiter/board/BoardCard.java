package co.intowork.recruiter.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One application as its card shows it. {@code version} is the row version the card was read at: a move is
 * refused when the row has changed since. {@code statusSince} is when it entered its current status (its latest
 * status event, else when it was applied). {@code tags} are the platform's (job_applications.tags), {@code aiScore}
 * its AI match score (0-100), null when not analysed or when the analysis was unavailable ({@code aiAnalysed}).
 */
public record BoardCard(int applicationId, int version, ApplicationStatus status, String candidateName,
                        String candidateTitle, OffsetDateTime appliedAt, OffsetDateTime statusSince, Integer rating,
                        List<String> tags, Double aiScore, boolean aiAnalysed) {

    public BoardCard {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public BoardCard(int applicationId, int version, ApplicationStatus status, String candidateName,
                     String candidateTitle, OffsetDateTime appliedAt, OffsetDateTime statusSince, Integer rating) {
        this(applicationId, version, status, candidateName, candidateTitle, appliedAt, statusSince, rating, List.of(),
                null, false);
    }

    /** What the card's AI badge says. */
    public AiMatch aiMatch() {
        return aiScore != null ? AiMatch.SCORED : aiAnalysed ? AiMatch.UNAVAILABLE : AiMatch.NOT_ANALYSED;
    }

    public long daysInStatus(OffsetDateTime now) {
        OffsetDateTime since = statusSince != null ? statusSince : appliedAt;
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toDays());
    }

    /** The same card after a move the database accepted. */
    public BoardCard movedTo(ApplicationStatus to, int newVersion, OffsetDateTime at) {
        return new BoardCard(applicationId, newVersion, to, candidateName, candidateTitle, appliedAt, at, rating, tags,
                aiScore, aiAnalysed);
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

    /** AI order: highest score first, unscored last (as -1, the index's order), then higher id. */
    static int bestMatchFirst(BoardCard a, BoardCard b) {
        int byScore = Double.compare(b.aiScoreKey(), a.aiScoreKey());
        return byScore != 0 ? byScore : Integer.compare(b.applicationId, a.applicationId);
    }

    /** The score as ix_job_applications_job_ai_score sorts it: coalesce(ai_score, -1). */
    public double aiScoreKey() {
        return aiScore == null ? -1 : aiScore;
    }
}
