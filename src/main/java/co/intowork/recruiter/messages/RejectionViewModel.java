package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Rejecting several candidates with a reason and a template: the choices, and a preview filled for the first of
 * them. Confirming hands the template and reason to {@code onConfirm} (the board moves the cards and queues the
 * messages in one transaction); the dialog then closes.
 */
public final class RejectionViewModel {
    private final MessageService service;
    private final TaskRunner tasks;
    private final int firstApplicationId;
    private final int count;
    private final BiConsumer<EmailTemplate, String> onConfirm;
    private final ObservableList<EmailTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<EmailTemplate> template = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty previewSubject = new SimpleStringProperty("");
    private final StringProperty previewBody = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty route = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private MessageContext first;

    /** {@code canSend}: an SMTP server is set up (else the letters wait in the outbox, and the dialog says so). */
    public RejectionViewModel(MessageService service, TaskRunner tasks, List<Integer> applicationIds, boolean canSend,
                              BiConsumer<EmailTemplate, String> onConfirm) {
        this.service = service;
        this.tasks = tasks;
        this.firstApplicationId = applicationIds.get(0);
        this.count = applicationIds.size();
        this.onConfirm = onConfirm;
        template.addListener(o -> updatePreview());
        reason.addListener(o -> updatePreview());
        summary.set(Messages.format("messages.reject.summary", count));
        // one mail program window per candidate would be no bulk rejection: without SMTP the letters wait
        route.set(Messages.text(service.offline() ? "messages.compose.route.offline"
                : canSend ? "messages.reject.route.smtp" : "messages.reject.route.waits"));
    }

    private record Loaded(MessageContext first, List<EmailTemplate> templates) {
    }

    public void load() {
        tasks.run(() -> new Loaded(service.context(firstApplicationId), service.templates()), loaded -> {
            busy.set(false);
            first = loaded.first();
            List<EmailTemplate> usable = loaded.templates().stream().filter(EmailTemplate::active).toList();
            templates.setAll(usable);
            usable.stream().filter(t -> t.templateType() == TemplateType.APPLICATION_REJECTED).findFirst()
                    .ifPresent(template::set);
            if (usable.isEmpty()) {
                error.set(Messages.text("messages.reject.noTemplates"));
            }
            updatePreview();
        }, failure -> {
            busy.set(false);
            error.set(SqlErrors.describe(failure));
        });
    }

    private void updatePreview() {
        EmailTemplate t = template.get();
        if (t == null || first == null) {
            previewSubject.set("");
            previewBody.set("");
            return;
        }
        Placeholders values = service.placeholders(first, reason.get(), Map.of());
        previewSubject.set(values.fill(t.subject()));
        previewBody.set(values.fill(t.body()));
    }

    public void confirm() {
        if (busy.get()) {
            return;
        }
        EmailTemplate t = template.get();
        if (t == null) {
            error.set(Messages.text("messages.reject.chooseTemplate"));
            return;
        }
        Placeholders values = service.placeholders(first, reason.get(), Map.of());
        var missing = values.missing(t.subject() + "\n" + t.body());
        if (missing.contains(Placeholders.REASON)) {
            error.set(Messages.text("messages.reject.reasonRequired"));
            return;
        }
        done.set(true);
        onConfirm.accept(t, reason.get());
    }

    public ObservableList<EmailTemplate> templates() {
        return templates;
    }

    public ObjectProperty<EmailTemplate> templateProperty() {
        return template;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty previewSubjectProperty() {
        return previewSubject;
    }

    public ReadOnlyStringProperty previewBodyProperty() {
        return previewBody;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** How the letters will leave: the company's mail server, after the next sync, or when IT sets up a server. */
    public ReadOnlyStringProperty routeProperty() {
        return route;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    public int count() {
        return count;
    }
}
