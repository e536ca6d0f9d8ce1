package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.app.Cli;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench command end to end on demo data, with few repetitions: the report lists every UI statement for every
 * subject with sane numbers, the baseline beside ours, and the plan guard's verdict (index_used) true for the
 * statements that must stay index-driven; the data is unchanged afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchCommandTest {
    /** Statements whose plan must use the intended index on demo data too (the inbox reads are left out: on demo
     *  data a recruiter has no notifications, and the planner may read the user's few rows either way). */
    private static final Set<String> GUARDED = Set.of("pipeline.page", "pipeline.count", "pipeline.search.fr_common",
            "pipeline.search.fr_rare", "board.header", "board.page", "review.application", "review.experiences",
            "review.educations", "review.skills", "review.events", "review.save", "board.move");

    private JsonNode report;
    private String before;
    private String after;
    private int exit;

    @BeforeAll
    void runBench(@TempDir Path dir) throws Exception {
        TestDatabase.Db db = PlanDemoData.get();
        before = fingerprint(db);
        exit = Cli.run(co.intowork.recruiter.settings.SettingsLoader.system(), "bench", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--repetitions", "3", "--warmup",
                "1", "--baseline-repetitions", "2", "--baseline-budget-seconds", "5", "--out", dir.toString(),
                "--machine-note", "test run");
        after = fingerprint(db);
        report = new ObjectMapper().readTree(dir.resolve("bench-report.json").toFile());
        assertThat(Files.readString(dir.resolve("bench-report.md"))).contains("| board.page | large |");
    }

    @Test
    void everyStatementOfEverySubjectIsReported() {
        assertThat(exit).isZero();
        Map<String, Set<String>> bySubject = new HashMap<>();
        for (JsonNode s : report.get("statements")) {
            bySubject.computeIfAbsent(s.get("subject").asText(), k -> new HashSet<>()).add(s.get("name").asText());
        }
        assertThat(bySubject.keySet()).containsExactlyInAnyOrder("large", "small", "hiring_manager");
        assertThat(bySubject.get("large")).containsAll(UiStatements.NAMES);
        for (Set<String> names : bySubject.values()) {
            List<String> required = new ArrayList<>(UiStatements.NAMES);
            // a company without jobs in one language has no word to search for in it
            required.removeIf(n -> n.startsWith("pipeline.search.") || n.equals("board.move"));
            assertThat(names).containsAll(required);
        }
        assertThat(report.at("/settings/repetitions").asInt()).isEqualTo(3);
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(report.at("/machine/postgresql").asText()).startsWith("15.");
        assertThat(report.at("/machine/note").asText()).isEqualTo("test run");
        assertThat(report.at("/command").asText()).startsWith("intowork-recruiter bench --jdbc-url");
        assertThat(report.at("/data/tables")).anyMatch(t -> t.get("table").asText().equals("public.job_applications")
                && t.get("rows").asLong() > 10_000);
    }

    @Test
    void numbersAreSane() {
        for (JsonNode s : report.get("statements")) {
            String what = s.get("name").asText() + "/" + s.get("subject").asText();
            assertThat(s.get("error").isNull()).as(what + " failed: " + s.get("error")).isTrue();
            assertThat(s.get("samples").asInt()).as(what).isEqualTo(3);
            double p50 = s.get("p50_ms").asDouble();
            double p95 = s.get("p95_ms").asDouble();
            double p99 = s.get("p99_ms").asDouble();
            assertThat(p50).as(what).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).as(what).isLessThanOrEqualTo(p99);
            assertThat(s.get("rows").asLong()).as(what).isNotNegative();
        }
        JsonNode page = statement("board.page", "large");
        assertThat(page.get("rows").asInt()).isPositive();
        assertThat(page.get("baseline_p95_ms").asDouble()).isPositive();
        assertThat(page.get("baseline_samples").asInt()).isBetween(1, 2);
        assertThat(page.get("ratio").asDouble()).isPositive();
        // no baseline for a hiring manager, nor for what the platform has no equivalent of
        assertThat(statement("board.page", "hiring_manager").get("baseline_p95_ms").isNull()).isTrue();
        assertThat(statement("review.events", "large").get("baseline_p95_ms").isNull()).isTrue();
        assertThat(report.at("/data/baseline_dropped_indexes")).extracting(JsonNode::asText)
                .contains("ix_job_applications_board", "ix_jobs_company_search_document", "ix_notifications_user_created");
    }

    @Test
    void guardedStatementsUseTheirIndexes() {
        for (JsonNode s : report.get("statements")) {
            if (GUARDED.contains(s.get("name").asText()) && !s.get("subject").asText().equals("hiring_manager")) {
                assertThat(s.get("index_used").asBoolean()).as(s.get("name").asText() + "/" + s.get("subject")
                        + ": indexes " + s.get("indexes") + ", seq scans " + s.get("seq_scans")).isTrue();
            }
        }
    }

    @Test
    void theDataIsUnchanged() {
        assertThat(after).isEqualTo(before);
    }

    private JsonNode statement(String name, String subject) {
        for (JsonNode s : report.get("statements")) {
            if (s.get("name").asText().equals(name) && s.get("subject").asText().equals(subject)) {
                return s;
            }
        }
        throw new AssertionError("no " + name + " for " + subject);
    }

    /** Row counts and a checksum of what the writes touch (versions, statuses, notes, notifications). */
    private static String fingerprint(TestDatabase.Db db) throws Exception {
        try (var c = db.superuser().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT count(*) FROM public.notifications) || '/' || "
                     + "(SELECT count(*) FROM recruiter.application_status_events) || '/' || "
                     + "(SELECT sum(version) || ':' || md5(string_agg(status::text || coalesce(notes, ''), ',' "
                     + "ORDER BY id)) FROM public.job_applications) || '/' || "
                     + "(SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
