package co.intowork.recruiter.notifications;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the candidates' status notifications whose undo window has passed (decision 0018). The database keeps
 * them pending and any signed-in client may deliver them, so this one asks after each of its own moves (once the
 * window has passed) and every half minute for anyone's, e.g. those of a client that died within its window.
 * A failed attempt is only logged: the rows stay due and the next attempt, here or elsewhere, delivers them.
 */
public final class StatusNotificationDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusNotificationDelivery.class);
    /** The longest window the database accepts (V38); a longer setting is cut to it there too. */
    public static final int MAX_UNDO_SECONDS = 300;
    static final Duration PERIOD = Duration.ofSeconds(30);
    // after the window: the move's transaction and the clocks of two machines need not agree to the millisecond
    private static final Duration MARGIN = Duration.ofMillis(750);

    private final UnitOfWork unitOfWork;
    private final Duration undoWindow;
    private final ScheduledExecutorService timer;

    public StatusNotificationDelivery(UnitOfWork unitOfWork, Duration undoWindow) {
        this.unitOfWork = unitOfWork;
        this.undoWindow = undoWindow;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    /** The window the settings give ({@code notify.undo.seconds}, 0 to 300 seconds). */
    public static Duration undoWindow(ResolvedSettings settings) {
        int seconds = settings.getInt(SettingKey.NOTIFY_UNDO_SECONDS);
        if (seconds > MAX_UNDO_SECONDS) {
            throw new SettingsException(SettingKey.NOTIFY_UNDO_SECONDS.property() + " is at most "
                    + MAX_UNDO_SECONDS + " seconds (5 minutes); it is " + seconds + ".");
        }
        return Duration.ofSeconds(seconds);
    }

    public Duration undoWindow() {
        return undoWindow;
    }

    /** Delivers what is due at once (e.g. left by a client that closed badly), then every {@link #PERIOD}. */
    public void start() {
        timer.scheduleWithFixedDelay(this::deliverQuietly, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After one of this client's moves: delivers once its window has passed. */
    public void moved() {
        try {
            timer.schedule(this::deliverQuietly, undoWindow.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // signed out meanwhile: sign-out delivered what was pending
        }
    }

    /** One delivery in its own transaction. */
    public void deliverDue() {
        unitOfWork.run(s -> s.getMapper(NotificationMapper.class).deliverDue());
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Candidates' notifications not delivered this time: {}", SqlErrors.describe(e));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
