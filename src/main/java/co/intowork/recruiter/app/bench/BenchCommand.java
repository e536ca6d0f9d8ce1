package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.app.ConnectionOptions;
import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.admin.ClientLoginLimits;
import co.intowork.recruiter.common.db.admin.ClientLoginService;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.ResolvedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times every statement the app's screens send, as a signed-in client with row-level security "
                + "on, for the largest company, a small one and a hiring manager, next to the platform web "
                + "backend's way of getting the same data on its own indexes; writes bench-report.md and .json.",
                "Run it on the large data set (seed --scale large) with the tables' owner (the embedded database's "
                        + "superuser by default); its timed writes are rolled back, and --ui adds one bench-only "
                        + "5,000-application job."})
public final class BenchCommand implements Callable<Integer> {
    /** The client login the bench creates on the embedded database (trust authentication, like the demo's). */
    static final String BENCH_LOGIN = "intowork_bench";
    /** The bench's login opens a pool per subject; its timeouts are the client's (it lengthens statements itself). */
    static final ClientLoginLimits BENCH_LIMITS = new ClientLoginLimits(50,
            ClientLoginLimits.DEFAULT.statementTimeout(), ClientLoginLimits.DEFAULT.lockTimeout(),
            ClientLoginLimits.DEFAULT.idleInTransactionTimeout());

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--repetitions", defaultValue = "200", description = "Timed runs per statement (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--budget-seconds", defaultValue = "40",
            description = "Stop timing a slow statement after this long, with at least 10 runs (default ${DEFAULT-VALUE}).")
    double budgetSeconds;

    @Option(names = "--baseline-repetitions", defaultValue = "20",
            description = "Timed runs per baseline statement at most (default ${DEFAULT-VALUE}).")
    int baselineRepetitions;

    @Option(names = "--baseline-budget-seconds", defaultValue = "30",
            description = "Stop a baseline statement after this long, with at least one run (default ${DEFAULT-VALUE}).")
    double baselineBudgetSeconds;

    @Option(names = "--no-baseline", description = "Only our statements.")
    boolean noBaseline;

    @Option(names = "--only", paramLabel = "REGEX", description = "Time only the statements whose \"subject "
            + "statement\" matches, e.g. 'hiring_manager board\\.page' (while tuning; a report for the record "
            + "times them all).")
    java.util.regex.Pattern only;

    @Option(names = "--random-seed", defaultValue = "7", description = "Seed of the parameter draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "target/bench", description = "Report folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--client-user", paramLabel = "LOGIN",
            description = "A client login (member of recruiter_app) to run as; its password from "
                    + "INTOWORK_BENCH_CLIENT_PASSWORD. Default: " + BENCH_LOGIN + ", created if missing (needs a "
                    + "server that trusts local logins, like the embedded one).")
    String clientUser;

    @Option(names = "--machine-note", paramLabel = "TEXT",
            description = "What to say about the machine (default: quiet or busy, from the load average).")
    String machineNote;

    @Option(names = "--ui", description = "Also time the board screen (JavaFX) on a job with about "
            + "--ui-applications applications and measure the heap with it open; needs a display (or Monocle).")
    boolean ui;

    @Option(names = "--ui-applications", defaultValue = "5000", description = "Size of the job the UI timing opens (default ${DEFAULT-VALUE}).")
    int uiApplications;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1 || warmup < 0 || baselineRepetitions < 1) {
            throw new UserFacingException("--repetitions and --baseline-repetitions must be at least 1, --warmup at "
                    + "least 0.");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("bench")) {
            args.remove(0);
        }
        String command = "intowork-recruiter bench " + String.join(" ", redacted(args));
        try (Database owner = connection.open(msg -> out.println("… " + msg), new BenchTools().mappers())) {
            Migrator.Status status = new Migrator(owner.dataSource()).inspect();
            if (!status.upToDate()) {
                throw new UserFacingException("The database schema is not up to date (" + status.state() + "). Run "
                        + "`intowork-recruiter migrate` first.");
            }
            try (Database client = openClient(owner)) {
                BenchRunner.Options options = new BenchRunner.Options(repetitions, warmup, budgetSeconds, baselineRepetitions,
                        baselineBudgetSeconds, seed, !noBaseline, command, machineNote, only);
                BenchReport report = new BenchRunner(owner.unitOfWork(), client.unitOfWork().factory(), options,
                        msg -> {
                            out.println("… " + msg);
                            out.flush();
                        }).run();
                if (ui) {
                    report = UiBench.measure(report, owner, client, uiApplications, msg -> {
                        out.println("… " + msg);
                        out.flush();
                    });
                }
                report.write(outDir);
                printSummary(out, report);
            }
        }
        return 0;
    }

    private Database openClient(Database owner) {
        String login = clientUser != null ? clientUser : BENCH_LOGIN;
        if (clientUser == null) {
            // created once, kept afterwards (an existing login is left as it is)
            new ClientLoginService(owner.dataSource()).create(login, null, BENCH_LIMITS);
        }
        ResolvedSettings settings = connection.resolved();
        String url = owner.dataSource().getJdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        // the owner's own TLS and timeouts (as configured), except a statement timeout long enough for the slowest
        // statistics on the large data set, which the report must show rather than cut off
        ConnectionSettings base = owner.isEmbedded() ? ConnectionSettings.embeddedDefaults(settings, url, login)
                : ConnectionSettings.from(settings);
        ConnectionSettings cs = new ConnectionSettings(url, login,
                clientUser == null ? null : System.getenv("INTOWORK_BENCH_CLIENT_PASSWORD"), base.sslMode(),
                base.sslRootCert(), 2, base.connectTimeoutSeconds(), 120_000, base.lockTimeoutMs(),
                "IntoWork Recruiter bench");
        return new Database(DataSourceFactory.create(cs, "bench-client"), new Database.Target(owner.isEmbedded(),
                owner.target().host(), owner.target().port(), owner.target().database(), login), Mappers.withDeveloperTools(),
                () -> false, null);
    }

    private static List<String> redacted(List<String> args) {
        List<String> copy = new java.util.ArrayList<>(args);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).startsWith("--password=")) {
                copy.set(i, "--password=***");
            } else if (copy.get(i).equals("--password") && i + 1 < copy.size()) {
                copy.set(i + 1, "***");
            }
        }
        return copy;
    }

    private static void printSummary(PrintWriter out, BenchReport report) {
        out.printf("%-28s %-15s %8s %8s %8s %7s %6s %12s %8s%n", "statement", "subject", "p50 ms", "p95 ms",
                "p99 ms", "rows", "index", "baseline p95", "ratio");
        for (BenchReport.StatementResult r : report.statements()) {
            out.printf(Locale.ROOT, "%-28s %-15s %8.3f %8.3f %8.3f %7d %6s %12s %8s%n", r.name(), r.subject(),
                    r.p50Ms(), r.p95Ms(), r.p99Ms(), r.rows(),
                    r.indexUsed() == null ? "n/a" : r.indexUsed() ? "yes" : "NO",
                    r.baselineP95Ms() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.baselineP95Ms()),
                    r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.ratio()));
        }
        if (report.ui() != null) {
            out.printf("Board UI: job %d (%,d applications) rendered in %d ms (median); heap with it open %d MB%n",
                    report.ui().jobId(), report.ui().applications(), report.ui().openToRenderedMsMedian(),
                    report.ui().heapUsedAfterGcMb());
        }
        out.println("Report: " + "bench-report.md and bench-report.json written.");
        out.flush();
    }
}
