package co.intowork.recruiter.testing;

import co.intowork.recruiter.seed.DemoSeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of the statements a SECURITY DEFINER function runs, which EXPLAIN of its call cannot show (a function
 * scan): auto_explain reports each nested statement, analysed, as a JSON notice to this connection. The superuser
 * loads it, then the connection acts as the client login with a session of the given demo account, as the app does.
 */
public final class NestedPlans {
    /** The client's query, prepared and bound on the connection that acts as the client. */
    @FunctionalInterface
    public interface Query {
        PreparedStatement prepare(Connection asClient) throws Exception;
    }

    /** Each nested statement's "Plan" node, in the order they ran, and the rows the client's query returned. */
    public record Run(List<JsonNode> plans, int rows) {
        /** "Seq Scan on t", "Index Scan on t using i", "Bitmap Index Scan using i"... for every node that ran. */
        public List<String> scans() {
            List<String> out = new ArrayList<>();
            plans.forEach(p -> collect(p, out));
            return out;
        }
    }

    private NestedPlans() {
    }

    /** Runs the query as the client; the transaction is rolled back. */
    public static Run of(TestDatabase.Db db, String login, String email, Query query) throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            // superuser settings first; they stay for the session once it acts as the client login
            s.execute("LOAD 'auto_explain'");
            s.execute("SET auto_explain.log_min_duration = 0");
            s.execute("SET auto_explain.log_nested_statements = on");
            s.execute("SET auto_explain.log_analyze = on");
            s.execute("SET auto_explain.log_format = json");
            s.execute("SET auto_explain.log_level = notice");
            s.execute("SET SESSION AUTHORIZATION " + login);
            String token = signIn(c, email);
            c.setAutoCommit(false);
            try (PreparedStatement use = c.prepareStatement("SELECT recruiter.use_session(?)")) {
                use.setString(1, token);
                use.execute();
            }
            List<JsonNode> plans = new ArrayList<>();
            int rows = 0;
            ObjectMapper json = new ObjectMapper();
            // the notices arrive as the statement's warnings
            try (PreparedStatement ps = query.prepare(c)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    String message = w.getMessage();
                    int start = message.indexOf('{');
                    if (message.startsWith("duration") && start >= 0) {
                        plans.add(json.readTree(message.substring(start)).get("Plan"));
                    }
                }
            } finally {
                c.rollback();
            }
            return new Run(plans, rows);
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if ((node.has("Relation Name") || node.has("Index Name")) && node.path("Actual Loops").asInt(1) > 0) {
            // a bitmap index scan names only its index
            out.add(node.get("Node Type").asText()
                    + (node.has("Relation Name") ? " on " + node.get("Relation Name").asText() : "")
                    + (node.has("Index Name") ? " using " + node.get("Index Name").asText() : ""));
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, out));
        }
    }

    private static String signIn(Connection c, String email) throws SQLException {
        try (PreparedStatement start = c.prepareStatement("SELECT recruiter.sign_in_start(?, ?)")) {
            start.setString(1, email);
            start.setString(2, DemoSeeder.DEMO_RECRUITER_PASSWORD);
            try (ResultSet rs = start.executeQuery()) {
                rs.next();
                try (PreparedStatement finish = c.prepareStatement("SELECT token FROM recruiter.sign_in_finish(?)")) {
                    finish.setString(1, rs.getString(1));
                    try (ResultSet t = finish.executeQuery()) {
                        t.next();
                        if (t.getString(1) == null) {
                            throw new IllegalStateException("sign-in of " + email + " failed");
                        }
                        return t.getString(1);
                    }
                }
            }
        }
    }
}
