package co.intowork.recruiter.app;

import co.intowork.recruiter.seed.DemoLogin;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** Controller of MainView.fxml: binds to {@link MainViewModel}, nothing more. */
public final class MainView {
    @FXML private ToggleButton pipelineButton;
    @FXML private ToggleButton boardButton;
    @FXML private ToggleButton reviewButton;
    @FXML private ToggleButton statisticsButton;
    @FXML private Label sectionTitle;
    @FXML private Label sectionSummary;
    @FXML private VBox startupPane;
    @FXML private ProgressIndicator startupProgress;
    @FXML private Label progressLabel;
    @FXML private VBox errorPane;
    @FXML private Label errorLabel;
    @FXML private Button retryButton;
    @FXML private VBox placeholderPane;
    @FXML private ListView<DemoLogin> demoLoginList;
    @FXML private VBox demoLoginPane;
    @FXML private Label connectionStatus;
    @FXML private Label schemaStatus;
    @FXML private Label busyStatus;

    private final MainViewModel viewModel;

    private MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(MainViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> new MainView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void initialize() {
        Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
        buttons.put(Section.PIPELINE, pipelineButton);
        buttons.put(Section.BOARD, boardButton);
        buttons.put(Section.REVIEW, reviewButton);
        buttons.put(Section.STATISTICS, statisticsButton);
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((section, button) -> {
            button.setToggleGroup(group);
            button.setUserData(section);
            button.setOnAction(e -> viewModel.select(section));
        });
        // keep one section always selected: a click on the current one must not leave none chosen
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        viewModel.sectionProperty().addListener((obs, old, now) -> buttons.get(now).setSelected(true));
        buttons.get(viewModel.sectionProperty().get()).setSelected(true);

        sectionTitle.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.sectionProperty().get().title(), viewModel.sectionProperty()));
        sectionSummary.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.sectionProperty().get().summary() + " — coming soon.", viewModel.sectionProperty()));

        var hasError = viewModel.errorMessageProperty().isNotEmpty();
        startupPane.visibleProperty().bind(viewModel.busyProperty());
        errorPane.visibleProperty().bind(hasError.and(viewModel.busyProperty().not()));
        placeholderPane.visibleProperty().bind(viewModel.busyProperty().not().and(hasError.not()));
        progressLabel.textProperty().bind(viewModel.progressMessageProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        retryButton.setOnAction(e -> viewModel.retry());

        demoLoginList.setItems(viewModel.demoLogins());
        demoLoginList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(DemoLogin item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.email() + "  —  " + item.fullName() + ", " + item.company());
            }
        });
        demoLoginPane.visibleProperty().bind(Bindings.isNotEmpty(viewModel.demoLogins()));
        demoLoginPane.managedProperty().bind(demoLoginPane.visibleProperty());

        connectionStatus.textProperty().bind(viewModel.connectionLabelProperty());
        schemaStatus.textProperty().bind(viewModel.schemaLabelProperty());
        busyStatus.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then(viewModel.progressMessageProperty()).otherwise(""));
    }
}
