package co.intowork.recruiter.stats;

import co.intowork.recruiter.common.ui.Formats;

import java.time.OffsetDateTime;

/**
 * A job of the scope, for the job filter. Its number, place and creation day tell apart jobs that share a title, as
 * on the board's job picker.
 */
public record JobOption(int id, String title, String location, String country, OffsetDateTime createdAt) {
    public JobOption(int id, String title) {
        this(id, title, null, null, null);
    }

    /** How the list shows it: title, number, place and creation day. */
    @Override
    public String toString() {
        return title + Formats.jobIdentity(id, location, country, createdAt);
    }
}
