package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Views;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import co.intowork.recruiter.common.ui.Formats;
import co.intowork.recruiter.common.ui.Messages;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Controller of PipelineView.fxml: binds the list, filters and keys to {@link PipelineViewModel}. */
public final class PipelineView {
    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    private static final KeyCombination NEW = KeyCombination.keyCombination("Shortcut+N");
    private static final KeyCombination EDIT = KeyCombination.keyCombination("Shortcut+E");
    // how close to the end of the loaded rows the next page is asked for, so scrolling never waits
    private static final int PREFETCH_ROWS = 30;

    @FXML private VBox root;
    @FXML private TextField search;
    @FXML private ComboBox<JobStatus> status;
    @FXML private ComboBox<JobType> jobType;
    @FXML private ComboBox<LocationType> locationType;
    @FXML private ComboBox<String> country;
    @FXML private ComboBox<Recruiter> recruiter;
    @FXML private TextField tag;
    @FXML private Button clearTag;
    @FXML private Button clear;
    @FXML private ComboBox<JobSort> sort;
    @FXML private Label summary;
    @FXML private ProgressIndicator progress;
    @FXML private Button editButton;
    @FXML private Button newButton;
    @FXML private Label error;
    @FXML private TableView<JobSummary> table;
    @FXML private TableColumn<JobSummary, Integer> idColumn;
    @FXML private TableColumn<JobSummary, String> createdColumn;
    @FXML private TableColumn<JobSummary, String> expiresColumn;
    @FXML private Button copyButton;
    @FXML private Label keysHint;
    @FXML private TableColumn<JobSummary, String> titleColumn;
    @FXML private TableColumn<JobSummary, String> statusColumn;
    @FXML private TableColumn<JobSummary, String> placeColumn;
    @FXML private TableColumn<JobSummary, String> recruiterColumn;
    @FXML private TableColumn<JobSummary, Integer> daysColumn;
    @FXML private TableColumn<JobSummary, Integer> appliedColumn;
    @FXML private TableColumn<JobSummary, Integer> viewedColumn;
    @FXML private TableColumn<JobSummary, Integer> shortlistedColumn;
    @FXML private TableColumn<JobSummary, Integer> interviewColumn;
    @FXML private TableColumn<JobSummary, Integer> acceptedColumn;
    @FXML private TableColumn<JobSummary, Integer> rejectedColumn;
    @FXML private TableColumn<JobSummary, Integer> newColumn;

    private final PipelineViewModel viewModel;

    private PipelineView(PipelineViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(PipelineViewModel viewModel) {
        return Views.load(PipelineView.class, new PipelineView(viewModel));
    }

    @FXML
    private void initialize() {
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(350));
        typing.setOnFinished(e -> viewModel.refresh());
        search.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            viewModel.refresh();
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                e.consume();
            }
        });

        filter(status, JobStatus.values(), viewModel.statusProperty());
        filter(jobType, JobType.values(), viewModel.jobTypeProperty());
        filter(locationType, LocationType.values(), viewModel.locationTypeProperty());
        country.setItems(viewModel.countries());
        country.valueProperty().bindBidirectional(viewModel.countryProperty());
        recruiter.setItems(viewModel.recruiters());
        recruiter.valueProperty().bindBidirectional(viewModel.recruiterProperty());
        for (ComboBox<?> box : new ComboBox<?>[] {status, jobType, locationType, country, recruiter}) {
            clearable(box);
        }
        tag.textProperty().bindBidirectional(viewModel.tagProperty());
        PauseTransition tagTyping = new PauseTransition(Duration.millis(350));
        tagTyping.setOnFinished(e -> viewModel.refresh());
        tag.textProperty().addListener((obs, old, now) -> tagTyping.playFromStart());
        tag.setOnAction(e -> {
            tagTyping.stop();
            viewModel.refresh();
        });
        tag.setTooltip(new Tooltip(Messages.text("pipeline.tag.tip")));
        clearTag.setTooltip(new Tooltip(Messages.text("pipeline.tag.clear")));
        clearTag.disableProperty().bind(viewModel.tagProperty().isEmpty());
        // clearing changes the texts, which would start their typing pauses: the clear itself refreshes once
        clearTag.setOnAction(e -> {
            viewModel.clearTag();
            tagTyping.stop();
        });
        clear.setOnAction(e -> {
            viewModel.clearFilters();
            typing.stop();
            tagTyping.stop();
        });
        sort.getItems().setAll(JobSort.values());
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());

        summary.textProperty().bind(viewModel.summaryProperty());
        progress.visibleProperty().bind(viewModel.loadingProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        newButton.setVisible(viewModel.canEdit());
        newButton.setManaged(viewModel.canEdit());
        newButton.setOnAction(e -> openEditor(viewModel.newJob()));
        editButton.setText(viewModel.canEdit() ? editButton.getText()
                : co.intowork.recruiter.common.ui.Messages.text("pipeline.details"));
        editButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        editButton.setOnAction(e -> editSelected());

        // only the keys this person can use: who may only read jobs gets no Ctrl+N, and Ctrl+E shows details
        if (!viewModel.canEdit()) {
            keysHint.setText(Messages.text("pipeline.keys.readOnly"));
        }
        copyButton.setVisible(viewModel.canEdit());
        copyButton.setManaged(viewModel.canEdit());
        copyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copyButton.setTooltip(new Tooltip(Messages.text("pipeline.copyTip")));
        copyButton.setOnAction(e -> viewModel.copy(table.getSelectionModel().getSelectedItem(), this::openEditor));

        table.setItems(viewModel.jobs());
        // jobs with the same title are told apart by their number, creation date, recruiter and place
        number(idColumn, JobSummary::getId);
        text(createdColumn, j -> Formats.date(j.getCreatedAt()));
        // ordered by expiry, the date column shows the expiry (greyed once past) in the creation day's place
        text(expiresColumn, j -> Formats.date(j.getExpiresAt()));
        expiresColumn.setCellFactory(c -> new TableCell<>() {
            {
                setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                JobSummary job = empty ? null : getTableRow().getItem();
                boolean expired = job != null && viewModel.expired(job);
                getStyleClass().remove("expired");
                if (expired) {
                    getStyleClass().add("expired");
                }
                setTooltip(expired ? new Tooltip(Messages.text("pipeline.expiredTip")) : null);
            }
        });
        expiresColumn.visibleProperty().bind(viewModel.sortProperty().isEqualTo(JobSort.EXPIRING));
        createdColumn.visibleProperty().bind(expiresColumn.visibleProperty().not());
        text(titleColumn, JobSummary::getTitle);
        text(statusColumn, j -> j.jobStatus().label());
        text(placeColumn, j -> place(j));
        text(recruiterColumn, viewModel::recruiterName);
        for (TableColumn<JobSummary, String> column : List.of(titleColumn, placeColumn, recruiterColumn)) {
            column.setCellFactory(c -> new FullTextCell());
        }
        viewModel.recruiters().addListener((javafx.beans.InvalidationListener) o -> table.refresh());
        daysColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getDaysOpen()));
        number(appliedColumn, JobSummary::getApplied);
        number(viewedColumn, JobSummary::getViewed);
        number(shortlistedColumn, JobSummary::getShortlisted);
        number(interviewColumn, JobSummary::getInterview);
        number(acceptedColumn, JobSummary::getAccepted);
        number(rejectedColumn, JobSummary::getRejected);
        number(newColumn, JobSummary::getNewCount);
        for (TableColumn<JobSummary, ?> column : table.getColumns()) {
            // the order is the server's (keyset paging): a click on a header that has one asks for it
            column.setSortable(false);
            header(column, SORTS.get(column.getId()));
        }
        viewModel.sortProperty().addListener((obs, old, now) -> table.getColumns().forEach(this::showSorted));
        table.setRowFactory(t -> {
            TableRow<JobSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(JobSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("has-new");
                    if (!empty && item != null && item.getNewCount() > 0) {
                        getStyleClass().add("has-new");
                    }
                    // virtualised rows: a row near the end being drawn means the person is getting there
                    if (!empty && getIndex() >= viewModel.jobs().size() - PREFETCH_ROWS) {
                        viewModel.loadMore();
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (NEW.match(e) && viewModel.canEdit()) {
                openEditor(viewModel.newJob());
                e.consume();
            } else if (EDIT.match(e)) {
                editSelected();
                e.consume();
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                viewModel.start();
            }
        });
    }

    // the columns a click sorts, by fx:id, and the server order each means
    private static final Map<String, JobSort> SORTS = Map.of("titleColumn", JobSort.TITLE,
            "daysColumn", JobSort.NEWEST, "expiresColumn", JobSort.EXPIRING);

    /**
     * The column's name as a label that shows its full name (and what a click does) on hover, since narrow
     * columns cut their names; a click on a sortable one orders the list by it.
     */
    private void header(TableColumn<JobSummary, ?> column, JobSort order) {
        String key = (String) column.getProperties().get("textKey");
        Label label = new Label(column.getText());
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        String tip = Messages.bundle().containsKey(key + ".tip") ? Messages.text(key + ".tip") : column.getText();
        label.setTooltip(new Tooltip(order == null ? tip : tip + "\n" + Messages.text("pipeline.column.sortTip")));
        label.getProperties().put("name", column.getText());
        column.setText(null);
        column.setGraphic(label);
        if (order != null) {
            label.getStyleClass().add("sortable-header");
            label.setOnMouseClicked(e -> viewModel.sortProperty().set(order));
        }
        showSorted(column);
    }

    /** An arrow beside the name of the column the list is ordered by. */
    private void showSorted(TableColumn<JobSummary, ?> column) {
        if (column.getGraphic() instanceof Label label) {
            boolean sorted = SORTS.get(column.getId()) == viewModel.sortProperty().get();
            label.setText(label.getProperties().get("name") + (sorted ? " ▾" : ""));
        }
    }

    /** A text cell that shows its whole text on hover when the column is too narrow for it. */
    private static final class FullTextCell extends TableCell<JobSummary, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }

    private void editSelected() {
        JobSummary selected = table.getSelectionModel().getSelectedItem();
        viewModel.edit(selected, this::openEditor);
    }

    private void openEditor(JobEditorViewModel editor) {
        JobEditorView.show(root.getScene().getWindow(), editor);
    }

    private static String place(JobSummary j) {
        String city = j.getLocation() == null ? "" : j.getLocation();
        String c = j.getCountry() == null ? "" : j.getCountry();
        return city.isEmpty() ? c : c.isEmpty() ? city : city + " (" + c + ")";
    }

    private static <T> void filter(ComboBox<T> box, T[] values, javafx.beans.property.ObjectProperty<T> property) {
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(property);
    }

    /** A combo box whose prompt comes back when its value is cleared; Delete or Backspace clears it. */
    private static <T> void clearable(ComboBox<T> box) {
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? box.getPromptText() : item.toString());
            }
        });
        box.setOnKeyPressed(e -> {
            // while the list is open the keys edit the recruiter list's search text, not the choice
            if (!box.isShowing() && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                box.setValue(null);
            }
        });
    }

    private static void text(TableColumn<JobSummary, String> column, Function<JobSummary, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void number(TableColumn<JobSummary, Integer> column, ToIntFunction<JobSummary> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsInt(c.getValue())));
    }
}
