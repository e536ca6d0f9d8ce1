package co.intowork.recruiter.board;

import co.intowork.recruiter.common.db.JsonArrayTypeHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.type.JdbcType;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * job_applications.tags as read (its jsonb as text): the platform's array of strings. Anything else written by
 * hand (a single string, other types) reads as what can be shown, never fails the board.
 */
public final class TagsTypeHandler extends JsonArrayTypeHandler<String> {
    private static final TagsTypeHandler TAGS = new TagsTypeHandler();

    public static List<String> parse(String json) {
        return TAGS.read(json);
    }

    @Override
    protected String element(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A single string written by hand: one tag. */
    @Override
    protected void notAnArray(JsonNode root, List<String> into) {
        String tag = element(root);
        if (tag != null) {
            into.add(tag);
        }
    }

    @Override
    protected List<String> result(List<String> elements) {
        return List.copyOf(elements);
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<String> parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, JSON.valueToTree(parameter).toString());
    }
}
