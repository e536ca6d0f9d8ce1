package co.intowork.recruiter.interviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** What a scheduling (or rescheduling) asks for; the zone of {@code start} is the one stored. */
public record InterviewRequest(int applicationId, int jobId, String title, ZonedDateTime start, int durationMinutes,
                               String location, String meetingLink, String description, List<Integer> interviewerIds) {
    public InterviewRequest {
        interviewerIds = List.copyOf(interviewerIds);
    }

    public String timezone() {
        return start.getZone().getId();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As kept in the offline outbox ({@code mine}): the start with its zone name, so the push asks the same. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("application_id", applicationId);
        o.put("job_id", jobId);
        o.put("title", title);
        o.put("start", start.toOffsetDateTime().toString());
        o.put("timezone", timezone());
        o.put("duration_minutes", durationMinutes);
        o.put("location", location);
        o.put("meeting_link", meetingLink);
        o.put("description", description);
        ArrayNode ids = o.putArray("interviewers");
        interviewerIds.forEach(ids::add);
        return o.toString();
    }

    public static InterviewRequest fromJson(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            ZonedDateTime start = OffsetDateTime.parse(o.path("start").asText())
                    .atZoneSameInstant(ZoneId.of(o.path("timezone").asText()));
            List<Integer> ids = new ArrayList<>();
            o.path("interviewers").forEach(n -> ids.add(n.asInt()));
            return new InterviewRequest(o.path("application_id").asInt(), o.path("job_id").asInt(),
                    o.path("title").asText(), start, o.path("duration_minutes").asInt(), text(o, "location"),
                    text(o, "meeting_link"), text(o, "description"), ids);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an interview request: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        return o.path(field).isTextual() ? o.get(field).asText() : null;
    }
}
