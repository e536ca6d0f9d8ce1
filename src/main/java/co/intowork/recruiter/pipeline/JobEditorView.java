package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Locale;

/** Controller of JobEditorView.fxml, shown in its own window over the pipeline. */
public final class JobEditorView {
    @FXML private VBox root;
    @FXML private Label heading;
    @FXML private Label statusLabel;
    @FXML private HBox moveButtons;
    @FXML private Label errors;
    @FXML private Label message;
    @FXML private TextField title;
    @FXML private TextArea description;
    @FXML private TextArea requirements;
    @FXML private TextArea responsibilities;
    @FXML private TextArea benefits;
    @FXML private ComboBox<JobType> jobType;
    @FXML private ComboBox<LocationType> locationType;
    @FXML private TextField city;
    @FXML private TextField country;
    @FXML private ComboBox<String> zone;
    @FXML private ComboBox<String> language;
    @FXML private TextField salaryMin;
    @FXML private TextField salaryMax;
    @FXML private ComboBox<String> currency;
    @FXML private Label salaryPreview;
    @FXML private DatePicker expiresOn;
    @FXML private CheckBox featured;
    @FXML private TextField imageUrl;
    @FXML private TextArea context;
    @FXML private TextArea missionPrincipale;
    @FXML private TextArea profilFormation;
    @FXML private TextArea profilExperience;
    @FXML private TextArea profilCompetences;
    @FXML private TextArea profilPosture;
    @FXML private TextArea profilAutre;
    @FXML private Button reloadButton;
    @FXML private Button closeButton;
    @FXML private Button saveButton;
    @FXML private VBox confirmBar;
    @FXML private Label confirmText;
    @FXML private Button confirmCancel;
    @FXML private Button confirmYes;

    private final JobEditorViewModel viewModel;

    private JobEditorView(JobEditorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Stage show(Window owner, JobEditorViewModel viewModel) {
        Parent view = Views.load(JobEditorView.class, new JobEditorView(viewModel));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(titleOf(viewModel));
        Scene scene = new Scene(view);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        co.intowork.recruiter.common.ui.Windows.showDialog(stage, owner);
        return stage;
    }

    /** "New job", "Edit job", or "View job" for who may only read it (a hiring manager, or anyone offline). */
    static String titleOf(JobEditorViewModel viewModel) {
        return Messages.text(viewModel.isNew() ? "pipeline.editor.newTitle"
                : viewModel.canEdit() ? "pipeline.editor.editTitle" : "pipeline.editor.viewTitle");
    }

    @FXML
    private void initialize() {
        heading.setText(titleOf(viewModel));
        statusLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.statusProperty().get().label(), viewModel.statusProperty()));
        bind(title, viewModel.titleProperty());
        bind(description, viewModel.descriptionProperty());
        bind(requirements, viewModel.requirementsProperty());
        bind(responsibilities, viewModel.responsibilitiesProperty());
        bind(benefits, viewModel.benefitsProperty());
        bind(city, viewModel.locationProperty());
        bind(country, viewModel.countryProperty());
        bind(salaryMin, viewModel.salaryMinProperty());
        bind(salaryMax, viewModel.salaryMaxProperty());
        bind(imageUrl, viewModel.imageUrlProperty());
        bind(context, viewModel.contextProperty());
        bind(missionPrincipale, viewModel.missionPrincipaleProperty());
        bind(profilFormation, viewModel.profilFormationProperty());
        bind(profilExperience, viewModel.profilExperienceProperty());
        bind(profilCompetences, viewModel.profilCompetencesProperty());
        bind(profilPosture, viewModel.profilPostureProperty());
        bind(profilAutre, viewModel.profilAutreProperty());
        jobType.getItems().setAll(JobType.values());
        jobType.valueProperty().bindBidirectional(viewModel.jobTypeProperty());
        locationType.getItems().setAll(LocationType.values());
        locationType.valueProperty().bindBidirectional(viewModel.locationTypeProperty());
        zone.getItems().setAll(JobEditorViewModel.ZONES);
        zone.valueProperty().bindBidirectional(viewModel.zoneProperty());
        language.getItems().setAll(JobEditorViewModel.LANGUAGES);
        language.valueProperty().bindBidirectional(viewModel.languageProperty());
        currency.getItems().setAll(JobEditorViewModel.CURRENCIES);
        currency.valueProperty().bindBidirectional(viewModel.currencyProperty());
        salaryPreview.textProperty().bind(viewModel.salaryPreviewProperty());
        expiresOn.valueProperty().bindBidirectional(viewModel.expiresOnProperty());
        featured.selectedProperty().bindBidirectional(viewModel.featuredProperty());
        for (var control : new javafx.scene.control.Control[] {jobType, locationType, zone, language, currency,
                expiresOn, featured}) {
            control.disableProperty().bind(viewModel.busyProperty().or(Bindings.createBooleanBinding(
                    () -> !viewModel.canEdit())));
        }

        errors.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.errors()), viewModel.errors()));
        errors.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errors()));
        errors.managedProperty().bind(errors.visibleProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        viewModel.moves().addListener((ListChangeListener<JobStatus>) c -> showMoves());
        showMoves();
        saveButton.setVisible(viewModel.canEdit());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        saveButton.setOnAction(e -> viewModel.save());
        // who may only read has no changes to discard
        reloadButton.setVisible(!viewModel.isNew() && viewModel.canEdit());
        reloadButton.setOnAction(e -> viewModel.reload());
        closeButton.setOnAction(e -> root.getScene().getWindow().hide());
        // the editor opens on its first field, never on a status button that Space would press
        javafx.application.Platform.runLater(title::requestFocus);

        var asking = viewModel.confirmQuestionProperty().isNotEmpty();
        confirmBar.visibleProperty().bind(asking);
        confirmBar.managedProperty().bind(asking);
        confirmText.textProperty().bind(viewModel.confirmQuestionProperty());
        confirmYes.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pendingMoveProperty().get() == null
                ? "" : Messages.text("pipeline.move.to." + viewModel.pendingMoveProperty().get().dbValue()),
                viewModel.pendingMoveProperty()));
        confirmYes.setOnAction(e -> viewModel.confirmMove());
        confirmCancel.setOnAction(e -> viewModel.cancelMove());
        // while asking, Esc and Enter/Space keep the job as it is: the safe answer has the focus
        confirmCancel.cancelButtonProperty().bind(asking);
        closeButton.cancelButtonProperty().bind(asking.not());
        asking.addListener((obs, was, now) -> {
            if (now) {
                javafx.application.Platform.runLater(confirmCancel::requestFocus);
            }
        });
    }

    private void bind(TextInputControl field, javafx.beans.property.StringProperty property) {
        field.textProperty().bindBidirectional(property);
        field.setEditable(viewModel.canEdit());
    }

    private void showMoves() {
        moveButtons.getChildren().clear();
        for (JobStatus target : viewModel.moves()) {
            boolean reopen = target == JobStatus.PUBLISHED && viewModel.statusProperty().get() == JobStatus.CLOSED;
            Button button = new Button(Messages.text(reopen ? "pipeline.move.reopen" : "pipeline.move.to." + target.dbValue()));
            button.setId("editor-move-" + target.name().toLowerCase(Locale.ROOT));
            button.disableProperty().bind(viewModel.busyProperty());
            button.setOnAction(e -> viewModel.move(target));
            moveButtons.getChildren().add(button);
        }
    }
}
