package co.intowork.recruiter.app.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The load run's figures, as JSON and as Markdown (src/docs/performance/loadtest-report.*). */
public record LoadReport(String generatedAt, Map<String, Object> setup, List<PhaseReport> phases,
                         Connections connections, Accounting accounting) {

    public record ActionStats(String action, int count, int errors, double p50Ms, double p95Ms, double p99Ms,
                              double maxMs) {
    }

    public record PhaseReport(String name, String title, double startS, double seconds, int actions, int errors,
                              double actionsPerSecond, List<ActionStats> perAction, Map<String, Integer> errorSentences,
                              Map<String, Integer> statisticsSources, Map<String, Double> cpuCores,
                              Map<String, Object> facts, Double lastErrorAfterFaultS) {
    }

    public record Connections(int maxClientConnectionsAtPgBouncer, int maxWaitingClients, double maxWaitSeconds,
                              int maxServerConnectionsAtPgBouncer, long maxPrimaryClientBackends,
                              long maxStandbyClientBackends, long seatConnectionsOpened,
                              List<LoadRun.PoolSample> samples) {
    }

    public record Accounting(int movesReportedOk, int movesReportedFailed, int failedButCommitted,
                             int failedNotCommitted, long statusEvents, long notifications, int lost, int doubled,
                             int notificationMismatch, long stillPending) {
        public boolean clean() {
            return lost == 0 && doubled == 0 && notificationMismatch == 0 && stillPending == 0;
        }
    }

    public static LoadReport of(LoadRun.Result r) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("seats", r.config().seats());
        setup.put("client logins (offices)", r.config().logins());
        setup.put("think time (s)", r.config().thinkMin().toMillis() / 1e3 + "–" + r.config().thinkMax().toMillis() / 1e3);
        setup.put("ramp (s)", r.config().ramp().toSeconds());
        setup.put("steady (s)", r.config().steady().toSeconds());
        setup.put("worker threads", r.config().threads());
        setup.put("drills", r.config().drills());
        setup.put("drill window (s)", r.config().drillWindow().toSeconds());
        setup.put("PgBouncer", r.pgbouncerVersion() + ", transaction mode");
        setup.put("data set", r.dataSet());
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("seat connections", "one pgjdbc connection per seat to PgBouncer for the primary and one for the "
                + "standby, kept between actions and checked after 500 ms idle (as HikariCP does); the desk's "
                + "driver properties (db.pooler=transaction: prepareThreshold=0, no startup options)");
        List<PhaseReport> phases = new ArrayList<>();
        for (LoadRun.Phase p : r.phases()) {
            phases.add(phase(r, p));
        }
        return new LoadReport(OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), setup, phases,
                connections(r), accounting(r));
    }

    private static PhaseReport phase(LoadRun.Result r, LoadRun.Phase p) {
        List<LoadRun.Sample> in = r.samples().stream().filter(s -> s.phase().equals(p.name())).toList();
        Map<Seat.Action, List<LoadRun.Sample>> byAction = new TreeMap<>();
        in.forEach(s -> byAction.computeIfAbsent(s.action(), a -> new ArrayList<>()).add(s));
        List<ActionStats> stats = new ArrayList<>();
        byAction.forEach((a, list) -> {
            double[] ms = list.stream().mapToDouble(s -> s.nanos() / 1e6).sorted().toArray();
            stats.add(new ActionStats(a.name().toLowerCase(Locale.ROOT).replace('_', ' '), list.size(),
                    (int) list.stream().filter(s -> s.error() != null).count(), pct(ms, 50), pct(ms, 95),
                    pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1]));
        });
        Map<String, Integer> errors = new TreeMap<>();
        in.stream().filter(s -> s.error() != null).forEach(s -> errors.merge(
                s.action().name().toLowerCase(Locale.ROOT) + ": " + s.error(), 1, Integer::sum));
        Map<String, Integer> sources = new TreeMap<>();
        in.stream().filter(s -> s.action() == Seat.Action.STATISTICS && s.error() == null && s.note() != null)
                .forEach(s -> sources.merge(s.note().length() > 160 ? s.note().substring(0, 160) : s.note(), 1,
                        Integer::sum));
        double seconds = (p.endNanos() - p.startNanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        p.cpuEnd().forEach((k, v) -> {
            Double before = p.cpuStart().get(k);
            // a server restarted in the phase starts its count again: no figure rather than a wrong one
            if (before != null && !k.equals("machine total") && v >= before) {
                cores.put(k, round((v - before) / seconds));
            }
        });
        Double total = p.cpuEnd().get("machine total");
        Double totalBefore = p.cpuStart().get("machine total");
        if (total != null && totalBefore != null && cores.containsKey("machine busy")) {
            // machine figures are summed over all cores: as cores busy
            cores.put("machine busy", round((p.cpuEnd().get("machine busy") - p.cpuStart().get("machine busy"))
                    / seconds));
        }
        Double lastError = in.stream().filter(s -> s.error() != null).mapToDouble(s -> (s.startNanos() + s.nanos()
                - p.startNanos()) / 1e9).max().stream().boxed().findFirst().orElse(null);
        String title = Arrays.stream(LoadRun.Drill.values()).filter(d -> d.name().equals(p.name()))
                .map(d -> d.title).findFirst().orElse(p.name().equals("steady") ? "Steady load" : "Sign-in ramp");
        return new PhaseReport(p.name(), title, round(p.startNanos() / 1e9), round(seconds), in.size(),
                errors.values().stream().mapToInt(Integer::intValue).sum(), round(in.size() / seconds), stats, errors,
                sources, cores, p.facts(), lastError == null ? null : round(lastError));
    }

    private static Connections connections(LoadRun.Result r) {
        List<LoadRun.PoolSample> s = r.pools();
        return new Connections(s.stream().mapToInt(p -> p.clientActive() + p.clientWaiting()).max().orElse(0),
                s.stream().mapToInt(LoadRun.PoolSample::clientWaiting).max().orElse(0),
                s.stream().mapToDouble(LoadRun.PoolSample::maxWaitSeconds).max().orElse(0),
                s.stream().mapToInt(p -> p.serverActive() + p.serverIdle() + p.serverUsed()).max().orElse(0),
                s.stream().mapToLong(LoadRun.PoolSample::primaryBackends).max().orElse(0),
                s.stream().mapToLong(LoadRun.PoolSample::standbyBackends).max().orElse(-1),
                r.connectionsOpened(), s);
    }

    private static Accounting accounting(LoadRun.Result r) {
        Map<Integer, LoadTestMapper.MoveOutcome> out = new LinkedHashMap<>();
        r.outcomes().forEach(o -> out.put(o.applicationId(), o));
        int ok = 0;
        int failed = 0;
        int failedCommitted = 0;
        int failedNot = 0;
        int lost = 0;
        for (Seat.MoveAttempt m : r.moves()) {
            LoadTestMapper.MoveOutcome o = out.get(m.applicationId());
            long events = o == null ? 0 : o.events();
            if (m.reportedOk()) {
                ok++;
                if (events == 0) {
                    lost++;
                }
            } else {
                failed++;
                if (events > 0) {
                    failedCommitted++;
                } else {
                    failedNot++;
                }
            }
        }
        int doubled = (int) out.values().stream().filter(o -> o.events() > 1 || o.notifications() > 1).count();
        int mismatch = (int) out.values().stream().filter(o -> o.events() != o.notifications()).count();
        return new Accounting(ok, failed, failedCommitted, failedNot,
                out.values().stream().mapToLong(LoadTestMapper.MoveOutcome::events).sum(),
                out.values().stream().mapToLong(LoadTestMapper.MoveOutcome::notifications).sum(), lost, doubled,
                mismatch, out.values().stream().mapToLong(LoadTestMapper.MoveOutcome::pending).sum());
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, i))]);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public PhaseReport phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public void write(Path dir, String baseName) {
        try {
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(baseName + ".json").toFile(), this);
            Files.writeString(dir.resolve(baseName + ".md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Load test: desks through PgBouncer (transaction mode)\n\n");
        md.append("Generated ").append(generatedAt).append(" by `java -jar target/intowork-recruiter.jar loadtest` ")
                .append("(decision 0024). Figures of one run on this machine; other work on it shares the cores.\n\n");
        setup.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        for (PhaseReport p : phases) {
            md.append("\n## ").append(p.title()).append(" (`").append(p.name()).append("`)\n\n");
            md.append(String.format(Locale.ROOT, "From %.0f s for %.0f s: %d actions (%.1f/s), **%d errors**.%n%n",
                    p.startS(), p.seconds(), p.actions(), p.actionsPerSecond(), p.errors()));
            md.append("| action | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (ActionStats a : p.perAction()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", a.action(),
                        a.count(), a.errors(), a.p50Ms(), a.p95Ms(), a.p99Ms(), a.maxMs()));
            }
            if (!p.cpuCores().isEmpty()) {
                md.append("\nCPU (cores busy on average): ");
                List<String> parts = new ArrayList<>();
                p.cpuCores().forEach((k, v) -> parts.add(k + " " + String.format(Locale.ROOT, "%.2f", v)));
                md.append(String.join(", ", parts)).append('\n');
            }
            if (!p.facts().isEmpty()) {
                md.append("\nFacts: ").append(p.facts()).append('\n');
            }
            if (!p.statisticsSources().isEmpty()) {
                md.append("\nStatistics read from: ").append(p.statisticsSources()).append('\n');
            }
            if (!p.errorSentences().isEmpty()) {
                md.append("\nErrors the person saw:\n");
                p.errorSentences().forEach((k, v) -> md.append("- ").append(v).append("× ").append(k).append('\n'));
                if (p.lastErrorAfterFaultS() != null) {
                    md.append(String.format(Locale.ROOT, "%nLast error %.1f s after the phase began.%n",
                            p.lastErrorAfterFaultS()));
                }
            }
        }
        md.append("\n## Connections\n\n");
        md.append(String.format(Locale.ROOT, "- PgBouncer (SHOW POOLS every 2 s): at most %d client connections, "
                        + "%d server connections, %d clients waiting, longest wait %.2f s%n",
                connections.maxClientConnectionsAtPgBouncer(), connections.maxServerConnectionsAtPgBouncer(),
                connections.maxWaitingClients(), connections.maxWaitSeconds()));
        md.append(String.format(Locale.ROOT, "- PostgreSQL (pg_stat_activity, client backends, all users): primary "
                        + "at most %d, standby at most %d%n", connections.maxPrimaryClientBackends(),
                connections.maxStandbyClientBackends()));
        md.append(String.format(Locale.ROOT, "- Seats' connections to PgBouncer opened in the run: %d%n",
                connections.seatConnectionsOpened()));
        md.append("\n## Moves counted against status events and notifications\n\n");
        Accounting a = accounting;
        md.append(String.format(Locale.ROOT, "- moves reported done: %d; reported failed to the person: %d (of which "
                        + "committed anyway: %d, not committed: %d)%n- status events written: %d; candidates' "
                        + "notifications: %d; still pending: %d%n- lost (done but no event): **%d**; doubled (two "
                        + "events or notifications): **%d**; events ≠ notifications: **%d**%n",
                a.movesReportedOk(), a.movesReportedFailed(), a.failedButCommitted(), a.failedNotCommitted(),
                a.statusEvents(), a.notifications(), a.stillPending(), a.lost(), a.doubled(),
                a.notificationMismatch()));
        return md.toString();
    }
}
