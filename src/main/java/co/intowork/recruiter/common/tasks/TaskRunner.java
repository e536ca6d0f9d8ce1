package co.intowork.recruiter.common.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Moves work off the UI thread. ViewModels hand it a callable and two callbacks; the callbacks run where the
 * UI may be touched (the FX thread in the app, the calling thread with {@link ImmediateTaskRunner} in tests).
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a callback where UI state may change; for results that arrive from elsewhere. */
    void onUi(Runnable action);
}
