package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The JSON kept in the outbox and the conflict inbox: an application's reviewable fields, and row batches. */
final class SyncJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private SyncJson() {
    }

    static String state(ApplicationState s) {
        if (s == null) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("version", s.version());
        n.put("status", s.status().label());
        n.put("notes", s.notes());
        if (s.rating() == null) {
            n.putNull("rating");
        } else {
            n.put("rating", s.rating());
        }
        n.put("scorecard", s.scorecard());
        return n.toString();
    }

    static ApplicationState state(String json, int applicationId, int jobId) {
        if (json == null) {
            return null;
        }
        JsonNode n = read(json);
        return new ApplicationState(applicationId, jobId, n.path("version").asInt(),
                ApplicationStatus.fromLabel(n.path("status").asText()), text(n, "notes"),
                n.path("rating").isNumber() ? n.path("rating").asInt() : null, text(n, "scorecard"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable sync JSON", e);
        }
    }

    static String object(Object... keyValues) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            n.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return n.toString();
    }

    /** Rows already serialized by the server (to_jsonb(row)::text) as one JSON array. */
    static String array(List<String> rows) {
        return "[" + String.join(",", rows) + "]";
    }
}
