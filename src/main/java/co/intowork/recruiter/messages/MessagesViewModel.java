package co.intowork.recruiter.messages;

import co.intowork.recruiter.auth.SignedIn;
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

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Messages section: the company's templates (list, create, edit) with a live preview on sample values, and the
 * signed-in person's outbox ({@link OutboxViewModel}).
 */
public final class MessagesViewModel {
    private static final Logger log = LoggerFactory.getLogger(MessagesViewModel.class);

    private final MessageService service;
    private final OutboxViewModel outbox;
    private final TaskRunner tasks;
    private final SignedIn signedIn;
    private final ObservableList<EmailTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<EmailTemplate> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TemplateType> type = new SimpleObjectProperty<>(TemplateType.CUSTOM);
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final StringProperty previewSubject = new SimpleStringProperty("");
    private final StringProperty previewBody = new SimpleStringProperty("");
    private final StringProperty previewWarning = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private boolean loadingFields;

    public MessagesViewModel(MessageService service, OutboxViewModel outbox, SignedIn signedIn) {
        this.service = service;
        this.outbox = outbox;
        this.tasks = signedIn.tasks();
        this.signedIn = signedIn;
        for (var p : new javafx.beans.Observable[] {name, type, subject, body, active}) {
            p.addListener(o -> {
                updatePreview();
                if (!loadingFields) {
                    dirty.set(true);
                }
            });
        }
        updatePreview();
    }

    /** Sample values for the preview: a made-up candidate, the person's own name and company. */
    Placeholders sample() {
        MessageContext c = new MessageContext(0, 0, signedIn.user().companyId(),
                Messages.text("messages.sample.firstName"), Messages.text("messages.sample.lastName"),
                "candidate@example.com", Messages.text("messages.sample.job"), signedIn.user().companyName());
        return Placeholders.of(c, signedIn.user().displayName(), Messages.text("messages.sample.reason"))
                .with(Map.of(Placeholders.INTERVIEW_TIME, Messages.text("messages.sample.interviewTime")));
    }

    private void updatePreview() {
        Placeholders values = sample();
        previewSubject.set(values.fill(subject.get()));
        previewBody.set(values.fill(body.get()));
        Set<String> unknown = values.missing(subject.get() + "\n" + body.get());
        previewWarning.set(unknown.isEmpty() ? "" : Messages.format("messages.template.unknownPlaceholders",
                String.join(", ", unknown.stream().map(Placeholders::token).toList())));
    }

    public void load() {
        tasks.run(service::templates, list -> {
            templates.setAll(list);
            EmailTemplate current = selected.get();
            if (current != null) {
                list.stream().filter(t -> t.id() == current.id()).findFirst().ifPresent(this::show);
            }
        }, this::failed);
        outbox.refresh();
    }

    /** Shows a template in the editor (unsaved edits of another are dropped: the view asks first). */
    public void select(EmailTemplate template) {
        if (template == null) {
            return;
        }
        show(template);
    }

    private void show(EmailTemplate t) {
        loadingFields = true;
        selected.set(t);
        name.set(t.name());
        type.set(t.templateType());
        subject.set(t.subject());
        body.set(t.body());
        active.set(t.active());
        loadingFields = false;
        dirty.set(false);
        editing.set(true);
        error.set("");
        message.set("");
    }

    public void newTemplate() {
        loadingFields = true;
        selected.set(null);
        name.set("");
        type.set(TemplateType.APPLICATION_REJECTED);
        subject.set(Messages.text("messages.template.newSubject"));
        body.set(Messages.text("messages.template.newBody"));
        active.set(true);
        loadingFields = false;
        dirty.set(true);
        editing.set(true);
        error.set("");
        message.set("");
    }

    public void save() {
        if (busy.get()) {
            return;
        }
        String problem = name.get().isBlank() ? "messages.template.nameRequired"
                : subject.get().isBlank() ? "messages.template.subjectRequired"
                : subject.get().length() > 998 ? "messages.template.subjectTooLong" : null;
        if (problem != null) {
            error.set(Messages.text(problem));
            return;
        }
        EmailTemplate current = selected.get();
        MessageService.TemplateDraft draft = new MessageService.TemplateDraft(current == null ? null : current.id(),
                name.get(), type.get() == null ? TemplateType.CUSTOM : type.get(), subject.get(), body.get(),
                active.get(), current == null ? null : current.updatedAt());
        busy.set(true);
        error.set("");
        tasks.run(() -> service.save(draft), saved -> {
            busy.set(false);
            int i = indexOf(saved.id());
            if (i >= 0) {
                templates.set(i, saved);
            } else {
                templates.add(saved);
            }
            show(saved);
            message.set(Messages.format("messages.template.saved", saved.name()));
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private int indexOf(int id) {
        for (int i = 0; i < templates.size(); i++) {
            if (templates.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void failed(Throwable failure) {
        String reason = SqlErrors.describe(failure);
        log.warn("Templates: {}", reason, failure);
        error.set(reason);
    }

    public static String typeText(TemplateType t) {
        return t == null ? "" : Messages.text("messages.type." + t.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static String placeholderText(String name) {
        return Messages.text("messages.placeholder." + name);
    }

    public boolean hasCompany() {
        return signedIn.user().companyId() != null;
    }

    public boolean canEdit() {
        return signedIn.user().companyId() != null && !signedIn.offline();
    }

    public OutboxViewModel outbox() {
        return outbox;
    }

    public void tick() {
        outbox.tick();
    }

    public ObservableList<EmailTemplate> templates() {
        return templates;
    }

    public ObjectProperty<EmailTemplate> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TemplateType> typeProperty() {
        return type;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty previewSubjectProperty() {
        return previewSubject;
    }

    public ReadOnlyStringProperty previewBodyProperty() {
        return previewBody;
    }

    public ReadOnlyStringProperty previewWarningProperty() {
        return previewWarning;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    boolean isSelected(EmailTemplate t) {
        return selected.get() != null && Objects.equals(selected.get().id(), t.id());
    }
}
