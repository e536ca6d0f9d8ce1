package co.intowork.recruiter.app;

import co.intowork.recruiter.common.StartupClock;
import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.LastSignIn;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State of the main window, and the coordination of its parts: opening the database, signing in and out (with the
 * question about unsaved work and the offline copy), switching between the server and the offline copy, and the
 * workspace of the person signed in. The parts: {@link Navigation} (the chosen section), {@link SessionRetry}
 * (work that survives the end of a session), {@link PersonalCopy} (the person's offline copy and verifier),
 * {@link OfflineMode} (working on the copy, and the look for the server), {@link SignOutQuestion}, {@link Shutdown}.
 * No scene-graph types.
 */
public final class MainViewModel {
    private static final Logger log = LoggerFactory.getLogger(MainViewModel.class);
    static final Duration REFRESH_PERIOD = Duration.ofMinutes(1);

    /** Opens the database of a server profile off the UI thread, reporting progress; the app passes Startup. */
    @FunctionalInterface
    public interface Opener {
        Startup.Outcome open(ServerProfile profile, Consumer<String> progress);
    }

    private final TaskRunner tasks;
    private final Opener opener;
    private final LoginViewModel login;
    private final LastSignIn lastSignIn;
    private final OfflineCopy offlineCopy;
    private final Supplier<WorkspaceSettings> workspaceSettings;

    private final Navigation navigation;
    private final SessionRetry sessionRetry;
    private final PersonalCopy personalCopy;
    private final OfflineMode offlineMode;
    private final Shutdown shutdown;
    private final SignOutQuestion signOutQuestion;

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty connectionLabel = new SimpleStringProperty(Messages.text("main.notConnected"));
    private final StringProperty schemaLabel = new SimpleStringProperty("");
    private final ObjectProperty<Database> database = new SimpleObjectProperty<>();
    private final ObjectProperty<SignedInUser> signedInUser = new SimpleObjectProperty<>();
    private final BooleanProperty sessionEnded = new SimpleBooleanProperty(false);
    private final StringProperty userLabel = new SimpleStringProperty("");
    private final StringProperty homeSummary = new SimpleStringProperty("");
    private final StringProperty workspaceError = new SimpleStringProperty("");
    private final ObjectProperty<SignedIn> signedIn = new SimpleObjectProperty<>();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private BooleanSupplier unsavedWork = () -> false;
    private final BooleanBinding showLogin;
    private final BooleanBinding workspaceEnabled;

    private ServerProfile openedProfile;
    private Authenticator auth;
    private TaskRunner.Cancellable minuteTimer;

    public MainViewModel(TaskRunner tasks, LoginViewModel login, Opener opener, LastSignIn lastSignIn) {
        this(tasks, login, opener, lastSignIn, OfflineCopy.none());
    }

    MainViewModel(TaskRunner tasks, LoginViewModel login, Opener opener, LastSignIn lastSignIn,
                  OfflineCopy offlineCopy) {
        this(tasks, login, opener, lastSignIn, offlineCopy, WorkspaceSettings::defaults);
    }

    MainViewModel(TaskRunner tasks, LoginViewModel login, Opener opener, LastSignIn lastSignIn,
                  OfflineCopy offlineCopy, Supplier<WorkspaceSettings> workspaceSettings) {
        this(tasks, login, opener, lastSignIn, offlineCopy, workspaceSettings, List.of(Section.values()));
    }

    /** {@code sections}: the screens of the workspace, in the navigation's order (the registry's, in the app). */
    MainViewModel(TaskRunner tasks, LoginViewModel login, Opener opener, LastSignIn lastSignIn,
                  OfflineCopy offlineCopy, Supplier<WorkspaceSettings> workspaceSettings, List<Section> sections) {
        this.tasks = tasks;
        this.opener = opener;
        this.login = login;
        this.lastSignIn = lastSignIn;
        this.offlineCopy = offlineCopy;
        this.workspaceSettings = workspaceSettings;
        workspaceEnabled = Bindings.createBooleanBinding(
                () -> signedInUser.get() != null && !sessionEnded.get(), signedInUser, sessionEnded);
        this.navigation = new Navigation(sections, workspaceEnabled::get);
        this.sessionRetry = new SessionRetry(tasks, this::sessionHasEnded);
        this.personalCopy = new PersonalCopy(offlineCopy);
        this.offlineMode = new OfflineMode(tasks);
        this.shutdown = new Shutdown(tasks);
        this.signOutQuestion = new SignOutQuestion(tasks, db -> SyncService.countsIn(db.unitOfWork()),
                new SignOutQuestion.Copy() {
                    @Override
                    public boolean worthAsking() {
                        return offlineCopy.exists() || offlineMode.active();
                    }

                    @Override
                    public Supplier<Database> database() {
                        return offlineDatabase();
                    }
                }, this::finishSignOut);
        login.setSubmitter(this::signIn);
        login.selectedProfileProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(openedProfile) && signedInUser.get() == null && !busy.get()) {
                close();
                start();
            }
        });
        showLogin = Bindings.createBooleanBinding(
                () -> database.get() != null && !busy.get() && (signedInUser.get() == null || sessionEnded.get()),
                database, busy, signedInUser, sessionEnded);
        signedInUser.addListener((obs, old, now) -> userLabel.set(now == null ? ""
                : Messages.format("main.user", now.displayName(), now.roleDescription())));
        signedIn.addListener((obs, old, now) -> openWorkspace(now));
    }

    public void start() {
        ServerProfile profile = login.selectedProfileProperty().get();
        busy.set(true);
        errorMessage.set("");
        progressMessage.set(Messages.text("main.starting"));
        tasks.run(() -> opener.open(profile, this::showProgress), outcome -> opened(profile, outcome),
                this::openFailed);
    }

    public void retry() {
        start();
    }

    /** Progress reported from the background, shown on the UI thread. */
    private void showProgress(String message) {
        tasks.onUi(() -> progressMessage.set(message));
    }

    private void opened(ServerProfile profile, Startup.Outcome outcome) {
        openedProfile = profile;
        Database db = outcome.database();
        Startup.Offline off = outcome.offline();
        auth = OfflineMode.authenticator(db, off);
        offlineMode.opened(off);
        database.set(db);
        connectionLabel.set(off == null ? db.target().label() : Messages.text("offline.connection"));
        if (off != null) {
            login.noticeProperty().set(offlineMode.notice());
        }
        schemaLabel.set(Messages.format("main.schema", outcome.schemaVersion()));
        login.demoLogins().setAll(outcome.demoLogins());
        progressMessage.set("");
        busy.set(false);
        StartupClock.reached("sign-in form usable");
    }

    private void openFailed(Throwable failure) {
        String message = SqlErrors.describe(failure);
        log.error("Start-up failed: {}", message, failure);
        errorMessage.set(message);
        connectionLabel.set(Messages.text("main.notConnected"));
        progressMessage.set("");
        busy.set(false);
    }

    // --- signing in ---------------------------------------------------------------------------------------------

    private void signIn(String email, String password) {
        Authenticator service = auth;
        if (service == null) {
            return;
        }
        StartupClock.reached("sign-in submitted");
        login.signingInProperty().set(true);
        boolean onServer = !offlineMode.active();
        tasks.run(() -> {
                    SignedInUser user = service.signIn(email, password);
                    if (onServer) {
                        personalCopy.passwordAccepted(password);
                    }
                    return new Home(user, service.visibleJobCount(user));
                },
                home -> signedIn(email, onServer, home),
                failure -> {
                    login.signingInProperty().set(false);
                    login.clearPassword();
                    login.errorMessageProperty().set(SqlErrors.describe(failure));
                    log.info("Sign-in refused: {}", SqlErrors.describe(failure));
                });
    }

    private void signedIn(String email, boolean onServer, Home home) {
        SignedInUser previous = signedInUser.get();
        boolean samePerson = previous != null && previous.userId() == home.user().userId();
        signedInUser.set(home.user());
        if (!samePerson) {
            closeInBackground(personalCopy.newPerson(onServer));
            signedIn.set(new SignedIn(home.user(), database.get().unitOfWork(), sessionRetry.asTaskRunner(),
                    !onServer));
        }
        homeSummary.set(OfflineMode.summary(!onServer, home.user(), home.visibleJobs()));
        sessionEnded.set(false);
        workspaceError.set("");
        login.reset();
        if (!onServer) {
            login.noticeProperty().set(offlineMode.notice());
        }
        if (lastSignIn != null && openedProfile != null) {
            lastSignIn.save(new LastSignIn.Remembered(email, openedProfile.id()));
        }
        sessionRetry.signedInAgain(samePerson);
    }

    /**
     * A workspace for the person now signed in (none after signing out): the previous one lets go of its
     * connections, the new one is refreshed at once and then once a minute, beside the look for the server.
     */
    private void openWorkspace(SignedIn now) {
        if (minuteTimer != null) {
            minuteTimer.cancel();
            minuteTimer = null;
        }
        Workspace previous = workspace.get();
        if (previous != null) {
            // closing the statistics replica's pool may wait for the network: not on the UI thread, and to the end
            // even when the app is closing (this ViewModel owns the offline copy)
            tasks.runToEnd("close-workspace", previous::close);
        }
        if (now == null) {
            workspace.set(null);
            return;
        }
        Workspace opened = new Workspace(navigation.sections(), now, workspaceSettings.get(), offlineDatabase(),
                offlineCopy::exists, copyRepair(), this::select);
        unsavedWork = opened::hasUnsavedWork;
        workspace.set(opened);
        opened.refresh();
        minuteTimer = tasks.every(REFRESH_PERIOD, () -> {
            opened.refresh();
            checkServer();
        });
    }

    // --- signing out --------------------------------------------------------------------------------------------

    /**
     * Signs out; with typing not saved yet (a review's notes), first asks whether to sign out anyway. When this
     * computer holds an offline copy, then asks whether to keep it (for working offline later)
     * or wipe it, saying how many changes in it have not reached the server yet.
     */
    public void signOut() {
        signOutQuestion.ask(unsavedWork);
    }

    /** For tests: what says whether the workspace holds typing not saved yet (the workspace's own otherwise). */
    void setUnsavedWork(BooleanSupplier unsavedWork) {
        this.unsavedWork = unsavedWork == null ? () -> false : unsavedWork;
    }

    /** The answer "sign out anyway" to the unsaved-work question: the unsaved typing is dropped. */
    public void signOutDiscardingChanges() {
        signOutQuestion.discardChanges();
    }

    public void cancelSignOut() {
        signOutQuestion.cancel();
    }

    /** The answer to the sign-out question: wipe the offline copy, or keep it. */
    public void confirmSignOut(boolean wipeCopy) {
        signOutQuestion.confirm(wipeCopy);
    }

    private void finishSignOut(boolean wipeCopy) {
        Authenticator service = auth;
        Replica.Lazy copy = personalCopy.release();
        boolean onCopy = offlineMode.active();
        Database db = database.get();
        leaveWorkspace();
        if (onCopy && !wipeCopy) {
            login.noticeProperty().set(offlineMode.notice());
        }
        if (wipeCopy && onCopy) {
            // the window works on the copy itself: close it, wipe it, then look for the server again
            auth = null;
            database.set(null);
            busy.set(true);
        }
        tasks.run(() -> {
            if (service != null) {
                service.signOut();
            }
            if (copy != null) {
                copy.close();
            }
            if (wipeCopy) {
                if (onCopy) {
                    db.close();
                }
                offlineCopy.wipe();
            }
            return null;
        }, ok -> {
            if (wipeCopy && onCopy) {
                busy.set(false);
                start();
            }
        }, failure -> {
            busy.set(false);
            String message = SqlErrors.describe(failure);
            log.error("Sign-out: {}", message, failure);
            errorMessage.set(message);
        });
    }

    /** Back to the sign-in form: no one signed in, the workspace gone. */
    private void leaveWorkspace() {
        unsavedWork = () -> false;
        signedIn.set(null);
        signedInUser.set(null);
        sessionEnded.set(false);
        sessionRetry.forget();
        homeSummary.set("");
        navigation.reset();
        login.reset();
    }

    // --- the offline copy ---------------------------------------------------------------------------------------

    /**
     * The offline copy for the workspace: the window's own database when working offline; else the signed-in
     * person's copy, opened on first use, which then also keeps who signed in (for signing in offline later).
     */
    public Supplier<Database> offlineDatabase() {
        if (offlineMode.active()) {
            Database db = database.get();
            return () -> db;
        }
        return personalCopy.database(signedIn.get());
    }

    /** What the Offline section may do about a damaged copy: the copy of the person signed in on the server. */
    public CopyRepair copyRepair() {
        return personalCopy.repair();
    }

    /** Whether this computer holds an offline copy (a look at the disk: nothing is started). */
    public boolean offlineCopyExists() {
        return offlineCopy.exists();
    }

    /**
     * The server stopped answering during the session: carry on with the jobs kept on this computer. Leaves the
     * server session (ended on the server if it still can be, else it expires), closes the server's pool and the
     * person's copy, and opens the copy as the window's database, where they sign in offline.
     */
    public void workOffline() {
        if (!offlineMode.active() && database.get() != null && !busy.get()) {
            ServerProfile profile = openedProfile;
            switchDatabase("", () -> tasks.run(() -> offlineCopy.open(this::showProgress),
                    outcome -> opened(profile, outcome), this::openFailed));
        }
    }

    /** Working offline: the once-a-minute look whether the server answers again. */
    public void checkServer() {
        offlineMode.checkServer(busy.get());
    }

    /**
     * Leaves the offline copy for the server: signs out of the copy (its outbox stays) and opens the server, whose
     * sign-in then sends what waits.
     */
    public void reconnect() {
        if (offlineMode.active() && database.get() != null && !busy.get()) {
            switchDatabase(Messages.text("offline.reconnected"), this::start);
        }
    }

    /**
     * Leaves the window's database for another (the server for the copy, or back): ends the session, keeps the email
     * address on the form, and closes the database and the person's copy off the UI thread (stopping an embedded
     * server takes a moment) before {@code next} opens the other one.
     */
    private void switchDatabase(String notice, Runnable next) {
        Database db = database.get();
        Authenticator service = auth;
        Replica.Lazy copy = personalCopy.release();
        String email = signedInUser.get() == null ? login.emailProperty().get() : signedInUser.get().email();
        auth = null;
        leaveWorkspace();
        login.emailProperty().set(email);
        login.noticeProperty().set(notice);
        database.set(null);
        offlineMode.left();
        busy.set(true);
        progressMessage.set(Messages.text("main.starting"));
        tasks.run(() -> {
            if (service != null) {
                service.signOut();
            }
            if (copy != null) {
                copy.close();
            }
            db.close();
            return null;
        }, ok -> next.run(), failure -> {
            log.warn("Closing the database: {}", SqlErrors.describe(failure));
            next.run();
        });
    }

    // --- the session ending -------------------------------------------------------------------------------------

    /** Reloads what the workspace shows; the first thing to ask again after a session ends. */
    public void refresh() {
        SignedInUser user = signedInUser.get();
        Authenticator service = auth;
        if (user == null || service == null) {
            return;
        }
        runSignedIn(() -> service.visibleJobCount(user),
                count -> homeSummary.set(OfflineMode.summary(offlineMode.active(), user, count)));
    }

    /**
     * Runs database work for the signed-in person. When the database says the session has ended, the login form
     * asks for the password again over the unchanged workspace, and the work runs again once signed in.
     */
    public <T> void runSignedIn(Callable<T> work, Consumer<T> onSuccess) {
        sessionRetry.run(work, onSuccess, failure -> {
            String message = SqlErrors.describe(failure);
            log.error("{}", message, failure);
            workspaceError.set(message);
        });
    }

    private void sessionHasEnded(Throwable failure) {
        SignedInUser user = signedInUser.get();
        log.info("Session ended; asking {} to sign in again", user == null ? "?" : user.userId());
        login.askToSignInAgain(user == null ? "" : user.email(), SqlErrors.describe(failure));
        sessionEnded.set(true);
    }

    // --- navigation and help ------------------------------------------------------------------------------------

    public void select(Section s) {
        navigation.select(s);
    }

    /** The sections of the navigation, in order. */
    List<Section> sections() {
        return navigation.sections();
    }

    public void toggleHelp() {
        navigation.toggleHelp();
    }

    public void hideHelp() {
        navigation.hideHelp();
    }

    public BooleanProperty helpVisibleProperty() {
        return navigation.helpVisibleProperty();
    }

    private record Home(SignedInUser user, long visibleJobs) {
    }

    // --- closing ------------------------------------------------------------------------------------------------

    public void close() {
        Database db = database.get();
        shutdown.close(personalCopy.release(), auth, () -> {
            auth = null;
            signedIn.set(null);
            signedInUser.set(null);
            database.set(null);
            offlineMode.left();
        }, db == null ? null : db::close);
    }

    /** Someone else signed in over an ended session: the previous person's copy stops off the UI thread. */
    private void closeInBackground(Replica.Lazy copy) {
        if (copy != null) {
            tasks.run(() -> {
                copy.close();
                return null;
            }, ok -> { }, failure -> log.warn("Closing the offline copy: {}", SqlErrors.describe(failure)));
        }
    }

    // --- properties ---------------------------------------------------------------------------------------------

    public LoginViewModel login() {
        return login;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel;
    }

    public ReadOnlyStringProperty schemaLabelProperty() {
        return schemaLabel;
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return navigation.sectionProperty();
    }

    public ReadOnlyObjectProperty<Database> databaseProperty() {
        return database;
    }

    public ReadOnlyObjectProperty<SignedInUser> signedInUserProperty() {
        return signedInUser;
    }

    /** Set once per signed-in person (not again when they sign in again after a session ended). */
    public ReadOnlyObjectProperty<SignedIn> signedInProperty() {
        return signedIn;
    }

    /** The signed-in person's screens; null while nobody is signed in. */
    ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** Non-null while the window works on the offline copy. */
    public ReadOnlyObjectProperty<Startup.Offline> offlineProperty() {
        return offlineMode.offlineProperty();
    }

    public ReadOnlyBooleanProperty serverAnswersProperty() {
        return offlineMode.serverAnswersProperty();
    }

    /** Non-empty while sign-out asks whether to keep the offline copy. */
    public ReadOnlyStringProperty signOutQuestionProperty() {
        return signOutQuestion.questionProperty();
    }

    /** True while the sign-out question is about unsaved work rather than the offline copy. */
    public ReadOnlyBooleanProperty signOutUnsavedProperty() {
        return signOutQuestion.aboutUnsavedWorkProperty();
    }

    public ReadOnlyBooleanProperty sessionEndedProperty() {
        return sessionEnded;
    }

    public ReadOnlyStringProperty userLabelProperty() {
        return userLabel;
    }

    public ReadOnlyStringProperty homeSummaryProperty() {
        return homeSummary;
    }

    public ReadOnlyStringProperty workspaceErrorProperty() {
        return workspaceError;
    }

    public BooleanBinding showLoginProperty() {
        return showLogin;
    }

    public BooleanBinding workspaceEnabledProperty() {
        return workspaceEnabled;
    }

    /** What the workspace of the person signing in takes from the settings. */
    WorkspaceSettings workspaceSettings() {
        return workspaceSettings.get();
    }
}
