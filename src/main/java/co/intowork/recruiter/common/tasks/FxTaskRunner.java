package co.intowork.recruiter.common.tasks;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on a small daemon pool and hands results back on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService executor;

    public FxTaskRunner(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "intowork-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                log.debug("Background task failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** On the FX thread's own clock (an animation timeline): the action runs there, between frames. */
    @Override
    public Cancellable every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        onUi(timeline::play);
        return () -> onUi(timeline::stop);
    }

    /** Its own thread, not the pool's: the pool's threads are daemons and may all be busy. */
    @Override
    public void runToEnd(String name, Runnable work) {
        new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString(), e);
            }
        }, name).start();
    }

    @Override
    public void runAndWait(String name, Runnable work, Duration timeout) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString(), e);
            }
        }, name);
        thread.start();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
