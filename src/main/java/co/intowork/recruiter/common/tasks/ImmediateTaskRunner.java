package co.intowork.recruiter.common.tasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs everything on the calling thread: ViewModel tests need no toolkit and no waiting. Time stands still until
 * a test moves it with {@link #advance}: repeated actions then run as often as they would have.
 */
public final class ImmediateTaskRunner implements TaskRunner {
    private static final Logger log = LoggerFactory.getLogger(ImmediateTaskRunner.class);
    private final List<Repeated> repeated = new ArrayList<>();

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

    @Override
    public Cancellable every(Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A repeated action needs a positive period, not " + period);
        }
        Repeated r = new Repeated(period, action);
        repeated.add(r);
        return () -> repeated.remove(r);
    }

    /** As in the app, a failure is logged, not thrown: nothing is reported back from such work. */
    @Override
    public void runToEnd(String name, Runnable work) {
        runLogged(name, work);
    }

    @Override
    public void runAndWait(String name, Runnable work, Duration timeout) {
        runLogged(name, work);
    }

    private static void runLogged(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", name, e.toString(), e);
        }
    }

    /** Lets {@code elapsed} pass: each repeated action runs once for every whole period that ends meanwhile. */
    public void advance(Duration elapsed) {
        long target = elapsed.toNanos();
        // an action may cancel itself or another one while it runs
        for (Repeated r : List.copyOf(repeated)) {
            r.dueIn -= target;
            while (r.dueIn <= 0 && repeated.contains(r)) {
                r.action.run();
                r.dueIn += r.period;
            }
        }
    }

    /** How many repeated actions are running (not cancelled). */
    public int repeatedCount() {
        return repeated.size();
    }

    private static final class Repeated {
        final long period;
        final Runnable action;
        long dueIn;

        Repeated(Duration period, Runnable action) {
            this.period = period.toNanos();
            this.action = action;
            this.dueIn = this.period;
        }
    }
}
