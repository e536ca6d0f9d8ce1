package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Messages;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life of a job and the only place that says which moves are allowed (decision 0006). The platform itself
 * enforces none, so these rules are the client's.
 */
public enum JobStatus {
    DRAFT, PUBLISHED, CLOSED, ARCHIVED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromDb(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return Messages.text("pipeline.status." + dbValue());
    }

    /** Where a job in this status may go next. */
    public Set<JobStatus> allowedMoves() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED, ARCHIVED);
            // a closed job may be reopened: the same vacancy again keeps its applicants and history
            case PUBLISHED -> EnumSet.of(CLOSED, ARCHIVED);
            case CLOSED -> EnumSet.of(PUBLISHED, ARCHIVED);
            // archived is put away, not deleted: it comes back only as a draft, to be reviewed before publishing
            case ARCHIVED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canMoveTo(JobStatus target) {
        return allowedMoves().contains(target);
    }

    @Override
    public String toString() {
        return label();
    }
}
