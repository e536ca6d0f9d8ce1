package co.intowork.recruiter.app.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What one bench run measured; written as JSON (snake_case fields) and Markdown. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenchReport(String generatedAt, String command, Settings settings, Machine machine, Data data,
                          List<StatementResult> statements, UiResult ui, List<TriggerCost> moveTriggers,
                          List<String> notes) {

    public record Settings(int repetitions, int warmup, double budgetSeconds, int baselineRepetitions, double baselineBudgetSeconds,
                           long randomSeed, boolean baseline) {
    }

    public record Machine(int cores, long ramMb, String os, String jvm, String postgresql, double loadAverageStart,
                          double loadAverageEnd, String note) {
    }

    public record TableRow(String table, long rows, double sizeMb) {
    }

    public record SubjectInfo(String key, String label, String email, Integer companyId, String company,
                              long jobsWithApplications, long applications) {
    }

    public record Data(List<TableRow> tables, List<SubjectInfo> subjects, List<String> baselineDroppedIndexes) {
    }

    public record StatementResult(String name, String subject, String what, int samples, double p50Ms, double p95Ms,
                                  double p99Ms, double meanMs, long rows, Boolean indexUsed,
                                  List<String> intendedIndexes, List<String> indexes, List<String> seqScans,
                                  Double baselineP50Ms, Double baselineP95Ms, Integer baselineSamples,
                                  Double ratio, String error) {
    }

    /** A move's UPDATE with every trigger, then with one of them off: what that trigger costs. */
    public record TriggerCost(String trigger, int samples, double p50Ms, double p95Ms, Double savedP50Ms) {
    }

    /**
     * openToRenderedMs: the timed runs, after warmUpMs (the first openings of the process, while the JIT compiles
     * the FX and board code); openToDataMs: of the same timed runs, until the data was in the view model.
     */
    public record UiResult(int jobId, long applications, long openToRenderedMsMedian, List<Long> openToRenderedMs,
                           long heapUsedAfterGcMb, long heapUsedBeforeOpenMb, String display, List<Long> warmUpMs,
                           List<Long> openToDataMs) {
    }

    /** The middle value (the upper one of an even count), or -1 for none. */
    static long median(List<Long> values) {
        return values == null || values.isEmpty() ? -1 : values.stream().sorted().toList().get(values.size() / 2);
    }

    static ObjectMapper json() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        json().writeValue(dir.resolve("bench-report.json").toFile(), this);
        Files.writeString(dir.resolve("bench-report.md"), markdown(), StandardCharsets.UTF_8);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# IntoWork Recruiter benchmark\n\n");
        md.append("Produced by `").append(command).append("` on ").append(generatedAt).append(".\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.ramMb() / 1024)
                .append(" GB RAM, ").append(machine.os()).append(", ").append(machine.jvm()).append(", PostgreSQL ")
                .append(machine.postgresql()).append(String.format(Locale.ROOT,
                        "; load average %.2f at the start, %.2f at the end", machine.loadAverageStart(),
                        machine.loadAverageEnd())).append(". ").append(machine.note()).append("\n\n");
        md.append("Settings: ").append(settings.repetitions()).append(" timed repetitions per statement after ")
                .append(settings.warmup()).append(" warm-up runs (a slower statement stops after ")
                .append(fmt(settings.budgetSeconds())).append(" s, with at least 10; see n); baseline up to ")
                .append(settings.baselineRepetitions()).append(" repetitions or ")
                .append(fmt(settings.baselineBudgetSeconds())).append(" s per statement; random seed ")
                .append(settings.randomSeed()).append(".\n\n");
        md.append("## Data\n\n| table | rows | size (MB, with indexes) |\n| --- | ---: | ---: |\n");
        for (TableRow t : data.tables()) {
            md.append("| ").append(t.table()).append(" | ").append(String.format(Locale.ROOT, "%,d", t.rows()))
                    .append(" | ").append(fmt(t.sizeMb())).append(" |\n");
        }
        md.append("\n| subject | signed in as | company | jobs with applications | applications |\n")
                .append("| --- | --- | --- | ---: | ---: |\n");
        for (SubjectInfo s : data.subjects()) {
            md.append("| ").append(s.key()).append(" | ").append(s.email()).append(" | ")
                    .append(s.company() == null ? "–" : s.company()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d | %,d |%n", s.jobsWithApplications(), s.applications()));
        }
        md.append("\n## Statements (signed-in recruiter_app client, row-level security on)\n\n");
        md.append("Times in ms. Baseline: the platform web backend's way (ILIKE, one COUNT per number, OFFSET "
                + "paging) as the tables' owner, with only V1's indexes; ratio = baseline p95 / ours p95.\n\n");
        md.append("| statement | subject | n | p50 | p95 | p99 | rows | index used | baseline p95 (n) | ratio |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (StatementResult r : statements) {
            md.append("| ").append(r.name()).append(" | ").append(r.subject()).append(" | ").append(r.samples())
                    .append(" | ").append(fmt(r.p50Ms())).append(" | ").append(fmt(r.p95Ms())).append(" | ")
                    .append(fmt(r.p99Ms())).append(" | ").append(r.rows()).append(" | ")
                    .append(r.indexUsed() == null ? "n/a" : r.indexUsed() ? "yes" : "**no**").append(" | ")
                    .append(r.baselineP95Ms() == null ? "–" : fmt(r.baselineP95Ms()) + " (" + r.baselineSamples() + ")")
                    .append(" | ").append(r.ratio() == null ? "–" : fmt(r.ratio()) + "×").append(" |\n");
            if (r.error() != null) {
                md.append("| ↳ failed: ").append(r.error().lines().findFirst().orElse("").replace("|", "/"))
                        .append(" | | | | | | | | | |\n");
            }
        }
        md.append("\n### What each statement is\n\n");
        statements.stream().map(r -> "- `" + r.name() + "`: " + r.what()
                        + (r.intendedIndexes().isEmpty() ? "" : " Intended: " + String.join(", ", r.intendedIndexes())
                        + ".") + "\n")
                .distinct().forEach(md::append);
        if (ui != null) {
            md.append("\n## Board UI (JavaFX)\n\n");
            md.append(String.format(Locale.ROOT, "Job %d with %,d applications, on %s: from choosing the job to "
                            + "the first column's cells rendered, median %d ms (runs: %s); of that, the data (header "
                            + "and six first pages, one transaction) was in the view model after median %d ms (runs: "
                            + "%s). The first openings of the process, while the JIT compiles, are not in the "
                            + "median: %s ms. Heap used with the board open, after GC: %d MB (%d MB before opening "
                            + "it).%n", ui.jobId(), ui.applications(),
                    ui.display(), ui.openToRenderedMsMedian(), ui.openToRenderedMs(),
                    median(ui.openToDataMs()),
                    ui.openToDataMs(), ui.warmUpMs(), ui.heapUsedAfterGcMb(), ui.heapUsedBeforeOpenMb()));
        }
        if (moveTriggers != null && !moveTriggers.isEmpty()) {
            md.append("\n## A move's triggers\n\n");
            md.append("The UPDATE of one application applied → viewed (largest company) as the tables' owner, each "
                    + "run in a savepoint rolled back, first with every trigger of job_applications, then with one "
                    + "of them disabled (inside the bench's rolled-back transaction). saved = p50 with all minus p50 "
                    + "without it: what that trigger costs a move. The client's whole move (board.move) adds the "
                    + "session, the version check and the candidate's notification.\n\n");
            md.append("| triggers | n | p50 | p95 | saved (p50) |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (TriggerCost t : moveTriggers) {
                md.append("| ").append(t.trigger()).append(" | ").append(t.samples()).append(" | ")
                        .append(fmt(t.p50Ms())).append(" | ").append(fmt(t.p95Ms())).append(" | ")
                        .append(t.savedP50Ms() == null ? "–" : fmt(t.savedP50Ms())).append(" |\n");
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        md.append("\nBaseline indexes dropped (inside the baseline's rolled-back transaction): ")
                .append(data.baselineDroppedIndexes().isEmpty() ? "none (no baseline run)"
                        : String.join(", ", data.baselineDroppedIndexes())).append(".\n");
        return md.toString();
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
