package co.intowork.recruiter.interviews;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import co.intowork.recruiter.common.ui.Windows;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

import java.time.ZoneId;
import java.util.List;
import java.util.function.IntConsumer;

/** Controller of InterviewDialog.fxml: the scheduling form, in its own window over the board, review or calendar. */
public final class InterviewDialog {
    /** Zones offered first; any IANA name can be typed. */
    static final List<String> ZONES = List.of("Africa/Libreville", "Africa/Douala", "Africa/Brazzaville",
            "Africa/Kinshasa", "Africa/Ndjamena", "Africa/Dakar", "Africa/Abidjan", "Africa/Lome", "Africa/Bamako",
            "Africa/Ouagadougou", "Africa/Niamey", "Africa/Porto-Novo", "Europe/Paris", "UTC");

    @FXML private VBox root;
    @FXML private Label heading;
    @FXML private Label candidate;
    @FXML private TextField title;
    @FXML private DatePicker date;
    @FXML private TextField time;
    @FXML private ComboBox<String> zone;
    @FXML private ComboBox<Integer> duration;
    @FXML private TextField place; // not "location": FXMLLoader injects its own URL into a field of that name
    @FXML private TextField link;
    @FXML private HBox addRow;
    @FXML private ListView<Interviewer> chosen;
    @FXML private Label candidateEmail;
    @FXML private TextArea description;
    @FXML private Label warning;
    @FXML private Label error;
    @FXML private Label offlineNote;
    @FXML private ProgressIndicator progress;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private final InterviewDialogViewModel viewModel;
    private final IntConsumer saved;
    private Stage stage;

    private InterviewDialog(InterviewDialogViewModel viewModel, IntConsumer saved) {
        this.viewModel = viewModel;
        this.saved = saved;
    }

    /** Shows the dialog (not blocking); {@code saved} gets the interview's id (0: waiting in the outbox). */
    public static Stage show(Window owner, InterviewDialogViewModel viewModel, IntConsumer saved) {
        InterviewDialog controller = new InterviewDialog(viewModel, saved);
        Parent view = Views.load(InterviewDialog.class, controller);
        Stage stage = new Stage();
        controller.stage = stage;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.headingProperty().get());
        Scene scene = new Scene(view);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        Windows.showDialog(stage, owner);
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        candidate.textProperty().bind(viewModel.candidateProperty());
        candidateEmail.textProperty().bind(viewModel.candidateEmailProperty());
        title.textProperty().bindBidirectional(viewModel.titleProperty());
        // the app's language, not the computer's (a French window showed 12/7/2026)
        date.setConverter(new javafx.util.converter.LocalDateStringConverter(java.time.format.FormatStyle.SHORT,
                Messages.locale(), java.time.chrono.IsoChronology.INSTANCE));
        date.valueProperty().bindBidirectional(viewModel.dateProperty());
        time.textProperty().bindBidirectional(viewModel.timeProperty());
        zone.getItems().setAll(ZONES);
        zone.valueProperty().bindBidirectional(viewModel.zoneProperty());
        if (!ZONES.contains(ZoneId.systemDefault().getId())) {
            zone.getItems().add(ZoneId.systemDefault().getId());
        }
        duration.getItems().setAll(InterviewDialogViewModel.DURATIONS);
        duration.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null ? "" : Messages.format("interview.minutes", minutes);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        duration.valueProperty().bindBidirectional(viewModel.durationProperty());
        place.textProperty().bindBidirectional(viewModel.locationProperty());
        link.textProperty().bindBidirectional(viewModel.meetingLinkProperty());
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());

        // ControlsFX: a company may have a thousand colleagues; the picker filters as one types
        SearchableComboBox<Interviewer> picker = new SearchableComboBox<>(viewModel.people());
        picker.setId("interview-people");
        picker.setPromptText(Messages.text("interview.addInterviewer"));
        picker.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(picker, Priority.ALWAYS);
        Button add = new Button(Messages.text("interview.add"));
        add.setId("interview-add");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.disableProperty().bind(picker.valueProperty().isNull());
        add.setOnAction(e -> {
            viewModel.addInterviewer(picker.getValue());
            picker.setValue(null);
        });
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.addInterviewer(now);
                javafx.application.Platform.runLater(() -> picker.setValue(null));
            }
        });
        addRow.getChildren().setAll(picker, add);

        chosen.setItems(viewModel.interviewers());
        chosen.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Interviewer item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item.toString());
                Button remove = new Button("×");
                remove.getStyleClass().add("flat");
                remove.setAccessibleText(Messages.format("interview.remove", item.name()));
                remove.setOnAction(e -> viewModel.removeInterviewer(item));
                setGraphic(remove);
            }
        });
        chosen.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)
                    && chosen.getSelectionModel().getSelectedItem() != null) {
                viewModel.removeInterviewer(chosen.getSelectionModel().getSelectedItem());
            }
        });

        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        offlineNote.setVisible(viewModel.offline());
        offlineNote.setManaged(viewModel.offline());
        progress.visibleProperty().bind(viewModel.busyProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        saveButton.setText(Messages.text(viewModel.isChange() ? "interview.saveChange" : "interview.save"));
        saveButton.setOnAction(e -> viewModel.save(id -> {
            stage.close();
            saved.accept(id);
        }));
        cancelButton.setOnAction(e -> stage.close());
        time.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.checkConflicts();
            }
        });
    }
}
