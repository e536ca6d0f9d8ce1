package co.intowork.recruiter.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The planner's choice for a mapper statement exactly as the app sends it (its XML, its parameters, inside the
 * caller's transaction, so row-level security applies when that is a signed-in client's). Shared by the benchmark
 * (index_used) and the plan-guard tests.
 */
public final class Plans {
    /** The platform tables a sequential scan of which means a plan that grows with the whole platform. */
    public static final Set<String> BIG_TABLES = Set.of("jobs", "job_applications", "notifications", "candidates",
            // the statistics rollups (V32): one row per application, and per company x day x metric x bucket
            "stats_application_facts", "stats_company_durations");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Plans() {
    }

    /** EXPLAIN (FORMAT JSON) without ANALYZE: a write is planned, never run. Returns the top "Plan" node. */
    public static JsonNode explain(SqlSession session, String statementId, Object parameter) throws SQLException {
        return explain(session, statementId, parameter, "EXPLAIN (FORMAT JSON) ").get(0).get("Plan");
    }

    /** The whole EXPLAIN output (an array of one object), with these options, e.g. "EXPLAIN (ANALYZE, ...) ". */
    public static JsonNode explain(SqlSession session, String statementId, Object parameter, String explainPrefix)
            throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql bound = statement.getBoundSql(parameter);
        try (PreparedStatement ps = session.getConnection().prepareStatement(explainPrefix + bound.getSql())) {
            new DefaultParameterHandler(statement, parameter, bound).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return parse(rs.getString(1));
            }
        }
    }

    /**
     * The plan guard's EXPLAIN: with ANALYZE for a read (so branches that never ran are known), without it for a
     * write, which must not run. Returns the top "Plan" node.
     */
    public static JsonNode explainForGuard(SqlSession session, String statementId, Object parameter)
            throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        String sql = statement.getBoundSql(parameter).getSql().stripLeading().toUpperCase(java.util.Locale.ROOT);
        boolean read = statement.getSqlCommandType() == org.apache.ibatis.mapping.SqlCommandType.SELECT
                && (sql.startsWith("SELECT") || sql.startsWith("WITH") && !sql.matches("(?s).*\\b(UPDATE|INSERT|DELETE)\\b.*"));
        return explain(session, statementId, parameter, read ? "EXPLAIN (ANALYZE, FORMAT JSON) "
                : "EXPLAIN (FORMAT JSON) ").get(0).get("Plan");
    }

    /**
     * The plans of the statements a SECURITY DEFINER function runs for a mapper statement, which EXPLAIN of the call
     * cannot show (a function scan): in the superuser owner's transaction, auto_explain reports each nested
     * statement, analysed, as a JSON notice while the transaction acts as the client login with the client's session.
     * Returns each nested statement's "Plan" node and the rows the statement returned; the caller's transaction
     * must be rolled back or be a read.
     */
    public record Nested(List<JsonNode> plans, int rows) {
    }

    public static Nested nested(SqlSession ownerSession, String clientLogin, String token, String statementId,
                                        Object parameter) throws SQLException {
        BenchMapper bench = ownerSession.getMapper(BenchMapper.class);
        bench.loadAutoExplain();
        bench.explainNestedAs(clientLogin);
        ownerSession.getMapper(co.intowork.recruiter.auth.SessionMapper.class).useSession(token);
        MappedStatement statement = ownerSession.getConfiguration().getMappedStatement(statementId);
        BoundSql bound = statement.getBoundSql(parameter);
        List<JsonNode> plans = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement ps = ownerSession.getConnection().prepareStatement(bound.getSql())) {
            new DefaultParameterHandler(statement, parameter, bound).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++; // the whole result, so that every statement inside has run
                }
            }
            for (java.sql.SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                String message = w.getMessage();
                int start = message.indexOf('{');
                if (message.startsWith("duration") && start >= 0) {
                    plans.add(parse(message.substring(start)).get("Plan"));
                }
            }
        }
        return new Nested(plans, rows);
    }

    /** EXPLAIN (FORMAT JSON) of plain SQL with no parameters (e.g. a function's body, explained by its owner). */
    public static JsonNode explainSql(SqlSession session, String sql) throws SQLException {
        try (var st = session.getConnection().createStatement();
             ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            rs.next();
            return parse(rs.getString(1)).get(0).get("Plan");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EXPLAIN returned unreadable JSON", e);
        }
    }

    /**
     * The big tables the plan reads with a sequential scan (empty when every read is index-driven). In an analyzed
     * plan a node that never ran (0 loops: e.g. a row-level security policy's branch for rows the query does not
     * reach) costs nothing and is not counted.
     */
    public static List<String> sequentialScansOfBigTables(JsonNode plan) {
        List<String> found = new ArrayList<>();
        walk(plan, node -> {
            boolean neverRan = node.has("Actual Loops") && node.get("Actual Loops").asLong() == 0;
            if (!neverRan && "Seq Scan".equals(node.path("Node Type").asText())
                    && BIG_TABLES.contains(node.path("Relation Name").asText())) {
                found.add(node.path("Relation Name").asText());
            }
        });
        return found;
    }

    /** Every index the plan uses, in plan order, each once. */
    public static List<String> indexesUsed(JsonNode plan) {
        Set<String> found = new LinkedHashSet<>();
        walk(plan, node -> {
            if (node.has("Index Name")) {
                found.add(node.get("Index Name").asText());
            }
        });
        return new ArrayList<>(found);
    }

    /** Visits the node and every node below it, parents first. */
    public static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        for (JsonNode child : node.path("Plans")) {
            walk(child, visit);
        }
    }
}
