package co.intowork.recruiter.auth;

import javafx.beans.binding.Bindings;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


/** Controller of LoginView.fxml: binds to {@link LoginViewModel}. */
public final class LoginView {
    @FXML private StackPane root;
    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label notice;
    @FXML private ComboBox<ServerProfile> server;
    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private Label error;
    @FXML private Button signIn;
    @FXML private ProgressIndicator progress;
    @FXML private VBox demoPane;
    @FXML private ListView<DemoLogin> demoLogins;
    @FXML private Label demoHelp;

    private final LoginViewModel viewModel;

    private LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(LoginViewModel viewModel) {
        return Views.load(LoginView.class, new LoginView(viewModel));
    }

    @FXML
    private void initialize() {
        var again = viewModel.signingInAgainProperty();
        again.addListener((obs, was, now) -> {
            root.getStyleClass().remove("over-workspace");
            if (now) {
                root.getStyleClass().add("over-workspace");
            }
        });
        title.textProperty().bind(Bindings.when(again).then(Messages.text("login.titleAgain"))
                .otherwise(Messages.text("login.title")));
        subtitle.textProperty().bind(Bindings.when(again).then(Messages.text("login.subtitleAgain"))
                .otherwise(Messages.text("login.subtitle")));
        demoHelp.setText(Messages.format("login.demoHelp", DemoLogin.PASSWORD));
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        server.setItems(viewModel.profiles());
        server.valueProperty().bindBidirectional(viewModel.selectedProfileProperty());
        server.disableProperty().bind(again.or(viewModel.signingInProperty()));

        email.textProperty().bindBidirectional(viewModel.emailProperty());
        email.disableProperty().bind(again.or(viewModel.signingInProperty()));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.disableProperty().bind(viewModel.signingInProperty());

        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        signIn.disableProperty().bind(viewModel.signingInProperty());
        signIn.setOnAction(e -> viewModel.submit());
        // Enter in either field signs in, whichever control the scene treats as default
        password.setOnAction(e -> viewModel.submit());
        email.setOnAction(e -> password.requestFocus());
        progress.visibleProperty().bind(viewModel.signingInProperty());

        demoLogins.setItems(viewModel.demoLogins());
        demoLogins.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DemoLogin item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.fullName() + "  ·  " + item.company() + "\n" + item.email());
            }
        });
        demoLogins.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fillFromDemo();
            }
        });
        demoLogins.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                fillFromDemo();
                e.consume();
            }
        });
        demoPane.visibleProperty().bind(Bindings.isNotEmpty(viewModel.demoLogins()).and(again.not()));
        demoPane.managedProperty().bind(demoPane.visibleProperty());

        // the field to type into first: the password when the address is already known
        email.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                (viewModel.emailProperty().get().isBlank() ? email : password).requestFocus();
            }
        });
        again.addListener((obs, was, now) -> {
            if (now) {
                password.requestFocus();
            }
        });
    }

    private void fillFromDemo() {
        viewModel.useDemoAccount(demoLogins.getSelectionModel().getSelectedItem());
        password.requestFocus();
    }
}
