package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SignInAttempt;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.testing.NestedPlans;
import co.intowork.recruiter.testing.NestedPlans.Run;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans inside recruiter.search_candidate_cards (V50; the match of V39's search_candidates), which EXPLAIN
 * of the mapper's call cannot show (a SECURITY DEFINER function's body): NestedPlans has auto_explain report them.
 * Run as a client login with a session on the plan guard's demo data, for the largest company (one word: V61's rows
 * per lexeme in rank order; several: the GIN path), a hiring manager (the primary-key path), a word cut short (the
 * prefix pass) and the experience filter: no statement may scan candidate_search, candidates, job_applications or
 * company_candidates sequentially.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchPlanTest {
    private static final String LOGIN = "search_plan_client";
    private static final List<String> BIG = List.of("candidate_search", "candidates", "job_applications",
            "company_candidates", "users");
    private TestDatabase.Db db;
    private Database client;

    @BeforeAll
    void data() {
        db = PlanDemoData.get();
        client = co.intowork.recruiter.testing.MigratedDatabase.openAsClient(db, LOGIN);
    }

    @AfterAll
    void close() {
        client.close();
    }

    private Run search(String email, String query, Integer minYears) {
        Map<String, Object> params = new HashMap<>();
        params.put("query", query);
        params.put("minYears", minYears);
        params.put("limit", 50);
        return NestedPlans.of(db, client, LOGIN, email, CandidateSearchMapper.class.getName() + ".search", params);
    }

    private static List<String> seqScans(Run run) {
        return run.scans().stream().filter(s -> BIG.stream().anyMatch(t -> s.equals("Seq Scan on " + t))).toList();
    }

    @Test
    void theLargestCompanysOneWordSearchReadsTheWordsCandidatesBestFirst() {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingénieur", null);
        assertThat(run.rows()).isPositive();
        assertThat(run.scans()).as("V61's rows per lexeme, in rank order")
                .anyMatch(s -> s.endsWith("using ix_candidate_search_terms_rank"))
                .noneMatch(s -> s.endsWith("using ix_candidate_search_document"));
        assertThat(seqScans(run)).isEmpty();
        Run filtered = search("aicha.nze@ogooue-energie.demo", "ingénieur", 5);
        assertThat(seqScans(filtered)).isEmpty();
    }

    @Test
    void theLargestCompanysSearchForSeveralWordsReadsTheDocumentIndexAndProbesTheCompany() {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingénieur réseau", null);
        assertThat(run.rows()).isPositive();
        assertThat(run.scans()).as("the GIN index of the documents")
                .anyMatch(s -> s.endsWith("using ix_candidate_search_document"));
        assertThat(seqScans(run)).isEmpty();
    }

    /**
     * The one-word path's answer is the exact best by ts_rank among all the company's live candidates with the word,
     * as a query that reads them all finds it (V60's GIN path ranked the first 120 it met), and "capped" says
     * whether there are more.
     */
    @Test
    void theLargestCompanysOneWordSearchIsTheTrueBestByRank() throws Exception {
        String email = "aicha.nze@ogooue-energie.demo";
        SignInAttempt attempt = SignInAttempt.make(client.unitOfWork(), email, DemoSeeder.DEMO_RECRUITER_PASSWORD);
        try (Connection c = db.superuser().getConnection()) {
            c.setAutoCommit(false);
            int company = (int) MigratedDatabases.count(c, "SELECT e.company_id FROM public.employers e"
                    + " JOIN public.users u ON u.id = e.user_id WHERE u.email = ?", email);
            assertThat(MigratedDatabases.count(c, "SELECT count(*) FROM recruiter.company_candidates"
                    + " WHERE company_id = ?", company)).as("large enough for the one-word path").isGreaterThan(1500);
            for (String word : List.of("ingénieur", "comptable", "Libreville", "manager", "excel")) {
                List<Integer> truth = ids(c, "SELECT s.candidate_id FROM recruiter.candidate_search s"
                        + " JOIN recruiter.company_candidates cc ON cc.candidate_id = s.candidate_id"
                        + " AND cc.company_id = ? WHERE s.candidate_live AND s.document @@ recruiter.search_query(?)"
                        + " ORDER BY ts_rank(s.document, recruiter.search_query(?)) DESC, s.candidate_id LIMIT 31",
                        company, word, word);
                MigratedDatabases.exec(c, "SET LOCAL ROLE " + LOGIN);
                MigratedDatabases.exec(c, "SELECT recruiter.use_session(?)", attempt.token());
                List<Integer> found = ids(c, "SELECT candidate_id FROM recruiter.search_candidate_cards(?, NULL, 30)"
                        + " ORDER BY rank DESC, candidate_id", word);
                boolean capped = MigratedDatabases.count(c, "SELECT count(*) FROM"
                        + " recruiter.search_candidate_cards(?, NULL, 30) WHERE capped", word) > 0;
                c.rollback();
                assertThat(found).as(word).isNotEmpty().isEqualTo(truth.subList(0, Math.min(30, truth.size())));
                assertThat(capped).as(word).isEqualTo(truth.size() > 30);
            }
        }
    }

    private static List<Integer> ids(Connection c, String sql, Object... params) throws Exception {
        return MigratedDatabases.strings(c, sql, params).stream().map(Integer::valueOf).toList();
    }

    @Test
    void aNameCutShortTakesThePrefixPassWithoutScanning() {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingé", null);
        assertThat(run.rows()).isPositive();
        assertThat(seqScans(run)).isEmpty();
    }

    @Test
    void aHiringManagersSearchReadsHerCandidatesByKey() {
        Run run = search("ines.moukagni@hiring-manager.demo", "ingénieur", null);
        assertThat(seqScans(run)).isEmpty();
        assertThat(run.scans()).anyMatch(s -> s.endsWith("using candidate_search_pkey"));
    }
}
