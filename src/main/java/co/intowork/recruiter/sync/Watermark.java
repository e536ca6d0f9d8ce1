package co.intowork.recruiter.sync;

import java.time.OffsetDateTime;

/** Where the next pull of one table of one job starts: a change time, or for status events an id. */
public record Watermark(OffsetDateTime since, Long sinceId) {
}
