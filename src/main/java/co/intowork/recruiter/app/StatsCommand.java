package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.stats.Dashboard;
import co.intowork.recruiter.stats.Funnel;
import co.intowork.recruiter.stats.ReplicaSource;
import co.intowork.recruiter.stats.StatsQuery;
import co.intowork.recruiter.stats.StatsService;
import co.intowork.recruiter.stats.StatsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Signs in and prints the dashboard figures and the funnel of your jobs (the company's, or a "
                + "hiring manager's own), for scripts and scheduled reports.",
                "The password comes from the environment variable INTOWORK_PASSWORD, or else from the first line "
                        + "of standard input; never from a flag."})
final class StatsCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "INTOWORK_PASSWORD";

    /** Where the password variable is read; tests swap it. */
    static UnaryOperator<String> environment = System::getenv;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Your INTOWORK account.")
    String email;

    @Option(names = "--job", paramLabel = "ID", description = "Only this job.")
    Integer jobId;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Applications from this day (default: all time).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Applications up to this day, included.")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON: active_jobs, applications, new, in_interview, accepted, "
            + "rejected, response_rate, funnel {applied, viewed, shortlisted, interview, accepted}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UserFacingException("--to " + to + " is before --from " + from + ".");
        }
        String password = password();
        PrintWriter out = spec.commandLine().getOut();
        ResolvedSettings settings = connection.resolved();
        StatsSettings statsSettings = StatsSettings.from(settings);
        try (Database db = open(settings)) {
            SessionContext context = SessionContext.installOn(db.unitOfWork());
            AuthService auth = new AuthService(db.unitOfWork(), context);
            SignedInUser user = auth.signIn(email, password);
            try (ReplicaSource replica = ReplicaSource.of(statsSettings, db.unitOfWork())) {
                StatsService service = new StatsService(db.unitOfWork(), replica);
                StatsQuery query = StatsQuery.of(user, jobId, from, to, statsSettings.staleDays());
                if (jobId != null && !service.jobVisible(jobId)) {
                    throw new UserFacingException("Job " + jobId + " is not one of the jobs " + email
                            + " can see.");
                }
                StatsService.Headline headline = service.headline(query);
                if (json) {
                    Cli.printJson(out, toJson(headline.dashboard(), headline.funnel()));
                } else {
                    describe(out, user, headline);
                }
            } finally {
                auth.signOut();
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The embedded demo as the app opens it (migrated, seeded, as its client login); a server as configured, which
     * must be usable by this version and a client login, so that row-level security applies to the figures as on
     * screen.
     */
    private Database open(ResolvedSettings settings) {
        return Startup.open(settings, connection.paths(), () -> false, msg -> { }).database();
    }

    private String password() throws IOException {
        return readPassword();
    }

    /** As for stats, also for watch: the environment variable, else standard input's first line. */
    static String readPassword() throws IOException {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new UserFacingException("No password: set " + PASSWORD_VARIABLE + " or write it on standard input.");
        }
        return line;
    }

    /** The keys scripts rely on, in a fixed order. */
    static Map<String, Object> toJson(Dashboard d, Funnel f) {
        Map<String, Object> funnel = new LinkedHashMap<>();
        funnel.put("applied", f.applied());
        funnel.put("viewed", f.viewed());
        funnel.put("shortlisted", f.shortlisted());
        funnel.put("interview", f.interview());
        funnel.put("accepted", f.accepted());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("active_jobs", d.activeJobs());
        root.put("applications", d.applications());
        root.put("new", d.newApplications());
        root.put("in_interview", d.inInterview());
        root.put("accepted", d.accepted());
        root.put("rejected", d.rejected());
        root.put("response_rate", d.responseRate() == null ? null
                : Math.round(d.responseRate() * 10_000) / 10_000.0);
        root.put("funnel", funnel);
        return root;
    }

    private void describe(PrintWriter out, SignedInUser user, StatsService.Headline h) {
        Dashboard d = h.dashboard();
        out.println("Statistics for " + user.displayName() + (jobId == null ? "" : ", job " + jobId)
                + ", applications " + (from == null ? "since the start" : "from " + from)
                + (to == null ? "" : " to " + to) + (h.source().replica() ? " (read from the replica)" : ""));
        out.printf("Active jobs      %d%n", d.activeJobs());
        // the screen's words (issue 19: "New" means new since you looked, in the job list only)
        out.printf("Applications     %d%n", d.applications());
        out.printf("Not yet viewed   %d%n", d.newApplications());
        out.printf("In interview     %d%n", d.inInterview());
        out.printf("Accepted         %d%n", d.accepted());
        out.printf("Rejected         %d%n", d.rejected());
        out.printf("Response rate    %s%n", d.responseRate() == null ? "-"
                : String.format("%.1f %%", d.responseRate() * 100));
        out.println("Funnel (reached)");
        for (Funnel.Step step : h.funnel().steps()) {
            out.printf("  %-12s %6d%s%n", ApplicationStatus.valueOf(step.stage().name()).label(), step.reached(),
                    step.passThrough() == null ? "" : String.format("  (%.1f %% of the previous)",
                            step.passThrough() * 100));
        }
    }
}
