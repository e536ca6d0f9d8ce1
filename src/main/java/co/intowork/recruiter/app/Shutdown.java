package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.sync.Replica;

import java.time.Duration;

/**
 * Closing the window: the person's offline copy stops, their session ends on the server if it answers in time
 * (else it expires there), and the window's database closes. Runs on the UI thread, where database work is
 * refused: the sign-out runs beside it, through the task runner, and is waited for a bounded time.
 */
final class Shutdown {
    static final Duration SIGN_OUT_WAIT = Duration.ofSeconds(3);

    private final TaskRunner tasks;

    Shutdown(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /**
     * {@code copy}, {@code auth}: null for none; {@code closeDatabase}: null when no database is open;
     * {@code forget}: clears what the window shows about the session, before the database closes.
     */
    void close(Replica.Lazy copy, Authenticator auth, Runnable forget, Runnable closeDatabase) {
        if (copy != null) {
            copy.close();
        }
        if (closeDatabase == null) {
            return;
        }
        if (auth != null && auth.isSignedIn()) {
            tasks.runAndWait("sign-out", auth::signOut, SIGN_OUT_WAIT);
        }
        forget.run();
        closeDatabase.run();
    }
}
