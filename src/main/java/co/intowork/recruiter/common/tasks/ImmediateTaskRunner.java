package co.intowork.recruiter.common.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything on the calling thread: ViewModel tests need no toolkit and no waiting. */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
