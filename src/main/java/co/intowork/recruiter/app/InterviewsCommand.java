package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.interviews.Interview;
import co.intowork.recruiter.interviews.InterviewService;
import co.intowork.recruiter.interviews.Invitations;
import co.intowork.recruiter.settings.ResolvedSettings;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "interviews", mixinStandardHelpOptions = true,
        description = "Interviews scheduled on the platform (issue 21).",
        subcommands = {InterviewsCommand.Export.class})
final class InterviewsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Signs in and writes your interviews (or, with --all, every interview you can see) as "
                    + "one iCalendar file (RFC 5545) that calendar programs import: each interview keeps its UID, "
                    + "so importing a newer file updates or cancels the same events.",
                    "The password comes from the environment variable INTOWORK_PASSWORD, or else from the first "
                            + "line of standard input; never from a flag."})
    static final class Export implements Callable<Integer> {
        /** Days exported from --from when --to is not given. */
        static final int DEFAULT_DAYS = 90;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Your INTOWORK account.")
        String email;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Interviews from this day (default: today).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD",
                description = "Interviews up to this day, included (default: 90 days after --from).")
        LocalDate to;

        @Option(names = "--ics", required = true, paramLabel = "FILE", description = "The .ics file to write.")
        Path ics;

        @Option(names = "--all", description = "Every interview of your company and of the jobs you manage, not "
                + "only those you sit on.")
        boolean all;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZoneId zone = ZoneId.systemDefault();
            LocalDate start = from == null ? LocalDate.now(zone) : from;
            LocalDate end = to == null ? start.plusDays(DEFAULT_DAYS) : to;
            if (end.isBefore(start)) {
                throw new UserFacingException("--to " + end + " is before --from " + start + ".");
            }
            Path folder = ics.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new UserFacingException("The folder of " + ics + " does not exist.");
            }
            String password = password();
            PrintWriter out = spec.commandLine().getOut();
            ResolvedSettings settings = connection.resolved();
            try (Database db = Startup.open(settings, connection.paths(), () -> false, msg -> { }).database()) {
                SessionContext context = SessionContext.installOn(db.unitOfWork());
                AuthService auth = new AuthService(db.unitOfWork(), context);
                SignedInUser user = auth.signIn(email, password);
                try {
                    InterviewService service = new InterviewService(
                            new SignedIn(user, db.unitOfWork(), new ImmediateTaskRunner()));
                    List<Interview> found = service.calendar(start, end.plusDays(1), zone, !all);
                    new Invitations().save(found, user.displayName(), user.email(), ics);
                    out.println("Wrote " + found.size() + (found.size() == 1 ? " interview" : " interviews")
                            + " (" + (all ? "all you can see" : "yours") + ", " + start + " to " + end + ") to "
                            + ics + (found.size() >= InterviewService.MAX_PER_PAGE
                            ? "; only the first " + found.size() + ": narrow --from and --to for the rest" : "."));
                } finally {
                    auth.signOut();
                }
            }
            out.flush();
            return 0;
        }

        private static String password() throws IOException {
            String fromEnvironment = StatsCommand.environment.apply(StatsCommand.PASSWORD_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                return fromEnvironment;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UserFacingException("No password: set " + StatsCommand.PASSWORD_VARIABLE
                        + " or write it on standard input.");
            }
            return line;
        }
    }
}
