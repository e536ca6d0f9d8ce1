package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.sync.OfflineSignIn;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the window works on the offline copy, why, and whether the server answers again (looked at once a
 * minute while offline), with the sentences that say so.
 */
final class OfflineMode {
    private static final Logger log = LoggerFactory.getLogger(OfflineMode.class);

    private final TaskRunner tasks;
    private final ObjectProperty<Startup.Offline> offline = new SimpleObjectProperty<>();
    private final BooleanProperty serverAnswers = new SimpleBooleanProperty(false);

    OfflineMode(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** A database was opened: the offline copy ({@code off} says why), or the server ({@code off} null). */
    void opened(Startup.Offline off) {
        offline.set(off);
        serverAnswers.set(false);
    }

    /** The window's database is being closed. */
    void left() {
        offline.set(null);
    }

    boolean active() {
        return offline.get() != null;
    }

    /** Who signs people in on a newly opened database: the server, or the copy ({@code off} non-null). */
    static Authenticator authenticator(Database db, Startup.Offline off) {
        SessionContext context = SessionContext.installOn(db.unitOfWork());
        return off == null ? new AuthService(db.unitOfWork(), context)
                : new OfflineSignIn(db.unitOfWork(), context, off.signInLimit());
    }

    /** The sign-in form's notice while offline: how many jobs are kept here, and for how long one may sign in. */
    String notice() {
        Startup.Offline off = offline.get();
        return Messages.format("offline.login.notice", off.jobs(), off.signInLimit().toDays());
    }

    /** The home line: jobs visible to the person, on the copy or on the server. */
    static String summary(boolean offline, co.intowork.recruiter.auth.SignedInUser user, long visibleJobs) {
        if (offline) {
            return Messages.format("offline.summary", visibleJobs);
        }
        return user.isRecruiter()
                ? Messages.format("main.summary.recruiter", visibleJobs, user.companyName())
                : Messages.format("main.summary.manager", visibleJobs);
    }

    /** Working offline: the once-a-minute look whether the server answers again (skipped while busy). */
    void checkServer(boolean busy) {
        Startup.Offline off = offline.get();
        if (off == null || busy) {
            return;
        }
        tasks.run(() -> off.serverAnswers().getAsBoolean(), serverAnswers::set,
                failure -> log.debug("Server check: {}", failure.toString()));
    }

    ReadOnlyObjectProperty<Startup.Offline> offlineProperty() {
        return offline;
    }

    ReadOnlyBooleanProperty serverAnswersProperty() {
        return serverAnswers;
    }
}
