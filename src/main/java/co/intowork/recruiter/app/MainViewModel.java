package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
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

import java.util.concurrent.Callable;
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
    private final BooleanBinding showLogin;
    private final BooleanBinding workspaceEnabled;

    private ServerProfile openedProfile;
    private AuthService auth;
    private Runnable retryAfterSignIn;

    public MainViewModel(TaskRunner tasks, LoginViewModel login, Opener opener, LastSignIn lastSignIn) {
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
    }

    public void start() {
        ServerProfile profile = login.selectedProfileProperty().get();
        busy.set(true);
        errorMessage.set("");
        progressMessage.set(Messages.text("main.starting"));
        tasks.run(() -> opener.open(profile, msg -> tasks.onUi(() -> progressMessage.set(msg))),
                outcome -> {
                    openedProfile = profile;
                    Database db = outcome.database();
                    auth = new AuthService(db.unitOfWork(), SessionContext.installOn(db.unitOfWork()));
                    database.set(db);
                    connectionLabel.set(db.target().label());
                    schemaLabel.set(Messages.format("main.schema", outcome.schemaVersion()));
                    login.demoLogins().setAll(outcome.demoLogins());
                    progressMessage.set("");
                    busy.set(false);
                },
                failure -> {
                    String message = SqlErrors.describe(failure);
                    log.error("Start-up failed: {}", message, failure);
                    errorMessage.set(message);
                    connectionLabel.set(Messages.text("main.notConnected"));
                    progressMessage.set("");
                    busy.set(false);
                });
    }

    public void retry() {
        start();
    }

    private void signIn(String email, String password) {
        AuthService service = auth;
        if (service == null) {
            return;
        }
        login.signingInProperty().set(true);
        tasks.run(() -> {
                    SignedInUser user = service.signIn(email, password);
                    return new Home(user, service.visibleJobCount(user));
                },
                home -> {
                    SignedInUser previous = signedInUser.get();
                    signedInUser.set(home.user());
                    if (previous == null || previous.userId() != home.user().userId()) {
                        signedIn.set(new SignedIn(home.user(), database.get().unitOfWork(), signedInTasks));
                    }
                    homeSummary.set(summary(home));
                    sessionEnded.set(false);
                    workspaceError.set("");
                    login.reset();
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

    public void signOut() {
        AuthService service = auth;
        signedIn.set(null);
        signedInUser.set(null);
        sessionEnded.set(false);
        retryAfterSignIn = null;
        homeSummary.set("");
        section.set(Section.PIPELINE);
        login.reset();
        if (service != null) {
            tasks.run(() -> {
                service.signOut();
                return null;
            }, ok -> { }, failure -> log.warn("Sign-out: {}", SqlErrors.describe(failure)));
        }
    }

    /** Reloads what the workspace shows; the first thing to ask again after a session ends. */
    public void refresh() {
        SignedInUser user = signedInUser.get();
        AuthService service = auth;
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


    private static String summary(Home home) {
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
        Database db = database.get();
        if (db != null) {
            AuthService service = auth;
            if (service != null && service.isSignedIn()) {
                // closing runs on the UI thread, where database work is refused; end the session alongside
                Thread signOut = new Thread(service::signOut, "sign-out");
                signOut.start();
                try {
                    signOut.join(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            auth = null;
            signedIn.set(null);
            signedInUser.set(null);
            database.set(null);
            db.close();
        }
    }
}
