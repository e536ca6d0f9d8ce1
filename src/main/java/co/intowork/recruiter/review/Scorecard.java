package co.intowork.recruiter.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scorecard in the platform's format (job_applications.scorecard): a flat object of criteria scored 1-5, any
 * subset of the six below, plus {@code average}, which the platform recomputes on every update. Keys the client
 * does not know (or a criterion holding something else than a whole 1-5) are kept as written in {@code others},
 * so a save never drops what the web wrote. The average is never written from here: the save statement has the
 * database compute it as the platform does (recruiter.platform_scorecard, V47).
 */
public record Scorecard(Map<Criterion, Integer> scores, Map<String, String> others) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The platform's six criteria, in the order its evaluation form shows them. */
    public enum Criterion {
        TECHNICAL_SKILLS, SOFT_SKILLS, EXPERIENCE, CULTURE_FIT, MOTIVATION, OVERALL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Scorecard EMPTY = new Scorecard(Map.of(), Map.of());

    public Scorecard {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        scores.forEach((k, v) -> {
            if (v != null) {
                if (v < 1 || v > 5) {
                    throw new IllegalArgumentException("A criterion is scored 1 to 5: " + k.key() + " " + v);
                }
                copy.put(k, v);
            }
        });
        scores = Collections.unmodifiableMap(copy);
        others = others == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    public Scorecard(Map<Criterion, Integer> scores) {
        this(scores, Map.of());
    }

    public static List<Criterion> criteria() {
        return List.of(Criterion.values());
    }

    public boolean isEmpty() {
        return scores.isEmpty() && others.isEmpty();
    }

    /** The same keys the web wrote, with these scores. */
    public Scorecard withScores(Map<Criterion, Integer> newScores) {
        return new Scorecard(newScores, others);
    }

    /**
     * The average the platform stores for this scorecard: the mean of its numeric values, rounded to one decimal
     * as Python's round() does (half to even on the binary value: 3.25 gives 3.2); null without any.
     */
    public BigDecimal average() {
        double sum = 0;
        int n = 0;
        for (int v : scores.values()) {
            sum += v;
            n++;
        }
        for (String v : others.values()) {
            JsonNode node = read(v);
            if (node != null && node.isNumber()) {
                sum += node.asDouble();
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        return new BigDecimal(sum / n).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** Unreadable JSON (hand-written) reads as an empty scorecard rather than failing the review. */
    public static Scorecard parse(String json) {
        JsonNode root = json == null || json.isBlank() ? null : read(json);
        if (root == null || !root.isObject()) {
            return EMPTY;
        }
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        Map<String, String> others = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("average")) {
                continue;
            }
            Criterion c = criterion(f.getKey());
            JsonNode v = f.getValue();
            if (c != null && v.isNumber() && v.asDouble() == Math.rint(v.asDouble())
                    && v.asInt() >= 1 && v.asInt() <= 5) {
                scores.put(c, v.asInt());
            } else {
                others.put(f.getKey(), v.toString());
            }
        }
        return new Scorecard(scores, others);
    }

    private static Criterion criterion(String key) {
        for (Criterion c : Criterion.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The flat object without its average (the save statement adds it); null when empty, leaving the column NULL. */
    public String toJson() {
        if (isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        others.forEach((k, v) -> {
            JsonNode node = read(v);
            if (node != null) {
                root.set(k, node);
            }
        });
        scores.forEach((c, v) -> root.put(c.key(), v));
        return root.toString();
    }
}
