package co.intowork.recruiter.testing;

import co.intowork.recruiter.app.bench.Plans;
import co.intowork.recruiter.auth.SignInAttempt;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.seed.DemoSeeder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The plans of the statements a SECURITY DEFINER function runs for a mapper statement, which EXPLAIN of the call
 * cannot show: {@link Plans#nested} (auto_explain in the superuser owner's transaction, acting as the client login
 * with a session of the given demo account, as the benchmark reads them).
 */
public final class NestedPlans {
    /** Each nested statement's "Plan" node, in the order they ran, and the rows the mapper statement returned. */
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

    /** {@code client} is the database opened as {@code login} (MigratedDatabase.openAsClient). */
    public static Run of(TestDatabase.Db db, Database client, String login, String email, String statementId,
                         Object parameter) {
        SignInAttempt attempt = SignInAttempt.make(client.unitOfWork(), email, DemoSeeder.DEMO_RECRUITER_PASSWORD);
        if (attempt.token() == null) {
            throw new IllegalStateException("sign-in of " + email + ": " + attempt.outcome());
        }
        try (Database owner = MigratedDatabase.open(db)) {
            Plans.Nested nested = owner.unitOfWork().inTransaction(s -> Plans.nested(s, login, attempt.token(),
                    statementId, parameter));
            return new Run(nested.plans(), nested.rows());
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
}
