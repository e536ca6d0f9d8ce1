package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.LastSignIn;
import co.intowork.recruiter.sync.OfflineIdentity;
import co.intowork.recruiter.sync.OfflineSignIn;
import co.intowork.recruiter.sync.CopyDamage;
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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * State of the main window: opening the database, signing in and out, the chosen section, and what happens when
 * the database ends a session (ask again, keep everything on screen, then carry on). No scene-graph types.
 */
public final class MainViewModel {
    private static final Logger log = LoggerFactory.getLogger(MainViewModel.class);

    /** Opens the database of a server profile off the UI thread, reporting progress; the app passes Startup. */
    @FunctionalInterface
    public interface Opener {
        Startup.Outcome open(ServerProfile profile, Consumer<String> progress);
    }

    private final TaskRunner tasks;
    private final Opener opener;
    private final LoginViewModel login;
    private final LastSignIn lastSignIn;

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty connectionLabel = new SimpleStringProperty(Messages.text("main.notConnected"));
    private final StringProperty schemaLabel = new SimpleStringProperty("");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.PIPELINE);
    private final ObjectProperty<Database> database = new SimpleObjectProperty<>();
    private final ObjectProperty<SignedInUser> signedInUser = new SimpleObjectProperty<>();
    private final BooleanProperty sessionEnded = new SimpleBooleanProperty(false);
    private final StringProperty userLabel = new SimpleStringProperty("");
    private final StringProperty homeSummary = new SimpleStringProperty("");
    private final StringProperty workspaceError = new SimpleStringProperty("");
    private final ObjectProperty<SignedIn> signedIn = new SimpleObjectProperty<>();
    private final BooleanProperty helpVisible = new SimpleBooleanProperty(false);
    private final ObjectProperty<Startup.Offline> offline = new SimpleObjectProperty<>();
    private final BooleanProperty serverAnswers = new SimpleBooleanProperty(false);
    private final StringProperty signOutQuestion = new SimpleStringProperty("");
    // the sign-out question is about unsaved work (sign out anyway?), not about the offline copy
    private final BooleanProperty signOutUnsaved = new SimpleBooleanProperty(false);
    private BooleanSupplier unsavedWork = () -> false;
    private final BooleanBinding showLogin;
    private final BooleanBinding workspaceEnabled;

    private final OfflineCopy offlineCopy;
    private final List<Section> sections;
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private TaskRunner.Cancellable minuteTimer;
    private final Supplier<WorkspaceSettings> workspaceSettings;
    private ServerProfile openedProfile;
    private Authenticator auth;
    private Runnable retryAfterSignIn;
    // per person signed in on the server: their offline copy (opened on first use) and, until it is opened, a
    // verifier of the password they signed in with, for signing in offline later (never the password itself)
    private Replica.Lazy replica;
    private volatile CompletableFuture<String> offlineVerifier;

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
        this.offlineCopy = offlineCopy;
        this.workspaceSettings = workspaceSettings;
        this.sections = List.copyOf(sections);
        this.tasks = tasks;
        this.opener = opener;
        this.login = login;
        this.lastSignIn = lastSignIn;
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
        workspaceEnabled = Bindings.createBooleanBinding(
                () -> signedInUser.get() != null && !sessionEnded.get(), signedInUser, sessionEnded);
        signedInUser.addListener((obs, old, now) -> userLabel.set(now == null ? ""
                : Messages.format("main.user", now.displayName(), now.roleDescription())));
        signedIn.addListener((obs, old, now) -> openWorkspace(now));
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
        Workspace opened = new Workspace(sections, now, workspaceSettings.get(), offlineDatabase(),
                offlineCopy::exists, copyRepair(), this::select);
        unsavedWork = opened::hasUnsavedWork;
        workspace.set(opened);
        opened.refresh();
        minuteTimer = tasks.every(Duration.ofMinutes(1), () -> {
            opened.refresh();
            checkServer();
        });
    }

    public void start() {
        ServerProfile profile = login.selectedProfileProperty().get();
        busy.set(true);
        errorMessage.set("");
        progressMessage.set(Messages.text("main.starting"));
        tasks.run(() -> opener.open(profile, this::showProgress), outcome -> opened(profile, outcome),
                this::openFailed);
    }

    /** Progress reported from the background, shown on the UI thread. */
    private void showProgress(String message) {
        tasks.onUi(() -> progressMessage.set(message));
    }

    private void opened(ServerProfile profile, Startup.Outcome outcome) {
        openedProfile = profile;
        Database db = outcome.database();
        Startup.Offline off = outcome.offline();
        SessionContext context = SessionContext.installOn(db.unitOfWork());
        auth = off == null ? new AuthService(db.unitOfWork(), context)
                : new OfflineSignIn(db.unitOfWork(), context, off.signInLimit());
        offline.set(off);
        serverAnswers.set(false);
        database.set(db);
        connectionLabel.set(off == null ? db.target().label() : Messages.text("offline.connection"));
        if (off != null) {
            login.noticeProperty().set(offlineNotice());
        }
        schemaLabel.set(Messages.format("main.schema", outcome.schemaVersion()));
        login.demoLogins().setAll(outcome.demoLogins());
        progressMessage.set("");
        busy.set(false);
    }

    private void openFailed(Throwable failure) {
        String message = SqlErrors.describe(failure);
        log.error("Start-up failed: {}", message, failure);
        errorMessage.set(message);
        connectionLabel.set(Messages.text("main.notConnected"));
        progressMessage.set("");
        busy.set(false);
    }

    /**
     * The server stopped answering during the session: carry on with the jobs kept on this computer. Leaves the
     * server session (ended on the server if it still can be, else it expires), closes the server's pool and the
     * person's copy, and opens the copy as the window's database, where they sign in offline.
     */
    public void workOffline() {
        if (offline.get() == null && database.get() != null && !busy.get()) {
            ServerProfile profile = openedProfile;
            switchDatabase("", () -> tasks.run(() -> offlineCopy.open(this::showProgress),
                    outcome -> opened(profile, outcome), this::openFailed));
        }
    }

    public void retry() {
        start();
    }

    private void signIn(String email, String password) {
        Authenticator service = auth;
        if (service == null) {
            return;
        }
        login.signingInProperty().set(true);
        boolean onServer = offline.get() == null;
        tasks.run(() -> {
                    SignedInUser user = service.signIn(email, password);
                    if (onServer) {
                        // a deliberately slow hash (up to 2 s on a cold start): computed beside the sign-in, not in it
                        offlineVerifier = CompletableFuture.supplyAsync(() -> OfflineIdentity.verifier(password));
                    }
                    return new Home(user, service.visibleJobCount(user));
                },
                home -> {
                    SignedInUser previous = signedInUser.get();
                    signedInUser.set(home.user());
                    if (previous == null || previous.userId() != home.user().userId()) {
                        closeReplicaInBackground();
                        replica = onServer ? offlineCopy.lazy() : null;
                        signedIn.set(new SignedIn(home.user(), database.get().unitOfWork(), signedInTasks, !onServer));
                    }
                    homeSummary.set(summary(home));
                    sessionEnded.set(false);
                    workspaceError.set("");
                    login.reset();
                    if (!onServer) {
                        login.noticeProperty().set(offlineNotice());
                    }
                    if (lastSignIn != null && openedProfile != null) {
                        lastSignIn.save(new LastSignIn.Remembered(email, openedProfile.id()));
                    }
                    Runnable retry = retryAfterSignIn;
                    retryAfterSignIn = null;
                    if (retry != null && previous != null && previous.userId() == home.user().userId()) {
                        retry.run();
                    }
                },
                failure -> {
                    login.signingInProperty().set(false);
                    login.clearPassword();
                    login.errorMessageProperty().set(SqlErrors.describe(failure));
                    log.info("Sign-in refused: {}", SqlErrors.describe(failure));
                });
    }

    /**
     * Signs out; with typing not saved yet (a review's notes), first asks whether to sign out anyway. When this
     * computer holds an offline copy, then asks whether to keep it (for working offline later)
     * or wipe it, saying how many changes in it have not reached the server yet.
     */
    public void signOut() {
        if (unsavedWork.getAsBoolean()) {
            signOutUnsaved.set(true);
            signOutQuestion.set(Messages.text("main.signOut.unsaved"));
            return;
        }
        signOutKeepingNoWork();
    }

    /** The workspace's screens say here whether they hold typing not saved yet (asked before signing out). */
    public void setUnsavedWork(BooleanSupplier unsavedWork) {
        this.unsavedWork = unsavedWork == null ? () -> false : unsavedWork;
    }

    /** The answer "sign out anyway" to the unsaved-work question: the unsaved typing is dropped. */
    public void signOutDiscardingChanges() {
        signOutUnsaved.set(false);
        signOutQuestion.set("");
        signOutKeepingNoWork();
    }

    private void signOutKeepingNoWork() {
        if (!offlineCopy.exists() && offline.get() == null) {
            finishSignOut(false);
            return;
        }
        Supplier<Database> copy = offlineDatabase();
        tasks.run(() -> SyncService.countsIn(copy.get().unitOfWork()), counts -> {
                    if (counts.jobs() == 0 && counts.pending() == 0) {
                        finishSignOut(false);
                    } else {
                        signOutQuestion.set(counts.pending() == 0 ? Messages.text("sync.wipe.question")
                                : Messages.format("sync.wipe.questionPending", counts.pending()));
                    }
                },
                failure -> {
                    // e.g. someone else's copy: never offer to wipe what may be their unsent work
                    log.warn("Offline copy: {}", SqlErrors.describe(failure));
                    finishSignOut(false);
                });
    }

    public void cancelSignOut() {
        signOutUnsaved.set(false);
        signOutQuestion.set("");
    }

    /** The answer to the sign-out question: wipe the offline copy, or keep it. */
    public void confirmSignOut(boolean wipeCopy) {
        signOutQuestion.set("");
        finishSignOut(wipeCopy);
    }

    private void finishSignOut(boolean wipeCopy) {
        Authenticator service = auth;
        Replica.Lazy copy = replica;
        replica = null;
        offlineVerifier = null;
        boolean onCopy = offline.get() != null;
        Database db = database.get();
        leaveWorkspace();
        if (onCopy && !wipeCopy) {
            login.noticeProperty().set(offlineNotice());
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
        retryAfterSignIn = null;
        homeSummary.set("");
        section.set(Section.PIPELINE);
        login.reset();
    }

    /**
     * The offline copy for the workspace: the window's own database when working offline; else the signed-in
     * person's copy, opened on first use, which then also keeps who signed in (for signing in offline later).
     */
    public Supplier<Database> offlineDatabase() {
        if (offline.get() != null) {
            Database db = database.get();
            return () -> db;
        }
        Replica.Lazy copy = replica;
        SignedIn server = signedIn.get();
        if (copy == null || server == null) {
            return () -> {
                throw new IllegalStateException("Nobody is signed in");
            };
        }
        return () -> {
            Database db = copy.get();
            CompletableFuture<String> verifier = offlineVerifier;
            if (verifier != null) {
                new OfflineIdentity(db.unitOfWork(), Clock.systemUTC()).remember(server, verifier.join());
                offlineVerifier = null;
            }
            return db;
        };
    }

    /** What the Offline section may do about a damaged copy: the copy of the person signed in on the server. */
    public CopyRepair copyRepair() {
        Replica.Lazy copy = replica;
        return new CopyRepair() {
            @Override
            public RuntimeException examine(RuntimeException failure) {
                return offlineCopy.examine(failure, copy);
            }

            @Override
            public CopyDamage.Rebuilt rebuild() {
                if (copy == null) {
                    throw new IllegalStateException("Working offline: the copy is the window's database");
                }
                return offlineCopy.rebuild(copy);
            }
        };
    }

    private String offlineNotice() {
        Startup.Offline off = offline.get();
        return Messages.format("offline.login.notice", off.jobs(), off.signInLimit().toDays());
    }

    /** What the workspace of the person signing in takes from the settings. */
    WorkspaceSettings workspaceSettings() {
        return workspaceSettings.get();
    }

    /** Whether this computer holds an offline copy (a look at the disk: nothing is started). */
    public boolean offlineCopyExists() {
        return offlineCopy.exists();
    }

    /** Working offline: the once-a-minute look whether the server answers again. */
    public void checkServer() {
        Startup.Offline off = offline.get();
        if (off == null || busy.get()) {
            return;
        }
        tasks.run(() -> off.serverAnswers().getAsBoolean(), serverAnswers::set,
                failure -> log.debug("Server check: {}", failure.toString()));
    }

    /**
     * Leaves the offline copy for the server: signs out of the copy (its outbox stays) and opens the server, whose
     * sign-in then sends what waits.
     */
    public void reconnect() {
        if (offline.get() != null && database.get() != null && !busy.get()) {
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
        Replica.Lazy copy = replica;
        replica = null;
        String email = signedInUser.get() == null ? login.emailProperty().get() : signedInUser.get().email();
        auth = null;
        leaveWorkspace();
        login.emailProperty().set(email);
        login.noticeProperty().set(notice);
        database.set(null);
        offline.set(null);
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

    /** Reloads what the workspace shows; the first thing to ask again after a session ends. */
    public void refresh() {
        SignedInUser user = signedInUser.get();
        Authenticator service = auth;
        if (user == null || service == null) {
            return;
        }
        runSignedIn(() -> service.visibleJobCount(user), count -> homeSummary.set(summary(new Home(user, count))));
    }

    /**
     * Runs database work for the signed-in person. When the database says the session has ended, the login form
     * asks for the password again over the unchanged workspace, and the work runs again once signed in.
     */
    public <T> void runSignedIn(Callable<T> work, Consumer<T> onSuccess) {
        runSignedIn(work, onSuccess, failure -> {
            String message = SqlErrors.describe(failure);
            log.error("{}", message, failure);
            workspaceError.set(message);
        });
    }

    private <T> void runSignedIn(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        tasks.run(work, onSuccess, failure -> {
            if (SqlErrors.isSessionEnded(failure)) {
                SignedInUser user = signedInUser.get();
                log.info("Session ended; asking {} to sign in again", user == null ? "?" : user.userId());
                retryAfterSignIn = () -> runSignedIn(work, onSuccess, onFailure);
                login.askToSignInAgain(user == null ? "" : user.email(), SqlErrors.describe(failure));
                sessionEnded.set(true);
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** The task runner the workspace's screens get: {@link #runSignedIn} behind the TaskRunner interface. */
    private final TaskRunner signedInTasks = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            runSignedIn(work, onSuccess, onFailure);
        }

        @Override
        public void onUi(Runnable action) {
            tasks.onUi(action);
        }

        @Override
        public Cancellable every(Duration period, Runnable action) {
            return tasks.every(period, action);
        }

        @Override
        public void runToEnd(String name, Runnable work) {
            tasks.runToEnd(name, work);
        }

        @Override
        public void runAndWait(String name, Runnable work, Duration timeout) {
            tasks.runAndWait(name, work, timeout);
        }
    };

    public void select(Section s) {
        if (workspaceEnabled.get()) {
            section.set(s);
        }
    }

    public void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    public void hideHelp() {
        helpVisible.set(false);
    }

    public BooleanProperty helpVisibleProperty() {
        return helpVisible;
    }


    private String summary(Home home) {
        if (offline.get() != null) {
            return Messages.format("offline.summary", home.visibleJobs());
        }
        return home.user().isRecruiter()
                ? Messages.format("main.summary.recruiter", home.visibleJobs(), home.user().companyName())
                : Messages.format("main.summary.manager", home.visibleJobs());
    }

    private record Home(SignedInUser user, long visibleJobs) {
    }

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
        return section;
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

    /** The sections of the navigation, in order. */
    List<Section> sections() {
        return sections;
    }

    /** Non-null while the window works on the offline copy. */
    public ReadOnlyObjectProperty<Startup.Offline> offlineProperty() {
        return offline;
    }

    public ReadOnlyBooleanProperty serverAnswersProperty() {
        return serverAnswers;
    }

    /** Non-empty while sign-out asks whether to keep the offline copy. */
    public ReadOnlyStringProperty signOutQuestionProperty() {
        return signOutQuestion;
    }

    /** True while the sign-out question is about unsaved work rather than the offline copy. */
    public ReadOnlyBooleanProperty signOutUnsavedProperty() {
        return signOutUnsaved;
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

    public void close() {
        closeReplica();
        Database db = database.get();
        if (db != null) {
            Authenticator service = auth;
            if (service != null && service.isSignedIn()) {
                // closing runs on the UI thread, where database work is refused; end the session alongside
                tasks.runAndWait("sign-out", service::signOut, Duration.ofSeconds(3));
            }
            auth = null;
            signedIn.set(null);
            signedInUser.set(null);
            database.set(null);
            offline.set(null);
            db.close();
        }
    }

    /** Someone else signed in over an ended session: the previous person's copy stops off the UI thread. */
    private void closeReplicaInBackground() {
        Replica.Lazy copy = replica;
        replica = null;
        if (copy != null) {
            tasks.run(() -> {
                copy.close();
                return null;
            }, ok -> { }, failure -> log.warn("Closing the offline copy: {}", SqlErrors.describe(failure)));
        }
    }

    private void closeReplica() {
        Replica.Lazy copy = replica;
        replica = null;
        if (copy != null) {
            copy.close();
        }
    }
}
