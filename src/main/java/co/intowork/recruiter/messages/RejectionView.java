package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import co.intowork.recruiter.common.ui.Windows;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Controller of RejectionView.fxml: reason and template for rejecting the board's selected cards. */
public final class RejectionView {
    @FXML private VBox root;
    @FXML private Label summary;
    @FXML private TextField reason;
    @FXML private ComboBox<EmailTemplate> template;
    @FXML private Label previewSubject;
    @FXML private TextArea previewBody;
    @FXML private Label route;
    @FXML private Label error;
    @FXML private Button cancel;
    @FXML private Button confirm;

    private final RejectionViewModel viewModel;

    private RejectionView(RejectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(RejectionViewModel viewModel) {
        return Views.load(RejectionView.class, new RejectionView(viewModel));
    }

    public static Stage show(Window owner, RejectionViewModel viewModel) {
        Stage stage = ComposeView.dialog(owner, load(viewModel), Messages.text("messages.reject.title"));
        viewModel.doneProperty().addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        Windows.showDialog(stage, owner);
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(viewModel.summaryProperty());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        template.setItems(viewModel.templates());
        template.setConverter(ComposeView.templateNames());
        template.valueProperty().bindBidirectional(viewModel.templateProperty());
        previewSubject.textProperty().bind(viewModel.previewSubjectProperty());
        previewBody.textProperty().bind(viewModel.previewBodyProperty());
        ComposeView.showWhenSet(error, viewModel.errorProperty());
        route.textProperty().bind(viewModel.routeProperty());
        confirm.setText(Messages.format("messages.reject.confirm", viewModel.count()));
        confirm.disableProperty().bind(viewModel.busyProperty());
        confirm.setOnAction(e -> viewModel.confirm());
        cancel.setOnAction(e -> root.getScene().getWindow().hide());
    }
}
