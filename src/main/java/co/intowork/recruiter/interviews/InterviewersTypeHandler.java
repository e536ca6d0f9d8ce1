package co.intowork.recruiter.interviews;

import co.intowork.recruiter.common.db.JsonArrayTypeHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.type.JdbcType;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * interview_schedules.interviewers as read (the platform's array of {"user_id", "name", "email"}); elements the
 * web may have written otherwise are skipped, never an error. The client never writes it: the database builds it.
 */
public final class InterviewersTypeHandler extends JsonArrayTypeHandler<Interviewer> {
    private static final InterviewersTypeHandler INTERVIEWERS = new InterviewersTypeHandler();

    static List<Interviewer> parse(String json) {
        return INTERVIEWERS.read(json);
    }

    @Override
    protected Interviewer element(JsonNode e) {
        if (!e.isObject() || !e.path("user_id").canConvertToInt() || !e.path("user_id").isIntegralNumber()) {
            return null;
        }
        String email = e.path("email").asText("");
        String name = e.path("name").asText("");
        return new Interviewer(e.get("user_id").asInt(), name.isBlank() ? email : name, email);
    }

    /** As before the shared base: the list as found, mutable. */
    @Override
    protected List<Interviewer> result(List<Interviewer> elements) {
        return elements;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Interviewer> parameter, JdbcType jdbcType) {
        throw new UnsupportedOperationException("interviewers are written by recruiter.schedule_interview");
    }
}
