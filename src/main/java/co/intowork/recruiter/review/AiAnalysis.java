package co.intowork.recruiter.review;

import co.intowork.recruiter.board.AiMatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's AI match analysis of an application, as it writes it: ai_score (0-100, NULL until analysed),
 * ai_score_details ({score, strengths, weaknesses, skills_match {matched, missing, percentage}, experience_match,
 * recommendation}) and ai_analyzed_at. When the analysis was unavailable the platform writes a null score, empty
 * lists, percentage 0 and French placeholder texts: those texts are not shown as if they were an analysis.
 */
public record AiAnalysis(AiMatch state, Double score, List<String> strengths, List<String> weaknesses,
                         List<String> matchedSkills, List<String> missingSkills, Double skillsPercentage,
                         String experienceMatch, String recommendation, OffsetDateTime analyzedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AiAnalysis of(Double aiScore, String detailsJson, OffsetDateTime analyzedAt) {
        JsonNode d = null;
        if (detailsJson != null && !detailsJson.isBlank()) {
            try {
                d = JSON.readTree(detailsJson);
            } catch (JsonProcessingException e) {
                d = null;
            }
        }
        boolean hasDetails = d != null && d.isObject();
        Double score = aiScore;
        if (score == null && hasDetails && d.path("score").isNumber()) {
            score = d.path("score").asDouble();
        }
        if (score != null) {
            score = Math.max(0, Math.min(100, score));
        }
        AiMatch state = score != null ? AiMatch.SCORED
                : hasDetails || analyzedAt != null || detailsJson != null ? AiMatch.UNAVAILABLE : AiMatch.NOT_ANALYSED;
        if (!hasDetails || state != AiMatch.SCORED) {
            return new AiAnalysis(state, score, List.of(), List.of(), List.of(), List.of(), null, null, null, analyzedAt);
        }
        JsonNode match = d.path("skills_match");
        return new AiAnalysis(state, score, strings(d.path("strengths")), strings(d.path("weaknesses")),
                strings(match.path("matched")), strings(match.path("missing")),
                match.path("percentage").isNumber() ? match.path("percentage").asDouble() : null,
                text(d.path("experience_match")), text(d.path("recommendation")), analyzedAt);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> {
                if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
                    out.add(e.asText().strip());
                }
            });
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText().strip() : null;
    }
}
