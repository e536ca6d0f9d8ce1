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
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.sync.CopyDamage;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Offline review (decision 0010): the jobs kept on this computer, and their sync with the server.",
                "status: what the offline copy holds and what waits (no server needed); pull: copy the server's "
                        + "changes; push: send the work done offline; sync: push then pull.",
                "--take JOB adds a job to the offline copy, --release JOB sends its work and removes it.",
                "rebuild-copy: a damaged copy is kept aside and replaced by a new one holding the same jobs (copied "
                        + "again at the next sync) and the changes not yet sent (no server needed).",
                "Exit status: 0 done; 1 failed (nothing more was sent than the output says); 2 some changes were "
                        + "not sent this time (listed) and wait for the next sync."})
final class SyncCommand implements Callable<Integer> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncCommand.class);
    static final int EXIT_UNSENT = 2;
    enum Action {
        status, pull, push, sync, rebuildCopy;

        static final class Converter implements picocli.CommandLine.ITypeConverter<Action> {
            @Override
            public Action convert(String value) {
                return value.equals("rebuild-copy") ? rebuildCopy : Action.valueOf(value);
            }
        }
    }

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ACTION", converter = Action.Converter.class,
            description = "status, pull, push, sync or rebuild-copy.")
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
        long start = System.nanoTime();
        log.info("sync {}: {} ms since the JVM started", action,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        try {
            return run();
        } finally {
            log.info("sync {}: {} ms in the command, the offline copy's stop included", action, ms(start));
        }
    }

    private int run() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ResolvedSettings settings = connection.resolved();
        AppPaths paths = connection.paths();
        if (action == Action.rebuildCopy) {
            CopyDamage.Rebuilt r = CopyDamage.rebuild(settings, paths, Mappers.all());
            out.println(CopyDamage.describe(r));
            if (r.export() != null) {
                out.println("Unsent changes exported to " + r.export() + ".");
            }
            out.flush();
            return 0;
        }
        if (action == Action.status && take.isEmpty() && release.isEmpty()) {
            return withCopy(settings, paths, openCopy(settings, paths), replica -> {
                printStatus(out, replica);
                return 0;
            });
        }
        if (email == null || email.isBlank()) {
            throw new UserFacingException("Give your INTOWORK account with --email to " + action + ".");
        }
        String password = readPassword();
        // The copy starts, and the password's offline verifier (PBKDF2, deliberately slow) is computed, while the
        // server is opened and the person signs in: these were one after the other, about 6 s before any sync work
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sync-start");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Database> copy = CompletableFuture.supplyAsync(openCopy(settings, paths),
                    background);
            CompletableFuture<String> verifier = CompletableFuture.supplyAsync(
                    () -> OfflineIdentity.verifier(password), background);
            Database server;
            long t = System.nanoTime();
            try {
                server = Startup.open(settings, paths, () -> false, msg -> { }).database();
            } catch (RuntimeException e) {
                copy.whenComplete((db, failure) -> {
                    if (db != null) {
                        db.close();
                    }
                }).exceptionally(f -> null).join();
                throw e;
            }
            try (server) {
                log.info("sync {}: server opened and checked in {} ms", action, ms(t));
                return withCopy(settings, paths, () -> join(copy),
                        replica -> syncWith(out, settings, paths, server, replica, password, verifier));
            }
        } finally {
            background.shutdownNow();
        }
    }

    private int syncWith(PrintWriter out, ResolvedSettings settings, AppPaths paths, Database server,
                         Database replica, String password, CompletableFuture<String> verifier) {
        long t = System.nanoTime();
        int unsent = 0;
        SessionContext context = SessionContext.installOn(server.unitOfWork());
        AuthService auth = new AuthService(server.unitOfWork(), context);
        SignedInUser user = auth.signIn(email, password);
        try {
            SignedIn signedIn = new SignedIn(user, server.unitOfWork(), new ImmediateTaskRunner());
            new OfflineIdentity(replica.unitOfWork(), Clock.systemUTC()).remember(signedIn, join(verifier));
            log.info("sync {}: copy ready, signed in and offline identity kept {} ms after the server", action,
                    ms(t));
            t = System.nanoTime();
            SyncService sync = new SyncService(signedIn, replica.unitOfWork(), SyncService.FailureHook.NONE,
                    Duration.ofSeconds(settings.getInt(SettingKey.OFFLINE_PULL_OVERLAP_SECONDS)),
                    CvFiles.from(settings, paths));
            for (int job : take) {
                SyncService.PullReport r = sync.takeOffline(job);
                out.println("Took job " + job + " offline (" + sync.applicationsOffline(job) + " applications).");
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
            log.info("sync {}: sync work in {} ms", action, ms(t));
        } finally {
            auth.signOut();
        }
        printStatus(out, replica);
        out.flush();
        return unsent > 0 ? EXIT_UNSENT : 0;
    }

    private static Supplier<Database> openCopy(ResolvedSettings settings, AppPaths paths) {
        return () -> Replica.open(settings, paths, Mappers.all(), () -> false, msg -> { });
    }

    /**
     * Runs the work on the copy; a failure of the copy's own files is reported as its damage (what is wrong, what is
     * safe, the unsent operations exported while the copy is still open, how to rebuild), never as "try again".
     */
    private static int withCopy(ResolvedSettings settings, AppPaths paths, Supplier<Database> opener,
                                Function<Database, Integer> work) {
        Database replica = opener.get();
        try {
            return work.apply(replica);
        } catch (RuntimeException e) {
            if (CopyDamage.isDamage(e) && !(e instanceof SyncService.PushInterrupted)) {
                throw CopyDamage.report(e, replica.unitOfWork(), paths);
            }
            throw e;
        } finally {
            replica.close();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
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
