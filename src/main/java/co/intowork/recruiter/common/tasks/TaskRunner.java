package co.intowork.recruiter.common.tasks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Moves work off the UI thread and keeps time. ViewModels hand it a callable and two callbacks; the callbacks run
 * where the UI may be touched (the FX thread in the app, the calling thread with {@link ImmediateTaskRunner} in
 * tests). Timers and threads of the window go through here too, so that no View or ViewModel starts its own and
 * tests can make time pass by hand.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a callback where UI state may change; for results that arrive from elsewhere. */
    void onUi(Runnable action);

    /**
     * Runs {@code action} where the UI may be touched once every {@code period}, the first time one period from
     * now, until the returned handle is cancelled.
     */
    Cancellable every(Duration period, Runnable action);

    /**
     * Work that must finish even while the app is closing (closing a pool may wait for the network): off the UI
     * thread, not on a daemon thread, and nothing is reported back.
     */
    void runToEnd(String name, Runnable work);

    /**
     * Runs {@code work} off the UI thread (where database work is refused) and waits for it, at most
     * {@code timeout}; for closing the window, when there is no later to report to.
     */
    void runAndWait(String name, Runnable work, Duration timeout);

    /** A repeated action that can be stopped; stopping twice is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
