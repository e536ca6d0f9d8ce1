package co.intowork.recruiter.testing;

import co.intowork.recruiter.common.tasks.TaskRunner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * As the app's FxTaskRunner, without JavaFX: work on a pool, callbacks and {@link #onUi} on one "UI" thread of
 * their own. For ViewModels fed from another thread (the live board): the test reads their state on that thread
 * with {@link #read} and waits for a condition with {@link #await}.
 */
public final class SerialUiTasks implements TaskRunner, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                ui.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        return () -> { };
    }

    @Override
    public void runToEnd(String name, Runnable work) {
        workers.execute(work);
    }

    @Override
    public void runAndWait(String name, Runnable work, Duration timeout) {
        work.run();
    }

    /** A value read on the UI thread. */
    public <T> T read(Supplier<T> value) {
        try {
            return ui.submit(value::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition, checked on the UI thread, holds; false after the timeout. */
    public boolean await(Supplier<Boolean> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (read(condition)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return read(condition);
    }

    @Override
    public void close() {
        ui.shutdownNow();
        workers.shutdownNow();
    }
}
