package co.intowork.recruiter.testing;

import co.intowork.recruiter.common.tasks.TaskRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A task runner that holds the work it is asked for until the test runs it, in any order (late results, searches
 * overtaking each other), or never (counting what a screen asks of the database). UI actions run at once; time
 * never passes for {@link #every}.
 */
public final class HeldTasks implements TaskRunner {
    /** Each piece of work asked for, with its callbacks, in the order asked. */
    public final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        held.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        return () -> { };
    }

    @Override
    public void runToEnd(String name, Runnable work) {
        work.run();
    }

    @Override
    public void runAndWait(String name, Runnable work, Duration timeout) {
        work.run();
    }
}
