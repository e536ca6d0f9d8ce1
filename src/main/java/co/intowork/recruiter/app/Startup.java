package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedSchemaStamp;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.seed.DemoCvs;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.sync.OfflineIdentity;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncCounts;
import co.intowork.recruiter.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What happens between double-click and the first screen: open the database, bring an embedded one up to date
 * (and give it demo data the first time), and refuse a server whose schema this version cannot use.
 */
public final class Startup {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    /** {@code offline}: null on the server; otherwise the window works on the offline copy, and why. */
    public record Outcome(Database database, String schemaVersion, List<DemoLogin> demoLogins, Offline offline) {
        public Outcome(Database database, String schemaVersion, List<DemoLogin> demoLogins) {
            this(database, schemaVersion, demoLogins, null);
        }
    }

    /**
     * The server could not be reached and this computer holds an offline copy with jobs and an offline identity:
     * the window opens on the copy. {@code serverAnswers} is the once-a-minute look for the server coming back.
     */
    public record Offline(String reason, int jobs, Duration signInLimit, BooleanSupplier serverAnswers) {
    }

    private Startup() {
    }

    /** The demo's client login on the embedded database (a member of recruiter_app, not a superuser). */
    public static final String DEMO_CLIENT_LOGIN = "intowork_demo";

    /**
     * The embedded database's opening started beside JavaFX's own start (see {@link #startEmbeddedEarly}), not yet
     * taken by the window; its progress goes to whoever listens (the start-up window once it has taken it).
     */
    private static final AtomicReference<Early> early = new AtomicReference<>();

    private static final class Early {
        private volatile Consumer<String> listener = message -> { };
        private volatile String last;
        private CompletableFuture<Outcome> outcome;

        void progress(String message) {
            last = message;
            listener.accept(message);
        }

        Outcome take(Consumer<String> progress) {
            listener = progress;
            String shown = last;
            if (shown != null) {
                progress.accept(shown);
            }
            try {
                return outcome.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /**
     * For the window on the embedded database: opens it (starts its PostgreSQL, checks the schema stamp, loads the
     * demo data the first time, reopens as the client login) while JavaFX starts, instead of after the window
     * shows: on a warm start both take seconds, one after the other until now. The window's {@link #open} takes
     * the outcome; a failure is reported there, as it would have been without this.
     */
    public static void startEmbeddedEarly(SettingsLoader loader, BooleanSupplier onUiThread) {
        ResolvedSettings settings;
        try {
            settings = loader.load(Map.of());
        } catch (RuntimeException e) {
            return; // a broken settings file is reported by the window's start, with the file and line
        }
        if (!ConnectionSettings.wantsEmbedded(settings)) {
            return;
        }
        // its progress (the first start's demo data) is said in the window's language
        Messages.use(Messages.chooseLocale(CompositionRoot.languageSetting(loader), Locale.getDefault()));
        Executor thread = work -> {
            Thread t = new Thread(work, "embedded-database-early-start");
            t.setDaemon(true);
            t.start();
        };
        Early started = new Early();
        started.outcome = CompletableFuture.supplyAsync(() -> open(settings, loader.paths(), true, onUiThread,
                started::progress, false), thread);
        early.set(started);
    }

    /** The early opening of the embedded database, when there is one (null otherwise); waits for it. */
    private static Outcome takeEarly(boolean embedded, Consumer<String> progress) {
        Early started = early.getAndSet(null);
        if (started == null) {
            return null;
        }
        if (!embedded) {
            // the person chose another server: the demo database is not needed
            started.outcome.thenAccept(o -> o.database().close());
            return null;
        }
        return started.take(progress);
    }

    /** For commands: the configured database, never the offline copy (a command must say the server is down). */
    public static Outcome open(ResolvedSettings settings, AppPaths paths, BooleanSupplier onUiThread,
                               Consumer<String> progress) {
        return open(settings, paths, ConnectionSettings.wantsEmbedded(settings), onUiThread, progress, false);
    }

    /** For the window: a server that cannot be reached gives way to the offline copy, when there is one. */
    public static Outcome open(ResolvedSettings settings, AppPaths paths, ServerProfile profile,
                               BooleanSupplier onUiThread, Consumer<String> progress) {
        Outcome started = takeEarly(profile.embedded(), progress);
        return started != null ? started : open(settings, paths, profile.embedded(), onUiThread, progress, true);
    }

    private static Outcome open(ResolvedSettings settings, AppPaths paths, boolean embedded,
                                BooleanSupplier onUiThread, Consumer<String> progress, boolean offlineFallback) {
        Database db;
        Migrator.Status status;
        long t0 = System.nanoTime();
        try {
            db = DatabaseConnector.open(settings, paths, Mappers.all(), onUiThread, progress, embedded);
        } catch (RuntimeException e) {
            return openOffline(settings, paths, embedded || !offlineFallback, onUiThread, progress, e);
        }
        long t1 = System.nanoTime();
        Migrator migrator = new Migrator(db.dataSource());
        // the embedded database checked by Flyway once per build of the migrations, not at every start
        Optional<String> stamped = db.isEmbedded() ? EmbeddedSchemaStamp.version(db.embeddedDataDir())
                : Optional.empty();
        try {
            status = stamped.isPresent() ? EmbeddedSchemaStamp.upToDate(stamped.get()) : migrator.inspect();
        } catch (RuntimeException e) {
            db.close();
            return openOffline(settings, paths, embedded || !offlineFallback, onUiThread, progress, e);
        }
        long t2 = System.nanoTime();
        try {
            List<DemoLogin> logins = List.of();
            if (db.isEmbedded()) {
                if (!status.upToDate()) {
                    progress.accept("Preparing the local database");
                    EmbeddedSchemaStamp.clear(db.embeddedDataDir());
                    // returns only with every migration applied: no second inspection
                    status = EmbeddedSchemaStamp.upToDate(migrator.migrate(false, null, progress).toVersion());
                }
                if (stamped.isEmpty() && status.upToDate()) {
                    EmbeddedSchemaStamp.record(db.embeddedDataDir(), status.currentVersion());
                }
                DemoSeeder seeder = new DemoSeeder(db.unitOfWork());
                logins = seeder.demoLogins();
                Path demoCvs = DemoCvs.folder(paths);
                if (logins.isEmpty()) {
                    progress.accept("Loading demo data (first start only)");
                    logins = seeder.seed(DemoSeeder.Options.demo(42).withCvFolder(demoCvs), step -> {
                        log.info("Demo data: {}", step.describe());
                        progress.accept(Messages.format("seed.progress", step.step(), step.steps(),
                                Messages.text("seed.stage." + step.stage().key())));
                    }).logins();
                }
                if (!DemoCvs.complete(demoCvs)) {
                    // read as the owner (the client login sees one company), written while the window opens
                    DemoCvs.writeInBackground(demoCvs, DemoCvs.profiles(db.unitOfWork(), demoCvs));
                }
                db = DatabaseConnector.reopenEmbeddedAsClient(db, settings, Mappers.all(), onUiThread,
                        DEMO_CLIENT_LOGIN);
            } else {
                requireUsable(status);
            }
            requireClientLogin(db);
            log.info("Opened {} at schema version {} in {} ms: database and pool {} ms, schema {} in {} ms, "
                            + "the rest {} ms", db.target().label(), status.currentVersion(), ms(t0), (t1 - t0) / 1_000_000,
                    stamped.isPresent() ? "stamp current" : "checked by Flyway", (t2 - t1) / 1_000_000, ms(t2));
            return new Outcome(db, status.currentVersion(), logins);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /**
     * Falls back to the offline copy only when the server was not reached at all (a server that answered and refused
     * is reported as such), offline work is allowed, and the copy has jobs and an offline identity to sign in with.
     */
    private static Outcome openOffline(ResolvedSettings settings, AppPaths paths, boolean noFallback,
                                       BooleanSupplier onUiThread, Consumer<String> progress,
                                       RuntimeException failure) {
        if (noFallback || !SqlErrors.isUnreachable(failure) || !settings.getBoolean(SettingKey.OFFLINE_ENABLED)
                || !Replica.exists(paths)) {
            throw failure;
        }
        String reason = SqlErrors.describe(failure);
        log.warn("Server unreachable ({}); opening the offline copy", reason);
        Outcome copy;
        try {
            copy = openCopy(settings, paths, onUiThread, progress, reason);
        } catch (RuntimeException e) {
            log.error("The offline copy could not be opened either", e);
            failure.addSuppressed(e);
            throw failure;
        }
        if (copy == null) {
            throw failure;
        }
        return copy;
    }

    /**
     * The offline copy as the window's database; null when it holds no job or nobody to sign in offline (it is
     * closed again then).
     */
    static Outcome openCopy(ResolvedSettings settings, AppPaths paths, BooleanSupplier onUiThread,
                            Consumer<String> progress, String reason) {
        Database replica = Replica.open(settings, paths, Mappers.all(), onUiThread, progress);
        try {
            SyncCounts counts = SyncService.countsIn(replica.unitOfWork());
            if (counts.jobs() == 0 || !new OfflineIdentity(replica.unitOfWork(), Clock.systemUTC()).isKnown()) {
                replica.close();
                return null;
            }
            String version = new Migrator(replica.dataSource()).inspect().currentVersion();
            return new Outcome(replica, version, List.of(), new Offline(reason, counts.jobs(),
                    Duration.ofDays(settings.getInt(SettingKey.OFFLINE_SIGN_IN_DAYS)),
                    () -> DatabaseConnector.serverAnswers(settings)));
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /**
     * Refuses a login that would bypass row-level security: the client must never show one company another's
     * data, whatever login IT configured.
     */
    static void requireClientLogin(Database db) {
        String problem = db.unitOfWork().inTransaction(s -> s.getMapper(SessionMapper.class).clientLoginProblem());
        if (problem == null) {
            return;
        }
        String who = "The database login \"" + db.target().user() + "\" ";
        throw new UserFacingException(switch (problem) {
            case "superuser", "bypassrls", "owner" -> who + "can see every company's data ("
                    + (problem.equals("owner") ? "it owns the platform's tables" : "it is a " + problem + " role")
                    + "), so IntoWork Recruiter will not use it. Ask IT for a client login: "
                    + "`intowork-recruiter client-login create NAME`.";
            default -> who + "is not a member of recruiter_app. Ask IT to create a client login with "
                    + "`intowork-recruiter client-login create NAME`, or to run GRANT recruiter_app TO "
                    + db.target().user() + ".";
        });
    }

    static void requireUsable(Migrator.Status status) {
        switch (status.state()) {
            case EMPTY -> throw new UserFacingException("The database is empty. Ask IT to run "
                    + "`intowork-recruiter migrate` against it first.");
            case PLATFORM_UNMANAGED -> throw new UserFacingException("The INTOWORK database has not been prepared "
                    + "for IntoWork Recruiter yet. Ask IT to run `intowork-recruiter migrate --baseline` once.");
            case FOREIGN -> throw new UserFacingException("The configured database is not an INTOWORK database. "
                    + "Check the server address in the settings.");
            case MANAGED -> {
                if (status.ahead()) {
                    throw new UserFacingException("The database (schema version " + status.currentVersion()
                            + ") is newer than this version of IntoWork Recruiter. Install the latest version.");
                }
                if (!status.pending().isEmpty()) {
                    throw new UserFacingException("The database is at schema version " + status.currentVersion()
                            + " but this version of IntoWork Recruiter needs " + status.latestVersion()
                            + ". Ask IT to run `intowork-recruiter migrate`.");
                }
            }
            default -> throw new IllegalStateException(status.state().name());
        }
    }
}
