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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message to one application's candidate, from a template: subject and body keep their placeholders while edited
 * and the preview shows them filled. Sending queues it in the outbox (sent in the background over SMTP); without an
 * SMTP server it opens the user's mail program with the message filled in and records that it was handed over;
 * working offline it waits in the copy's outbox. {@code extra}: the caller's own placeholder values (e.g. the
 * interview time).
 */
public final class ComposeViewModel {
    private static final Logger log = LoggerFactory.getLogger(ComposeViewModel.class);

    /** How "send" goes out, for the button's text. */
    public enum Route { SMTP, MAIL_PROGRAM, OFFLINE }

    private final MessageService service;
    private final OutboxViewModel outbox;
    private final MailProgram mailProgram;
    private final TaskRunner tasks;
    private final int applicationId;
    private final TemplateType suggested;
    private final Map<String, String> extra;
    private final ObservableList<EmailTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<EmailTemplate> template = new SimpleObjectProperty<>();
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty candidate = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty previewSubject = new SimpleStringProperty("");
    private final StringProperty previewBody = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private MessageContext context;
    private Placeholders values = Placeholders.none();

    public ComposeViewModel(MessageService service, OutboxViewModel outbox, MailProgram mailProgram, TaskRunner tasks,
                            int applicationId, TemplateType suggested, Map<String, String> extra) {
        this.service = service;
        this.outbox = outbox;
        this.mailProgram = mailProgram;
        this.tasks = tasks;
        this.applicationId = applicationId;
        this.suggested = suggested;
        this.extra = Map.copyOf(extra);
        subject.addListener(o -> updatePreview());
        body.addListener(o -> updatePreview());
        template.addListener((o, was, now) -> {
            if (now != null) {
                subject.set(now.subject());
                body.set(now.body());
            }
        });
    }

    private record Loaded(MessageContext context, List<EmailTemplate> templates) {
    }

    public void load() {
        busy.set(true);
        tasks.run(() -> new Loaded(service.context(applicationId), service.templates()), loaded -> {
            busy.set(false);
            context = loaded.context();
            values = service.placeholders(context, null, extra);
            to.set(context.email() == null ? "" : context.email());
            candidate.set(context.candidateName());
            List<EmailTemplate> usable = loaded.templates().stream().filter(EmailTemplate::active).toList();
            templates.setAll(usable);
            usable.stream().filter(t -> t.templateType() == suggested).findFirst()
                    .or(() -> usable.stream().findFirst()).ifPresent(template::set);
            updatePreview();
            if (context.email() == null || context.email().isBlank()) {
                error.set(Messages.text("messages.compose.noAddress"));
            }
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void updatePreview() {
        previewSubject.set(values.fill(subject.get()));
        previewBody.set(values.fill(body.get()));
        Set<String> missing = values.missing(subject.get() + "\n" + body.get());
        warning.set(missing.isEmpty() ? "" : Messages.format("messages.compose.missing",
                String.join(", ", missing.stream().map(Placeholders::token).toList())));
    }

    public Route route() {
        return service.offline() ? Route.OFFLINE : outbox.canSend() ? Route.SMTP : Route.MAIL_PROGRAM;
    }

    public String sendText() {
        return Messages.text(switch (route()) {
            case SMTP -> "messages.compose.send";
            case MAIL_PROGRAM -> "messages.compose.openMailProgram";
            case OFFLINE -> "messages.compose.queueOffline";
        });
    }

    public void send() {
        if (busy.get() || context == null) {
            return;
        }
        if (to.get().isBlank()) {
            error.set(Messages.text("messages.compose.noAddress"));
            return;
        }
        if (!warning.get().isEmpty()) {
            error.set(warning.get());
            return;
        }
        if (previewSubject.get().isBlank()) {
            error.set(Messages.text("messages.template.subjectRequired"));
            return;
        }
        Route route = route();
        EmailTemplate t = template.get();
        OutgoingMessage message = OutgoingMessage.of(applicationId, context.jobId(), t == null ? null : t.id(),
                t == null ? null : t.type(), null, previewSubject.get(), previewBody.get(),
                route == Route.MAIL_PROGRAM ? OutgoingMessage.MAIL_PROGRAM : OutgoingMessage.SMTP);
        busy.set(true);
        error.set("");
        tasks.run(() -> {
            if (route == Route.MAIL_PROGRAM) {
                // first: a mail program that does not open leaves no record of a message "handed over"
                mailProgram.open(MailProgram.mailto(to.get(), message.subject(), message.body()));
            }
            service.queue(message);
            return route;
        }, r -> {
            busy.set(false);
            done.set(true);
            if (r == Route.SMTP) {
                outbox.sendNow();
            } else {
                outbox.refresh();
            }
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        String reason = SqlErrors.describe(failure);
        log.warn("Compose: {}", reason, failure);
        error.set(reason);
    }

    public ObservableList<EmailTemplate> templates() {
        return templates;
    }

    public ObjectProperty<EmailTemplate> templateProperty() {
        return template;
    }

    public ReadOnlyStringProperty toProperty() {
        return to;
    }

    public ReadOnlyStringProperty candidateProperty() {
        return candidate;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyStringProperty previewSubjectProperty() {
        return previewSubject;
    }

    public ReadOnlyStringProperty previewBodyProperty() {
        return previewBody;
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }
}
