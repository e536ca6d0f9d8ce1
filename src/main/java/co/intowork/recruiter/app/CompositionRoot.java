package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.messages.SmtpSettings;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.settings.LastSignIn;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsException;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.stats.StatsSettings;
import co.intowork.recruiter.sync.CvFiles;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one place where the window's objects are built and wired: the settings it is handed (read once, by the
 * launcher), the main window's ViewModel and what it needs, and the settings of the signed-in workspace. Nothing
 * else reads settings or constructs a service for the window; ViewModels receive what they use.
 */
final class CompositionRoot {
    private final SettingsLoader settings;

    CompositionRoot(SettingsLoader settings) {
        this.settings = settings;
    }

    /** The language the settings ask for, or "system"; a broken file is reported later by the start-up itself. */
    static String languageSetting(SettingsLoader loader) {
        try {
            return loader.load(Map.of()).get(SettingKey.UI_LANGUAGE).orElse("system");
        } catch (SettingsException e) {
            return "system";
        }
    }

    String languageSetting() {
        return languageSetting(settings);
    }

    /**
     * Before JavaFX starts: the embedded database's opening begins beside it (see
     * {@link Startup#startEmbeddedEarly}); the window's start takes its outcome. JavaFX must not be touched from that
     * thread before it has started (Platform.isFxApplicationThread would initialise its toolkit there, and a missing
     * GTK would then fail there first): the UI thread is recognised by its name for the UnitOfWork's guard.
     */
    static void openEmbeddedEarly(SettingsLoader settings) {
        Startup.startEmbeddedEarly(settings,
                () -> "JavaFX Application Thread".equals(Thread.currentThread().getName()));
    }

    /** The main window's ViewModel: sign-in form, start-up, the offline copy and the workspace's settings. */
    MainViewModel mainViewModel(TaskRunner tasks, BooleanSupplier onUiThread) {
        LastSignIn lastSignIn = LastSignIn.in(settings.paths());
        return new MainViewModel(tasks, loginViewModel(lastSignIn),
                (profile, progress) -> Startup.open(settings.load(Map.of()), settings.paths(), profile,
                        onUiThread, progress),
                lastSignIn, OfflineCopy.at(settings), this::workspaceSettings);
    }

    /** What the signed-in workspace reads from the settings, read again at each sign-in (an edit takes effect). */
    WorkspaceSettings workspaceSettings() {
        return new WorkspaceSettings(cvFiles(), statsSettings(), undoWindow(), smtpSettings(), liveMode(),
                liveListenUrl());
    }

    /** The servers to offer, with the one and the email address last used chosen. */
    private LoginViewModel loginViewModel(LastSignIn lastSignIn) {
        List<ServerProfile> profiles;
        try {
            ResolvedSettings resolved = settings.load(Map.of());
            String server = resolved.get(SettingKey.DB_URL).map(DatabaseConnector::describeUrl).orElse("");
            profiles = ServerProfile.from(resolved, server);
        } catch (SettingsException e) {
            // a broken settings file is reported by the start-up itself, with the file and line
            profiles = List.of(new ServerProfile(ServerProfile.SERVER, "INTOWORK server", false));
        }
        Optional<LastSignIn.Remembered> last = lastSignIn.load();
        List<ServerProfile> offered = profiles;
        ServerProfile initial = last.flatMap(r -> offered.stream().filter(p -> p.id().equals(r.profileId()))
                .findFirst()).orElse(offered.get(0));
        LoginViewModel login = new LoginViewModel(offered, initial);
        last.ifPresent(r -> login.emailProperty().set(r.email()));
        return login;
    }

    /** Where CV files are kept offline; a broken value means CV files are not downloaded (metadata still is). */
    private CvFiles cvFiles() {
        try {
            return CvFiles.from(settings.load(Map.of()), settings.paths());
        } catch (SettingsException e) {
            LoggerFactory.getLogger(CompositionRoot.class).warn("Offline CV settings: {}", e.getMessage());
            return null;
        }
    }

    /** How long a move's notification waits for an undo; a broken value gives the default, said in the log. */
    private java.time.Duration undoWindow() {
        try {
            return StatusNotificationDelivery.undoWindow(settings.load(Map.of()));
        } catch (SettingsException e) {
            LoggerFactory.getLogger(CompositionRoot.class).warn("Undo window: {}", e.getMessage());
            return BoardService.DEFAULT_UNDO_WINDOW;
        }
    }

    /** Candidates' messages' SMTP server; a broken value means none (the mail program is offered), said in the log. */
    private SmtpSettings smtpSettings() {
        try {
            return SmtpSettings.from(settings.load(Map.of())).orElse(null);
        } catch (SettingsException e) {
            LoggerFactory.getLogger(CompositionRoot.class).warn("SMTP settings: {}", e.getMessage());
            return null;
        }
    }

    /** The live board's mode (decision 0021); a broken value gives auto, said in the log. */
    private co.intowork.recruiter.live.LiveMode liveMode() {
        try {
            return co.intowork.recruiter.live.LiveMode.parse(settings.load(Map.of()).get(SettingKey.LIVE_MODE)
                    .orElse("auto"));
        } catch (SettingsException | IllegalArgumentException e) {
            LoggerFactory.getLogger(CompositionRoot.class).warn("Live board: {}", e.getMessage());
            return co.intowork.recruiter.live.LiveMode.AUTO;
        }
    }

    private String liveListenUrl() {
        try {
            return settings.load(Map.of()).get(SettingKey.LIVE_LISTEN_URL).orElse(null);
        } catch (SettingsException e) {
            return null;
        }
    }

    /** The replica and stale threshold; a broken value leaves statistics on the main database with defaults. */
    private StatsSettings statsSettings() {
        try {
            return StatsSettings.from(settings.load(Map.of()));
        } catch (SettingsException e) {
            LoggerFactory.getLogger(CompositionRoot.class).warn("Statistics settings: {}", e.getMessage());
            return StatsSettings.defaults();
        }
    }
}
