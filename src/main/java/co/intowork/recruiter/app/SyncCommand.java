package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.sync.CvFiles;
import co.intowork.recruiter.sync.OfflineIdentity;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncCounts;
import co.intowork.recruiter.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Offline review (decision 0010): the jobs kept on this computer, and their sync with the server.",
                "status: what the offline copy holds and what waits (no server needed); pull: copy the server's "
                        + "changes; push: send the work done offline; sync: push then pull.",
                "--take JOB adds a job to the offline copy, --release JOB sends its work and removes it.",
                "Exit status: 0 done; 1 failed (nothing more was sent than the output says); 2 some changes were "
                        + "not sent this time (listed) and wait for the next sync."})
final class SyncCommand implements Callable<Integer> {
    static final int EXIT_UNSENT = 2;
    enum Action { status, pull, push, sync }

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status, pull, push or sync.")
    Action action;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Your INTOWORK account (pull, push, sync).")
    String email;

    @Option(names = "--password-stdin", description = "Read your password from the first line of standard input.")
    boolean passwordFromStdin;

    @Option(names = "--take", paramLabel = "JOB", description = "Also take these jobs offline.", split = ",")
    List<Integer> take = List.of();

    @Option(names = "--release", paramLabel = "JOB", description = "Bring these jobs back online.", split = ",")
    List<Integer> release = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ResolvedSettings settings = connection.resolve(Cli.settingsLoader);
        try (Database replica = Replica.open(settings, Cli.settingsLoader.paths(), Mappers.all(), () -> false,
                msg -> { })) {
            if (action == Action.status && take.isEmpty() && release.isEmpty()) {
                printStatus(out, replica);
                return 0;
            }
            if (email == null || email.isBlank()) {
                throw new UserFacingException("Give your INTOWORK account with --email to " + action + ".");
            }
            String password = readPassword();
            int unsent = 0;
            try (Database server = Startup.open(settings, Cli.settingsLoader.paths(), () -> false, msg -> { })
                    .database()) {
                SessionContext context = SessionContext.installOn(server.unitOfWork());
                AuthService auth = new AuthService(server.unitOfWork(), context);
                SignedInUser user = auth.signIn(email, password);
                try {
                    SignedIn signedIn = new SignedIn(user, server.unitOfWork(), new ImmediateTaskRunner());
                    new OfflineIdentity(replica.unitOfWork(), Clock.systemUTC())
                            .remember(signedIn, OfflineIdentity.verifier(password));
                    SyncService sync = new SyncService(signedIn, replica.unitOfWork(), SyncService.FailureHook.NONE,
                            Duration.ofSeconds(settings.getInt(SettingKey.OFFLINE_PULL_OVERLAP_SECONDS)),
                            CvFiles.from(settings, Cli.settingsLoader.paths()));
                    for (int job : take) {
                        SyncService.PullReport r = sync.takeOffline(job);
                        out.println("Took job " + job + " offline (" + sync.applicationsOffline(job)
                                + " applications).");
                        print(out, r.cvFiles());
                    }
                    for (int job : release) {
                        sync.bringOnline(job);
                        out.println("Brought job " + job + " back online.");
                    }
                    switch (action) {
                        case push -> unsent = print(out, sync.push());
                        case pull -> print(out, sync.pull());
                        case sync -> {
                            SyncService.SyncReport r = sync.sync(p -> { });
                            unsent = print(out, r.push());
                            print(out, r.pull());
                        }
                        default -> { }
                    }
                } finally {
                    auth.signOut();
                }
            }
            printStatus(out, replica);
            out.flush();
            return unsent > 0 ? EXIT_UNSENT : 0;
        }
    }

    private static int print(PrintWriter out, SyncService.PushReport r) {
        out.println("Pushed: " + r.applied() + " applied, " + r.alreadyApplied() + " already applied earlier, "
                + r.merged() + " notes merged, " + r.conflicts() + " conflict(s) to resolve, " + r.failed().size()
                + " not sent, " + r.heldBack() + " held back behind them.");
        if (r.unsent() > 0) {
            out.println(SyncService.describeUnsent(r));
        }
        return r.unsent();
    }

    private static void print(PrintWriter out, SyncService.PullReport r) {
        out.println("Pulled: " + r.jobs() + " job(s), " + r.applications() + " application(s), " + r.candidates()
                + " candidate(s), " + r.events() + " status event(s); " + r.purgedJobs() + " job(s) removed.");
        print(out, r.cvFiles());
    }

    private static void print(PrintWriter out, CvFiles.Report r) {
        out.println("CV files: " + r.downloaded() + " downloaded, " + r.present() + " already on this computer, "
                + r.tooLarge() + " too large (offline.cv.max.mb), " + r.unreachable() + " unreachable, "
                + r.deleted() + " deleted.");
    }

    private static void printStatus(PrintWriter out, Database replica) {
        SyncCounts c = SyncService.countsIn(replica.unitOfWork());
        OffsetDateTime last = SyncService.lastSyncIn(replica.unitOfWork());
        out.println("Offline copy: " + c.jobs() + " job(s), " + c.applications() + " application(s); "
                + c.pending() + " operation(s) waiting, " + c.conflicts() + " conflict(s); last sync: "
                + (last == null ? "never" : last) + ".");
    }

    private String readPassword() throws IOException {
        if (passwordFromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UserFacingException("No password on standard input; nothing was synced.");
            }
            return line;
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("No terminal to ask for the password: use --password-stdin.");
        }
        return new String(console.readPassword("Password for %s: ", email));
    }
}
