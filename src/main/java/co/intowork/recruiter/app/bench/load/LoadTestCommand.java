package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.auth.DemoLogin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Developer tool (decision 0024): N simulated desks through a PgBouncer in transaction mode to "
                + "a PostgreSQL primary with a streaming hot standby, all started here on loopback from Debian's "
                + "packages (run as the postgres user), with fault drills; writes loadtest-report.json and .md.",
                "Exit code 0 when no error outside the drills and the moves add up, 3 otherwise."})
public final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--seats", defaultValue = "500", description = "Simulated desks (default ${DEFAULT-VALUE}).")
    int seats;

    @Option(names = "--logins", defaultValue = "10",
            description = "Client logins (offices) the seats share (default ${DEFAULT-VALUE}).")
    int logins;

    @Option(names = "--think", defaultValue = "5-15", description = "Think time range in seconds (default ${DEFAULT-VALUE}).")
    String think;

    @Option(names = "--ramp", defaultValue = "90", description = "Seconds over which the seats sign in.")
    int ramp;

    @Option(names = "--steady", defaultValue = "60", description = "Seconds of measured steady load.")
    int steady;

    @Option(names = "--drill-window", defaultValue = "25", description = "Seconds watched after each fault.")
    int drillWindow;

    @Option(names = "--drills", split = ",", defaultValue = "POOLER_RESTART,STANDBY_STOPPED,PRIMARY_RESTART,SEAT_KILLED",
            description = "Drills in order: ${COMPLETION-CANDIDATES}.")
    List<LoadRun.Drill> drills;

    @Option(names = "--divisor", defaultValue = "10",
            description = "The large data set divided by this (default ${DEFAULT-VALUE}: 100,000 applications).")
    int divisor;

    @Option(names = "--threads", defaultValue = "32", description = "Worker threads the seats share.")
    int threads;

    @Option(names = "--work-dir", defaultValue = "/tmp/intowork-loadtest",
            description = "Where the servers' data lives (kept: a second run skips the seed).")
    Path workDir;

    @Option(names = "--out", defaultValue = "src/docs/performance", description = "Where the report goes.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (!PgBouncer.installed() || !PgServer.installed()) {
            pw.println("loadtest needs Debian's pgbouncer and postgresql-15 packages (apt-get install -y pgbouncer "
                    + "postgresql-15).");
            pw.flush();
            return 1;
        }
        String[] range = think.split("-");
        LoadRun.Config config = new LoadRun.Config(seats, logins, Duration.ofMillis((long) (Double.parseDouble(range[0]) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(range[1]) * 1000)), Duration.ofSeconds(ramp),
                Duration.ofSeconds(steady), drills, Duration.ofSeconds(drillWindow), threads, 7);
        LoadReport report;
        try (LocalCluster cluster = new LocalCluster(workDir, divisor, msg -> {
            pw.println("… " + msg);
            pw.flush();
        })) {
            report = LoadReport.of(new LoadRun(config, cluster, DemoLogin.PASSWORD, msg -> {
                pw.println("… " + msg);
                pw.flush();
            }).run());
        }
        // the report says what produced it, arguments included, so that the next run can be compared with it
        // originalArgs are the whole command line's, this subcommand's name included
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.remove(spec.name());
        report.setup().put("command", ("java -jar target/intowork-recruiter.jar loadtest " + String.join(" ", args))
                .strip());
        report.write(out, "loadtest-report");
        pw.println(report.markdown());
        pw.println("Written to " + out.resolve("loadtest-report.md") + " and .json");
        pw.flush();
        LoadReport.PhaseReport steadyPhase = report.phase("steady");
        boolean ok = steadyPhase != null && steadyPhase.errors() == 0 && report.accounting().clean();
        return ok ? 0 : 3;
    }
}
