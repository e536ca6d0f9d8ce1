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
        StringBuilder text = new StringBuilder(title).append("  (").append(applications).append(") · #").append(id);
        String place = place();
        if (!place.isEmpty()) {
            text.append(" · ").append(place);
        }
        if (createdAt != null) {
            text.append(" · ").append(Formats.date(createdAt));
        }
        return text.toString();
    }

    private String place() {
        String city = location == null ? "" : location;
        String c = country == null ? "" : country;
        return city.isEmpty() ? c : c.isEmpty() ? city : city + " (" + c + ")";
    }
}
