package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Database work for the signed-in person that survives the end of their session: when the database says the
 * session has ended, the work is kept, the person is asked to sign in again, and the work runs again once the same
 * person has. Other failures go to the work's own handler.
 */
final class SessionRetry {
    private final TaskRunner tasks;
    private final Consumer<Throwable> sessionEnded;
    private Runnable pending;

    /** {@code sessionEnded}: asks for the password again (on the UI thread), given the database's refusal. */
    SessionRetry(TaskRunner tasks, Consumer<Throwable> sessionEnded) {
        this.tasks = tasks;
        this.sessionEnded = sessionEnded;
    }

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        tasks.run(work, onSuccess, failure -> {
            if (SqlErrors.isSessionEnded(failure)) {
                pending = () -> run(work, onSuccess, onFailure);
                sessionEnded.accept(failure);
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** Whether work waits for the person to sign in again. */
    boolean waiting() {
        return pending != null;
    }

    /**
     * Signed in again: the waiting work runs again when it is the same person ({@code samePerson}); for anyone
     * else it is dropped (it was someone else's).
     */
    void signedInAgain(boolean samePerson) {
        Runnable retry = pending;
        pending = null;
        if (retry != null && samePerson) {
            retry.run();
        }
    }

    /** Signed out: nothing waits any more. */
    void forget() {
        pending = null;
    }

    /** This retry behind the TaskRunner interface: the task runner the workspace's screens are given. */
    TaskRunner asTaskRunner() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                SessionRetry.this.run(work, onSuccess, onFailure);
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
    }
}
