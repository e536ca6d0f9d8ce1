package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans inside recruiter.search_candidate_cards (V50; the match of V39's search_candidates), which EXPLAIN
 * of the mapper's call cannot show (a SECURITY DEFINER function's body): auto_explain reports each nested
 * statement, analysed, as a notice to this connection. Run as a client login with a session on the plan guard's demo data, for the largest company (the
 * GIN path), a hiring manager (the primary-key path), a word cut short (the prefix pass) and the experience
 * filter: no statement may scan candidate_search, candidates, job_applications or company_candidates sequentially.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchPlanTest {
    private static final String LOGIN = "search_plan_client";
    private static final List<String> BIG = List.of("candidate_search", "candidates", "job_applications",
            "company_candidates", "users");
    private TestDatabase.Db db;

    @BeforeAll
    void data() {
        db = PlanDemoData.get();
        co.intowork.recruiter.testing.MigratedDatabase.openAsClient(db, LOGIN).close();
    }

    /** The plans (text) of the statements run inside the function, and the rows it returned. */
    private record Run(List<String> plans, int rows) {
    }

    private Run search(String email, String query, Integer minYears) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            // superuser settings first; they stay for the session once it acts as the client login
            s.execute("LOAD 'auto_explain'");
            s.execute("SET auto_explain.log_min_duration = 0");
            s.execute("SET auto_explain.log_nested_statements = on");
            s.execute("SET auto_explain.log_analyze = on");
            s.execute("SET auto_explain.log_level = notice");
            s.execute("SET SESSION AUTHORIZATION " + LOGIN);
            String token;
            try (PreparedStatement start = c.prepareStatement("SELECT recruiter.sign_in_start(?, ?)")) {
                start.setString(1, email);
                start.setString(2, DemoSeeder.DEMO_RECRUITER_PASSWORD);
                try (ResultSet rs = start.executeQuery()) {
                    rs.next();
                    try (PreparedStatement finish = c.prepareStatement(
                            "SELECT token FROM recruiter.sign_in_finish(?)")) {
                        finish.setString(1, rs.getString(1));
                        try (ResultSet t = finish.executeQuery()) {
                            t.next();
                            token = t.getString(1);
                        }
                    }
                }
            }
            assertThat(token).as("sign-in of " + email).isNotNull();
            c.setAutoCommit(false);
            try (PreparedStatement use = c.prepareStatement("SELECT recruiter.use_session(?)")) {
                use.setString(1, token);
                use.execute();
            }
            s.clearWarnings();
            int rows = 0;
            List<String> plans = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM recruiter.search_candidate_cards(?, ?, 50)")) {
                ps.setString(1, query);
                ps.setObject(2, minYears, java.sql.Types.INTEGER);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    plans.add(w.getMessage());
                }
            }
            c.rollback();
            return new Run(plans, rows);
        }
    }

    private static List<String> seqScans(Run run) {
        List<String> found = new ArrayList<>();
        for (String plan : run.plans()) {
            for (String line : plan.split("\n")) {
                for (String table : BIG) {
                    if (line.contains("Seq Scan on " + table + " ") && !line.contains("(never executed)")) {
                        found.add(line.trim());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theLargestCompanysSearchReadsTheDocumentIndexAndProbesTheCompany() throws SQLException {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingénieur", null);
        assertThat(run.rows()).isPositive();
        assertThat(String.join("\n", run.plans())).as("the GIN index of the documents")
                .contains("ix_candidate_search_document");
        assertThat(seqScans(run)).isEmpty();
        Run filtered = search("aicha.nze@ogooue-energie.demo", "ingénieur", 5);
        assertThat(seqScans(filtered)).isEmpty();
    }

    @Test
    void aNameCutShortTakesThePrefixPassWithoutScanning() throws SQLException {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingé", null);
        assertThat(run.rows()).isPositive();
        assertThat(seqScans(run)).isEmpty();
    }

    @Test
    void aHiringManagersSearchReadsHerCandidatesByKey() throws SQLException {
        Run run = search("ines.moukagni@hiring-manager.demo", "ingénieur", null);
        assertThat(seqScans(run)).isEmpty();
        assertThat(String.join("\n", run.plans())).contains("candidate_search_pkey");
    }
}
