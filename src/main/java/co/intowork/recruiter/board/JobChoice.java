package co.intowork.recruiter.board;

import co.intowork.recruiter.common.ui.Formats;

import java.time.OffsetDateTime;

/**
 * A job the signed-in person may open on the board. Its number, place and creation day tell apart jobs that share a
 * title (a company often posts the same title for several sites or rounds).
 */
public record JobChoice(int id, String title, String status, long applications, String location, String country,
                        OffsetDateTime createdAt) {
    public JobChoice(int id, String title, String status, long applications) {
        this(id, title, status, applications, null, null, null);
    }

    @Override
    public String toString() {
        return title + "  (" + applications + ")" + Formats.jobIdentity(id, location, country, createdAt);
    }
}
