package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Controller of MessagesView.fxml: templates on the left, the editor and its preview, the outbox below. */
public final class MessagesView {
    @FXML private VBox root;
    @FXML private Button newTemplate;
    @FXML private Label error;
    @FXML private Label message;
    @FXML private ListView<EmailTemplate> templates;
    @FXML private VBox editor;
    @FXML private TextField name;
    @FXML private ComboBox<TemplateType> type;
    @FXML private CheckBox active;
    @FXML private TextField subject;
    @FXML private MenuButton insert;
    @FXML private TextArea body;
    @FXML private Label previewSubject;
    @FXML private TextArea previewBody;
    @FXML private Label previewWarning;
    @FXML private Button save;
    @FXML private Label outboxStatus;
    @FXML private Button retry;
    @FXML private Button sendNow;
    @FXML private Label outboxError;
    @FXML private ListView<MessageRecord> outbox;

    private final MessagesViewModel viewModel;
    // where "insert placeholder" types: the field that last had the focus (subject or body)
    private TextInputControl lastField;

    private MessagesView(MessagesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(MessagesViewModel viewModel) {
        Parent view = Views.load(MessagesView.class, new MessagesView(viewModel));
        viewModel.load();
        return view;
    }

    @FXML
    private void initialize() {
        showWhenSet(error, viewModel.errorProperty());
        showWhenSet(message, viewModel.messageProperty());
        templates.setItems(viewModel.templates());
        Label none = new Label(Messages.text("messages.templates.none"));
        none.setWrapText(true);
        none.setPadding(new Insets(12));
        templates.setPlaceholder(none);
        templates.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(EmailTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + "\n" + MessagesViewModel.typeText(t.templateType())
                        + (t.active() ? "" : " · " + Messages.text("messages.template.inactive")));
            }
        });
        templates.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !viewModel.isSelected(now)) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                templates.getSelectionModel().clearSelection();
            } else if (templates.getSelectionModel().getSelectedItem() == null
                    || templates.getSelectionModel().getSelectedItem().id() != now.id()) {
                templates.getItems().stream().filter(t -> t.id() == now.id()).findFirst()
                        .ifPresent(t -> templates.getSelectionModel().select(t));
            }
        });
        newTemplate.setOnAction(e -> {
            viewModel.newTemplate();
            name.requestFocus();
        });
        newTemplate.setDisable(!viewModel.canEdit());

        name.textProperty().bindBidirectional(viewModel.nameProperty());
        type.getItems().setAll(TemplateType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(TemplateType t) {
                return MessagesViewModel.typeText(t);
            }

            @Override
            public TemplateType fromString(String s) {
                return null;
            }
        });
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        active.selectedProperty().bindBidirectional(viewModel.activeProperty());
        subject.textProperty().bindBidirectional(viewModel.subjectProperty());
        body.textProperty().bindBidirectional(viewModel.bodyProperty());
        lastField = body;
        subject.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                lastField = subject;
            }
        });
        body.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                lastField = body;
            }
        });
        for (String p : Placeholders.KNOWN) {
            MenuItem item = new MenuItem(MessagesViewModel.placeholderText(p) + "  " + Placeholders.token(p));
            item.setId("insert-" + p);
            // the tokens hold underscores, which a menu would take for mnemonics and hide
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                lastField.insertText(lastField.getCaretPosition(), Placeholders.token(p));
                lastField.requestFocus();
            });
            insert.getItems().add(item);
        }
        previewSubject.textProperty().bind(viewModel.previewSubjectProperty());
        previewBody.textProperty().bind(viewModel.previewBodyProperty());
        showWhenSet(previewWarning, viewModel.previewWarningProperty());
        editor.disableProperty().bind(viewModel.editingProperty().not()
                .or(Bindings.createBooleanBinding(() -> !viewModel.canEdit())));
        save.disableProperty().bind(viewModel.busyProperty().or(viewModel.dirtyProperty().not()));
        save.setOnAction(e -> viewModel.save());

        OutboxViewModel box = viewModel.outbox();
        outboxStatus.textProperty().bind(Bindings.createStringBinding(() -> {
            String progress = box.statusProperty().get();
            if (!progress.isEmpty()) {
                return progress;
            }
            if (!box.canSend()) {
                return Messages.text(viewModel.canEdit() ? "messages.outbox.noSmtp"
                        : viewModel.hasCompany() ? "messages.outbox.offline" : "messages.error.noCompany");
            }
            return Messages.format("messages.outbox.counts", box.waitingProperty().get(), box.failedProperty().get());
        }, box.statusProperty(), box.waitingProperty(), box.failedProperty()));
        showWhenSet(outboxError, box.errorProperty());
        retry.disableProperty().bind(box.failedProperty().isEqualTo(0).or(box.sendingProperty()));
        retry.setOnAction(e -> box.retryFailed());
        sendNow.setDisable(!box.canSend());
        sendNow.disableProperty().bind(box.sendingProperty().or(Bindings.createBooleanBinding(() -> !box.canSend())));
        sendNow.setOnAction(e -> box.sendNow());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.SHORT)
                .withLocale(Messages.locale());
        outbox.setItems(box.open());
        outbox.setPlaceholder(new Label(Messages.text("messages.outbox.empty")));
        outbox.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MessageRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : when.format(r.createdAt().atZoneSameInstant(ZoneId.systemDefault()))
                        + " · " + r.toAddress() + " · " + r.subject() + " · " + OutboxViewModel.stateText(r));
            }
        });
    }

    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
