package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.live.LiveEvent;
import co.intowork.recruiter.live.LiveFeed;
import co.intowork.recruiter.live.LiveMode;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Signs in and prints, one JSON line each, the changes to applications and notifications that "
                + "you would see on the live board (decision 0021): event, kind (added, moved, changed, removed, "
                + "notification), job, application, version, status, actor (null: the web platform). For IT and "
                + "for tests.",
                "The password comes from the environment variable INTOWORK_PASSWORD, or else from the first line "
                        + "of standard input; never from a flag."})
final class WatchCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Your INTOWORK account.")
    String email;

    @Option(names = "--job", paramLabel = "ID", description = "Only this job's changes.")
    Integer jobId;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N changes (default: never).")
    Integer count;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: never).")
    Integer seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((count != null && count < 1) || (seconds != null && seconds < 1)) {
            throw new UserFacingException("--count and --seconds must be at least 1.");
        }
        String password = StatsCommand.readPassword();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResolvedSettings settings = connection.resolved();
        LiveMode mode = LiveMode.parse(settings.get(SettingKey.LIVE_MODE).orElse("auto"));
        if (mode == LiveMode.OFF) {
            mode = LiveMode.AUTO;
        }
        try (Database db = Startup.open(settings, connection.paths(), () -> false, msg -> { }).database()) {
            SessionContext context = SessionContext.installOn(db.unitOfWork());
            AuthService auth = new AuthService(db.unitOfWork(), context);
            auth.signIn(email, password);
            try {
                CountDownLatch enough = new CountDownLatch(1);
                AtomicInteger printed = new AtomicInteger();
                LiveFeed feed = new LiveFeed(db.unitOfWork(), LiveFeed.directOpener(db.dataSource(),
                        settings.get(SettingKey.LIVE_LISTEN_URL).orElse(null)), mode, jobId,
                        events -> print(out, events, printed, enough));
                try (feed) {
                    feed.start();
                    if (!feed.awaitReady(Duration.ofSeconds(30))) {
                        throw new UserFacingException("The live feed could not start within 30 s: see the log.");
                    }
                    err.println("Watching the changes " + email + " can see"
                            + (jobId == null ? "" : " on job " + jobId) + " ("
                            + (feed.state() == LiveFeed.State.POLLING ? "polling every "
                            + LiveFeed.POLL_PERIOD.toMillis() + " ms" : "listening") + "); Ctrl+C to stop.");
                    err.flush();
                    if (seconds == null) {
                        enough.await();
                    } else {
                        enough.await(seconds, TimeUnit.SECONDS);
                    }
                }
            } finally {
                auth.signOut();
            }
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, List<LiveEvent> events, AtomicInteger printed, CountDownLatch enough) {
        synchronized (out) {
            for (LiveEvent e : events) {
                if (count != null && printed.get() >= count) {
                    break;
                }
                out.println(e.toJson());
                printed.incrementAndGet();
            }
            out.flush();
        }
        if (count != null && printed.get() >= count) {
            enough.countDown();
        }
    }
}
