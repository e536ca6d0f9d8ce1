package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The signed-in person's outbox: sends what is due in the background (after each message queued here, and every
 * minute through the section's timer), shows progress and what waits or failed, and retries failures on request.
 * Without an SMTP server ({@code sender} null) or offline, messages wait and the status says why.
 */
public final class OutboxViewModel {
    private static final Logger log = LoggerFactory.getLogger(OutboxViewModel.class);

    private final MessageService service;
    private final MessageSender sender;
    private final TaskRunner tasks;
    private final ObservableList<MessageRecord> open = FXCollections.observableArrayList();
    private final BooleanProperty sending = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty waiting = new SimpleIntegerProperty(0);
    private final IntegerProperty failed = new SimpleIntegerProperty(0);
    private static final java.time.Duration QUICK_ROUND = java.time.Duration.ofSeconds(15);
    private boolean again;
    private TaskRunner.Cancellable timer;

    /** {@code sender}: null when IT configured no SMTP server, or working offline. */
    public OutboxViewModel(MessageService service, MessageSender sender, TaskRunner tasks) {
        this.service = service;
        this.sender = sender;
        this.tasks = tasks;
    }

    public boolean canSend() {
        return sender != null;
    }

    /** Sends what is due, off the UI thread; a call while sending runs once more after it. */
    public void sendNow() {
        if (sender == null) {
            refresh();
            return;
        }
        if (sending.get()) {
            again = true;
            return;
        }
        sending.set(true);
        error.set("");
        status.set(Messages.text("messages.outbox.sending"));
        tasks.run(() -> sender.sendDue(p -> tasks.onUi(() -> status.set(progressText(p)))), result -> {
            sending.set(false);
            status.set(result.sent() + result.failed() == 0 ? "" : progressText(result));
            refresh();
            if (again) {
                again = false;
                sendNow();
            }
        }, failure -> {
            sending.set(false);
            log.warn("Outbox: {}", SqlErrors.describe(failure), failure);
            error.set(Messages.format("messages.outbox.error", SqlErrors.describe(failure)));
            refresh();
        });
    }

    static String progressText(MessageSender.Progress p) {
        return p.failed() == 0 ? Messages.format("messages.outbox.progress", p.sent())
                : Messages.format("messages.outbox.progressFailed", p.sent(), p.failed(), p.lastError());
    }

    /** What waits, is being sent, or failed. */
    public void refresh() {
        if (service.offline()) {
            open.clear();
            waiting.set(0);
            failed.set(0);
            return;
        }
        tasks.run(service::open, rows -> {
            open.setAll(rows);
            waiting.set((int) rows.stream().filter(r -> !"failed".equals(r.state())).count());
            failed.set((int) rows.stream().filter(r -> "failed".equals(r.state())).count());
        }, failure -> error.set(Messages.format("messages.outbox.error", SqlErrors.describe(failure))));
    }

    /** Puts the failed messages back in the queue and sends them now. */
    public void retryFailed() {
        List<String> ids = open.stream().filter(r -> "failed".equals(r.state())).map(MessageRecord::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        tasks.run(() -> service.retry(ids), n -> sendNow(),
                failure -> error.set(Messages.format("messages.outbox.error", SqlErrors.describe(failure))));
    }

    /** The section's minute timer (and sign-in): due retries leave on their own. */
    public void tick() {
        if (sender != null && timer == null) {
            start();
            return;
        }
        if (sender != null && !sending.get()) {
            sendNow();
        } else {
            refresh();
        }
    }

    /**
     * Every 15 seconds while something of this person's waits (a rejection's letters wait the undo window), a round
     * of sending; nothing is asked of the server while the outbox is empty.
     */
    public void start() {
        if (sender == null || timer != null) {
            return;
        }
        timer = tasks.every(QUICK_ROUND, () -> {
            if (waiting.get() > 0 && !sending.get()) {
                sendNow();
            }
        });
        tick();
    }

    public void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The state of one message, as the lists show it. */
    public static String stateText(MessageRecord r) {
        return switch (r.state()) {
            case "queued" -> r.attempts() == 0 ? Messages.text("messages.state.queued")
                    : Messages.format("messages.state.retrying", r.attempts());
            case "sending" -> Messages.text("messages.state.sending");
            case "sent" -> Messages.text("messages.state.sent");
            case "failed" -> Messages.format("messages.state.failed",
                    r.lastError() == null ? "" : r.lastError());
            case "handed_over" -> Messages.text("messages.state.handedOver");
            case "canceled" -> Messages.text("messages.state.canceled");
            default -> r.state();
        };
    }

    public ObservableList<MessageRecord> open() {
        return open;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed;
    }

    /** For the navigation's count: what waits or failed. */
    public javafx.beans.binding.NumberBinding attentionCount() {
        return waiting.add(failed);
    }
}
