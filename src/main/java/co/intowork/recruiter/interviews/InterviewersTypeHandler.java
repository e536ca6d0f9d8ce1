package co.intowork.recruiter.interviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * interview_schedules.interviewers as read (the platform's array of {"user_id", "name", "email"}); elements the
 * web may have written otherwise are skipped, never an error. The client never writes it: the database builds it.
 */
public final class InterviewersTypeHandler extends BaseTypeHandler<List<Interviewer>> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Interviewer> parameter, JdbcType jdbcType) {
        throw new UnsupportedOperationException("interviewers are written by recruiter.schedule_interview");
    }

    @Override
    public List<Interviewer> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return parse(rs.getString(columnName));
    }

    @Override
    public List<Interviewer> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return parse(rs.getString(columnIndex));
    }

    @Override
    public List<Interviewer> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return parse(cs.getString(columnIndex));
    }

    static List<Interviewer> parse(String json) {
        List<Interviewer> found = new ArrayList<>();
        if (json == null) {
            return found;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isArray()) {
                return found;
            }
            for (JsonNode e : root) {
                if (e.isObject() && e.path("user_id").canConvertToInt() && e.path("user_id").isIntegralNumber()) {
                    String email = e.path("email").asText("");
                    String name = e.path("name").asText("");
                    found.add(new Interviewer(e.get("user_id").asInt(), name.isBlank() ? email : name, email));
                }
            }
        } catch (java.io.IOException e) {
            return found;
        }
        return found;
    }
}
