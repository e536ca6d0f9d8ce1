package co.intowork.recruiter.board;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The job a board shows and its live applications counted per status. */
public record BoardHeader(int jobId, String title, String jobStatus, Map<ApplicationStatus, Long> counts) {
    /** One row per status that has applications (a job without any gives one row with no status). */
    public record Row(int jobId, String title, String jobStatus, ApplicationStatus status, long count) {
    }

    static BoardHeader of(List<Row> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            counts.put(s, 0L);
        }
        for (Row r : rows) {
            if (r.status() != null) {
                counts.put(r.status(), r.count());
            }
        }
        Row first = rows.get(0);
        return new BoardHeader(first.jobId(), first.title(), first.jobStatus(), Collections.unmodifiableMap(counts));
    }
}
