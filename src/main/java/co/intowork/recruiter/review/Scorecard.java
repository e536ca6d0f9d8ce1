package co.intowork.recruiter.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The short scorecard kept in job_applications.scorecard: a few named criteria scored 1-5 (or not scored) and a
 * comment. Stored as {"criteria": {"skills": 4, ...}, "comment": "..."}; keys written by others are kept out of
 * the way rather than rejected, since the column is shared with the web platform.
 */
public record Scorecard(Map<Criterion, Integer> scores, String comment) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Criterion {
        SKILLS, EXPERIENCE, COMMUNICATION, MOTIVATION;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Scorecard EMPTY = new Scorecard(Map.of(), "");

    public Scorecard {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        scores.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        scores = Collections.unmodifiableMap(copy);
        comment = comment == null ? "" : comment;
    }

    public static List<Criterion> criteria() {
        return List.of(Criterion.values());
    }

    public boolean isEmpty() {
        return scores.isEmpty() && comment.isBlank();
    }

    /** Unreadable JSON (written by someone else) reads as an empty scorecard rather than failing the review. */
    public static Scorecard parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            JsonNode root = JSON.readTree(json);
            Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                JsonNode v = root.path("criteria").path(c.key());
                if (v.canConvertToInt() && v.asInt() >= 1 && v.asInt() <= 5) {
                    scores.put(c, v.asInt());
                }
            }
            return new Scorecard(scores, root.path("comment").asText(""));
        } catch (JsonProcessingException e) {
            return EMPTY;
        }
    }

    /** Null when empty, so an untouched scorecard leaves the column NULL. */
    public String toJson() {
        if (isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode criteria = root.putObject("criteria");
        scores.forEach((c, v) -> criteria.put(c.key(), v));
        root.put("comment", comment);
        return root.toString();
    }
}
