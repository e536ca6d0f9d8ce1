package co.intowork.recruiter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSession;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The planner's choice for a mapper statement exactly as the app sends it (its XML, its parameters, inside the
 * session's transaction so row-level security applies), for tests that guard against sequential scans.
 */
public final class QueryPlans {
    public static final Set<String> BIG_TABLES = Set.of("jobs", "job_applications", "notifications", "candidates");

    private QueryPlans() {
    }

    public static JsonNode explain(SqlSession session, String statementId, Object parameter) throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql bound = statement.getBoundSql(parameter);
        try (PreparedStatement ps = session.getConnection().prepareStatement("EXPLAIN (FORMAT JSON) " + bound.getSql())) {
            new DefaultParameterHandler(statement, parameter, bound).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The big tables the plan reads with a sequential scan (empty when every read is index-driven). */
    public static List<String> sequentialScansOfBigTables(JsonNode plan) {
        List<String> found = new ArrayList<>();
        collect(plan, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if ("Seq Scan".equals(node.path("Node Type").asText())
                && BIG_TABLES.contains(node.path("Relation Name").asText())) {
            found.add(node.path("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, found);
        }
    }

    /** Every index the plan uses, for assertions on the intended one. */
    public static List<String> indexesUsed(JsonNode plan) {
        List<String> found = new ArrayList<>();
        collectIndexes(plan, found);
        return found;
    }

    private static void collectIndexes(JsonNode node, List<String> found) {
        if (node.has("Index Name")) {
            found.add(node.get("Index Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            collectIndexes(child, found);
        }
    }
}
