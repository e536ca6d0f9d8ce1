package co.intowork.recruiter.testing;

import co.intowork.recruiter.app.bench.Plans;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSession;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The planner's choice for a mapper statement exactly as the app sends it, for tests that guard against
 * sequential scans. The logic lives in main ({@link Plans}) since the benchmark reports it too.
 */
public final class QueryPlans {
    public static final Set<String> BIG_TABLES = Plans.BIG_TABLES;

    private QueryPlans() {
    }

    public static JsonNode explain(SqlSession session, String statementId, Object parameter) throws SQLException {
        return Plans.explain(session, statementId, parameter);
    }

    public static List<String> sequentialScansOfBigTables(JsonNode plan) {
        return Plans.sequentialScansOfBigTables(plan);
    }

    public static List<String> indexesUsed(JsonNode plan) {
        return Plans.indexesUsed(plan);
    }
}
