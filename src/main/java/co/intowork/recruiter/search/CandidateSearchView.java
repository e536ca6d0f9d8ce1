package co.intowork.recruiter.search;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/** Controller of CandidateSearchView.fxml: the field, the experience filter, the hits and the chosen hit's jobs. */
public final class CandidateSearchView {
    // typing pauses this long before a search is sent; Enter sends at once
    private static final Duration TYPING_PAUSE = Duration.millis(250);

    @FXML private VBox root;
    @FXML private HBox searchRow;
    @FXML private ComboBox<Integer> minYears;
    @FXML private ProgressIndicator progress;
    @FXML private Label summary;
    @FXML private Label error;
    @FXML private ListView<CandidateSearchService.Result> results;
    @FXML private Label chosenName;
    @FXML private ListView<AppliedJob> jobs;

    private final CandidateSearchViewModel viewModel;

    private CandidateSearchView(CandidateSearchViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(CandidateSearchViewModel viewModel) {
        return Views.load(CandidateSearchView.class, new CandidateSearchView(viewModel));
    }

    @FXML
    private void initialize() {
        // ControlsFX: the field with a clear button (×) inside it
        TextField field = TextFields.createClearableTextField();
        field.setId("search-field");
        field.getStyleClass().add("initial-focus");
        field.setPromptText(Messages.text("search.prompt"));
        field.setTooltip(new Tooltip(Messages.text("search.promptTip")));
        HBox.setHgrow(field, Priority.ALWAYS);
        searchRow.getChildren().add(0, field);
        field.textProperty().bindBidirectional(viewModel.queryProperty());
        field.setDisable(!viewModel.available());
        minYears.setDisable(!viewModel.available());

        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> viewModel.search());
        field.textProperty().addListener((obs, old, now) -> pause.playFromStart());
        field.setOnAction(e -> {
            pause.stop();
            viewModel.search();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                e.consume();
            }
        });

        minYears.getItems().setAll(CandidateSearchViewModel.MIN_YEARS);
        minYears.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer years) {
                return CandidateSearchViewModel.yearsChoiceText(years);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        minYears.valueProperty().bindBidirectional(viewModel.minYearsProperty());
        minYears.valueProperty().addListener((obs, old, now) -> viewModel.search());

        progress.visibleProperty().bind(viewModel.busyProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        results.setItems(viewModel.results());
        results.setPlaceholder(new Label(Messages.text("search.placeholder")));
        results.setCellFactory(list -> new HitCell());
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && results.getSelectionModel().getSelectedItem() != now) {
                results.getSelectionModel().select(now);
            }
            chosenName.setText(now == null ? "" : now.candidate().name());
            jobs.getItems().setAll(now == null ? java.util.List.of() : now.jobs());
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && !jobs.getItems().isEmpty()) {
                jobs.requestFocus();
                jobs.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewModel.openSelected();
            }
        });

        jobs.setPlaceholder(new Label(""));
        jobs.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AppliedJob job, boolean empty) {
                super.updateItem(job, empty);
                setText(empty || job == null ? null : CandidateSearchViewModel.jobText(job));
            }
        });
        jobs.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(viewModel.selectedProperty().get(), jobs.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                results.requestFocus();
                e.consume();
            }
        });
        jobs.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewModel.open(viewModel.selectedProperty().get(), jobs.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** A hit: the name, then title · place · experience, then its jobs with their status. */
    private static final class HitCell extends ListCell<CandidateSearchService.Result> {
        @Override
        protected void updateItem(CandidateSearchService.Result result, boolean empty) {
            super.updateItem(result, empty);
            if (empty || result == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(result.candidate().name());
            name.getStyleClass().add("search-hit-name");
            Label details = new Label(CandidateSearchViewModel.detailsText(result.candidate()));
            details.getStyleClass().add("text-muted");
            VBox box = new VBox(2, name, details);
            for (AppliedJob job : result.jobs()) {
                Label line = new Label("• " + CandidateSearchViewModel.jobText(job));
                line.getStyleClass().add("search-hit-job");
                box.getChildren().add(line);
            }
            if (result.moreJobs()) {
                Label more = new Label(Messages.text("search.moreJobs"));
                more.getStyleClass().addAll("search-hit-job", "text-muted");
                box.getChildren().add(more);
            }
            box.setMinWidth(0);
            box.getStyleClass().add("search-hit");
            setText(null);
            setGraphic(box);
        }
    }
}
