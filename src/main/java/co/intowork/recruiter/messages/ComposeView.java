package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import co.intowork.recruiter.common.ui.Windows;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Controller of ComposeView.fxml: a message to one candidate, in its own window over the board or the review. */
public final class ComposeView {
    @FXML private VBox root;
    @FXML private Label heading;
    @FXML private Label to;
    @FXML private ComboBox<EmailTemplate> template;
    @FXML private TextField subject;
    @FXML private TextArea body;
    @FXML private Label previewSubject;
    @FXML private TextArea previewBody;
    @FXML private Label warning;
    @FXML private Label error;
    @FXML private Label route;
    @FXML private Button cancel;
    @FXML private Button send;

    private final ComposeViewModel viewModel;

    private ComposeView(ComposeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ComposeViewModel viewModel) {
        return Views.load(ComposeView.class, new ComposeView(viewModel));
    }

    public static Stage show(Window owner, ComposeViewModel viewModel) {
        Stage stage = dialog(owner, load(viewModel), Messages.text("messages.compose.title"));
        viewModel.doneProperty().addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        Windows.showDialog(stage, owner);
        viewModel.load();
        return stage;
    }

    static Stage dialog(Window owner, Parent view, String title) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(view);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }

    static StringConverter<EmailTemplate> templateNames() {
        return new StringConverter<>() {
            @Override
            public String toString(EmailTemplate t) {
                return t == null ? "" : t.name() + " (" + MessagesViewModel.typeText(t.templateType()) + ")";
            }

            @Override
            public EmailTemplate fromString(String s) {
                return null;
            }
        };
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("messages.compose.heading", viewModel.candidateProperty().get()),
                viewModel.candidateProperty()));
        to.textProperty().bind(viewModel.toProperty());
        template.setItems(viewModel.templates());
        template.setConverter(templateNames());
        template.valueProperty().bindBidirectional(viewModel.templateProperty());
        subject.textProperty().bindBidirectional(viewModel.subjectProperty());
        body.textProperty().bindBidirectional(viewModel.bodyProperty());
        previewSubject.textProperty().bind(viewModel.previewSubjectProperty());
        previewBody.textProperty().bind(viewModel.previewBodyProperty());
        showWhenSet(warning, viewModel.warningProperty());
        showWhenSet(error, viewModel.errorProperty());
        send.setText(viewModel.sendText());
        route.setText(Messages.text("messages.compose.route." + viewModel.route().name().toLowerCase()));
        send.disableProperty().bind(viewModel.busyProperty());
        send.setOnAction(e -> viewModel.send());
        cancel.setOnAction(e -> root.getScene().getWindow().hide());
    }

    static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
