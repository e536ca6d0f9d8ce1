package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.testing.NestedPlans;
import co.intowork.recruiter.testing.NestedPlans.Run;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans inside recruiter.search_candidate_cards (V50; the match of V39's search_candidates), which EXPLAIN
 * of the mapper's call cannot show (a SECURITY DEFINER function's body): NestedPlans has auto_explain report them.
 * Run as a client login with a session on the plan guard's demo data, for the largest company (the GIN path), a
 * hiring manager (the primary-key path), a word cut short (the prefix pass) and the experience filter: no statement may scan candidate_search, candidates, job_applications or company_candidates sequentially.
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
    void theLargestCompanysSearchReadsTheDocumentIndexAndProbesTheCompany() {
        Run run = search("aicha.nze@ogooue-energie.demo", "ingénieur", null);
        assertThat(run.rows()).isPositive();
        assertThat(run.scans()).as("the GIN index of the documents")
                .anyMatch(s -> s.endsWith("using ix_candidate_search_document"));
        assertThat(seqScans(run)).isEmpty();
        Run filtered = search("aicha.nze@ogooue-energie.demo", "ingénieur", 5);
        assertThat(seqScans(filtered)).isEmpty();
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
