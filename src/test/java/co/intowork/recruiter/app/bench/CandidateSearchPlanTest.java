package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SignInAttempt;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.testing.NestedPlans;
import co.intowork.recruiter.testing.NestedPlans.Run;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
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
 * per lexeme in rank order; several: the GIN path), a company of 200 to 1,500 candidates (V62), a hiring manager
 * (V63's copy of her jobs' applicants' documents), a word cut short (the prefix pass) and the experience filter: no
 * statement may scan candidate_search, candidates, job_applications or company_candidates sequentially.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchPlanTest {
    private static final String LOGIN = "search_plan_client";
    private static final List<String> BIG = List.of("candidate_search", "candidates", "job_applications",
            "company_candidates", "users");
    private TestDatabase.Db db;
    private Database client;
    private MidCompany mid;

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

    /**
     * A company below the one-word path's size (200 to 1,500 candidates) and a rare word: V62 reads the word's
     * candidates from candidate_search_terms, not every document of the company.
     */
    @Test
    void aMidSizedCompanysRareWordIsReadFromItsTerms() throws Exception {
        MidCompany mid = midCompany();
        Run run = search(mid.email(), mid.rareWord(), null);
        assertThat(run.rows()).isPositive();
        assertThat(run.scans()).as("V62: the rare word's entries")
                .anyMatch(s -> s.endsWith("using ix_candidate_search_terms_rank"));
        assertThat(seqScans(run)).isEmpty();
    }

    /**
     * Whichever way the scope's search goes (the word's terms, the prefix's range of terms, or every document of
     * the scope), the answer is the scope's best by ts_rank among its live candidates with the whole words, or,
     * when none has them, with words starting so, as a query that reads every document of the scope finds it.
     */
    @Test
    void aScopesSearchIsTheTrueBestWhicheverPathItTakes() throws Exception {
        MidCompany mid = midCompany();
        String rare = mid.rareWord();
        List<String> queries = List.of(rare, rare.substring(0, Math.max(3, rare.length() - 2)), "ingénieur",
                "comptable", "ingé", "manager", "excel", "libreville", "zzqx", "ingénieur réseau", "le", "o'neil",
                "dév", "\\", "-manager");
        for (String email : List.of(mid.email(), "ines.moukagni@hiring-manager.demo")) {
            SignInAttempt attempt = SignInAttempt.make(client.unitOfWork(), email, DemoSeeder.DEMO_RECRUITER_PASSWORD);
            try (Connection c = db.superuser().getConnection()) {
                c.setAutoCommit(false);
                for (String query : queries) {
                    for (Integer minYears : java.util.Arrays.asList(null, 5)) {
                        MigratedDatabases.exec(c, "SET LOCAL ROLE " + LOGIN);
                        MigratedDatabases.exec(c, "SELECT recruiter.use_session(?)", attempt.token());
                        List<Integer> found = ids(c, "SELECT candidate_id FROM recruiter.search_candidate_cards(?, ?, 30)"
                                + " ORDER BY rank DESC, candidate_id", query, minYears);
                        MigratedDatabases.exec(c, "RESET ROLE");
                        // every document of the scope (the company's candidates, or the applicants of the jobs the
                        // user manages): the exact matches, or the prefix matches when there is none
                        List<Integer> truth = ids(c, "WITH scope AS ("
                                + " SELECT cc.candidate_id FROM recruiter.company_candidates cc JOIN public.employers e"
                                + " ON e.company_id = cc.company_id JOIN public.users u ON u.id = e.user_id WHERE u.email = ?"
                                + " UNION SELECT a.candidate_id FROM public.job_applications a"
                                + " JOIN recruiter.job_hiring_managers m ON m.job_id = a.job_id"
                                + " JOIN public.users u ON u.id = m.user_id WHERE u.email = ? AND a.deleted_at IS NULL),"
                                + " docs AS (SELECT s.candidate_id, s.document FROM recruiter.candidate_search s"
                                + " JOIN scope USING (candidate_id) WHERE s.candidate_live"
                                + " AND (?::integer IS NULL OR s.years_experience >= ?::integer)),"
                                + " q AS (SELECT CASE WHEN numnode(recruiter.search_query(?)) > 0"
                                + " THEN recruiter.search_query(?) END AS exact_q, recruiter.prefix_query(?) AS prefix_q),"
                                + " exact AS (SELECT d.candidate_id, ts_rank(d.document, q.exact_q) AS r FROM docs d, q"
                                + " WHERE d.document @@ q.exact_q),"
                                + " prefix AS (SELECT d.candidate_id, ts_rank(d.document, q.prefix_q) AS r FROM docs d, q"
                                + " WHERE d.document @@ q.prefix_q AND NOT EXISTS (SELECT 1 FROM exact))"
                                + " SELECT candidate_id FROM (SELECT * FROM exact UNION ALL SELECT * FROM prefix) x"
                                + " ORDER BY r DESC, candidate_id LIMIT 30",
                                email, email, minYears, minYears, query, query, query);
                        c.rollback();
                        assertThat(found).as(email + ": " + query + ", " + minYears).isEqualTo(truth);
                    }
                }
            }
        }
    }

    private record MidCompany(String email, String rareWord) {
    }

    /**
     * The demo company with the most candidates below the one-word path's 1,500 (at least 200), one of its
     * recruiters, and a lexeme some of its candidates hold that fewer candidates hold platform-wide than it has.
     */
    private MidCompany midCompany() throws Exception {
        if (mid != null) {
            return mid;
        }
        try (Connection c = db.superuser().getConnection()) {
            List<String> company = MigratedDatabases.strings(c, "SELECT company_id || ',' || count(*)"
                    + " FROM recruiter.company_candidates GROUP BY company_id HAVING count(*) BETWEEN 200 AND 1500"
                    + " ORDER BY count(*) DESC, company_id LIMIT 1");
            assertThat(company).as("a company of 200 to 1,500 candidates in the demo data").hasSize(1);
            int companyId = Integer.parseInt(company.get(0).split(",")[0]);
            int size = Integer.parseInt(company.get(0).split(",")[1]);
            String email = MigratedDatabases.strings(c, "SELECT u.email FROM public.employers e JOIN public.users u"
                    + " ON u.id = e.user_id WHERE e.company_id = ? ORDER BY u.id LIMIT 1", companyId).get(0);
            String word = MigratedDatabases.strings(c, "WITH mine AS (SELECT DISTINCT t.term"
                    + " FROM recruiter.candidate_search_terms t JOIN recruiter.company_candidates cc"
                    + " ON cc.candidate_id = t.candidate_id AND cc.company_id = ? WHERE t.term ~ '^[a-z]{5,}$'),"
                    + " held AS (SELECT t.term, count(*) AS n FROM recruiter.candidate_search_terms t JOIN mine"
                    + " USING (term) GROUP BY t.term)"
                    + " SELECT term FROM held WHERE n BETWEEN 3 AND ?"
                    // a word each configuration keeps as it is, so its entries are the term's alone
                    + " AND recruiter.search_query(term) = recruiter.lexeme_query(term)"
                    + " || recruiter.lexeme_query(term) || recruiter.lexeme_query(term)"
                    + " ORDER BY n DESC, term LIMIT 1", companyId, size / 2).get(0);
            mid = new MidCompany(email, word);
            return mid;
        }
    }

    /**
     * V65: for a word most of a hiring manager's candidates hold, her hits are ranked from the copy and checked in
     * candidate_search best first until the page is full: about as many probes as the page holds, not one per hit.
     * (aScopesSearchIsTheTrueBestWhicheverPathItTakes checks that the page is still the true best.)
     */
    @Test
    void aHiringManagersCommonWordProbesThePageNotEveryHit() throws Exception {
        String email = "ines.moukagni@hiring-manager.demo";
        String word = null;
        long hits = 0;
        try (Connection c = db.superuser().getConnection()) {
            for (String candidate : List.of("gestion", "libreville", "experience", "projet", "client", "équipe")) {
                long n = MigratedDatabases.count(c, "SELECT count(DISTINCT m.candidate_id)"
                        + " FROM recruiter.managed_job_candidates m JOIN recruiter.job_hiring_managers h"
                        + " ON h.job_id = m.job_id JOIN public.users u ON u.id = h.user_id AND u.email = ?"
                        + " WHERE m.document @@ recruiter.search_query(?)", email, candidate);
                if (n > hits) {
                    hits = n;
                    word = candidate;
                }
            }
        }
        assertThat(hits).as("a word held by well more of her candidates than a page").isGreaterThan(70);
        Run run = search(email, word, null);
        assertThat(run.rows()).isEqualTo(50);
        assertThat(rowsRead(run, "candidate_search_pkey")).as("documents read for '%s' (%d hits)", word, hits)
                .isBetween(50L, 60L);
    }

    /** The rows every scan through {@code index} read (kept or filtered out), summed over the nested statements. */
    private static long rowsRead(Run run, String index) {
        long[] total = {0};
        for (JsonNode plan : run.plans()) {
            Plans.walk(plan, node -> {
                if (index.equals(node.path("Index Name").asText())) {
                    total[0] += Math.round((node.path("Actual Rows").asDouble()
                            + node.path("Rows Removed by Filter").asDouble()) * node.path("Actual Loops").asDouble());
                }
            });
        }
        return total[0];
    }

    /** V63: a hiring manager's search reads her jobs' applicants' documents from their GIN index, never in full. */
    @Test
    void aHiringManagersSearchReadsHerJobsApplicantsFromTheirIndex() {
        for (String query : List.of("ingénieur", "ingé", "ingénieur réseau", "zzqx")) {
            for (Integer minYears : java.util.Arrays.asList(null, 5)) {
                Run run = search("ines.moukagni@hiring-manager.demo", query, minYears);
                assertThat(seqScans(run)).as(query).isEmpty();
                assertThat(run.scans()).as(query)
                        .anyMatch(s -> s.endsWith("using ix_managed_job_candidates_document"))
                        .noneMatch(s -> s.equals("Seq Scan on managed_job_candidates"))
                        .noneMatch(s -> s.endsWith("using ix_job_applications_board"));
            }
        }
    }
}
