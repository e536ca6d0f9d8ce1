package co.intowork.recruiter.review;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.util.Arrays;

/** Controller of ReviewView.fxml. */
public final class ReviewView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN_CV = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    @FXML private BorderPane root;
    @FXML private Label heading;
    @FXML private Label subtitle;
    @FXML private ProgressIndicator progress;
    @FXML private Label position;
    @FXML private MenuButton moveMenu;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Button backButton;
    @FXML private Label message;
    @FXML private HBox errorBar;
    @FXML private Label error;
    @FXML private Button conflictReload;
    @FXML private Label profile;
    @FXML private Label summary;
    @FXML private Label cv;
    @FXML private Button openCvButton;
    @FXML private Button writeButton;
    @FXML private Label messagesSent;
    @FXML private Button previewCvButton;
    @FXML private VBox cvPagesBox;
    @FXML private Label experiences;
    @FXML private Label educations;
    @FXML private Label skills;
    @FXML private Label coverLetter;
    @FXML private TextArea notes;
    @FXML private VBox threadBox;
    @FXML private Label threadOffline;
    @FXML private TextArea noteDraft;
    @FXML private Button addNoteButton;
    @FXML private TextField rating;
    @FXML private GridPane scorecard;
    @FXML private Label scoreAverage;
    @FXML private Label aiScore;
    @FXML private Label aiWhen;
    @FXML private Label aiDetails;
    @FXML private javafx.scene.layout.FlowPane tagsPane;
    @FXML private TextField tagDraft;
    @FXML private Button addTagButton;
    @FXML private Button saveButton;
    @FXML private Button reloadButton;
    @FXML private Label timeline;

    private final ReviewViewModel viewModel;

    private ReviewView(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ReviewViewModel viewModel) {
        return Views.load(ReviewView.class, new ReviewView(viewModel));
    }

    @FXML
    private void initialize() {
        addInterviews();
        heading.textProperty().bind(Bindings.when(viewModel.reviewProperty().isNull())
                .then(Messages.text("review.empty")).otherwise(viewModel.headingProperty()));
        javafx.scene.control.Tooltip fullName = new javafx.scene.control.Tooltip();
        fullName.textProperty().bind(heading.textProperty());
        heading.setTooltip(fullName);
        subtitle.textProperty().bind(viewModel.subtitleProperty());
        position.textProperty().bind(viewModel.positionProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        showWhenText(message, viewModel.messageProperty());
        error.textProperty().bind(viewModel.errorProperty());
        errorBar.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());
        conflictReload.visibleProperty().bind(viewModel.conflictProperty());
        conflictReload.managedProperty().bind(conflictReload.visibleProperty());
        conflictReload.setOnAction(e -> viewModel.reload());

        profile.textProperty().bind(viewModel.profileProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        cv.textProperty().bind(viewModel.cvTextProperty());
        openCvButton.disableProperty().bind(viewModel.canOpenCvProperty().not());
        openCvButton.setOnAction(e -> viewModel.openCv());
        // candidates' messages (issue 21)
        // the header holds seven actions: the occasional ones as icons (tooltips say what they do)
        co.intowork.recruiter.common.ui.Views.iconOnly(writeButton);
        co.intowork.recruiter.common.ui.Views.iconOnly(backButton);
        writeButton.setVisible(viewModel.canMessage());
        writeButton.setManaged(viewModel.canMessage());
        writeButton.disableProperty().bind(viewModel.reviewProperty().isNull());
        writeButton.setOnAction(e -> viewModel.compose());
        messagesSent.textProperty().bind(viewModel.messagesSentProperty());
        messagesSent.visibleProperty().bind(viewModel.messagesSentProperty().isNotEmpty());
        messagesSent.managedProperty().bind(messagesSent.visibleProperty());
        viewModel.composeProperty().addListener((o, was, now) -> {
            if (now != null) {
                co.intowork.recruiter.messages.ComposeView.show(root.getScene().getWindow(), now);
            }
        });
        previewCvButton.disableProperty().bind(viewModel.canOpenCvProperty().not());
        previewCvButton.setOnAction(e -> viewModel.previewCv());
        cvPagesBox.managedProperty().bind(cvPagesBox.visibleProperty());
        viewModel.cvPages().addListener((javafx.collections.ListChangeListener<byte[]>) c -> {
            cvPagesBox.getChildren().clear();
            for (byte[] png : viewModel.cvPages()) {
                javafx.scene.image.ImageView page = new javafx.scene.image.ImageView(
                        new javafx.scene.image.Image(new java.io.ByteArrayInputStream(png)));
                page.setPreserveRatio(true);
                page.setFitWidth(520);
                page.getStyleClass().add("cv-page");
                cvPagesBox.getChildren().add(page);
            }
            cvPagesBox.setVisible(!viewModel.cvPages().isEmpty());
        });
        cvPagesBox.setVisible(false);
        bindLines(experiences, viewModel.experiences());
        bindLines(educations, viewModel.educations());
        bindLines(skills, viewModel.skills());
        bindLines(timeline, viewModel.timeline());
        coverLetter.textProperty().bind(viewModel.coverLetterProperty());

        notes.textProperty().bindBidirectional(viewModel.notesProperty());
        setUpThread();
        rating.textProperty().bindBidirectional(viewModel.ratingProperty());
        scoreAverage.textProperty().bind(viewModel.scoreAverageProperty());
        setUpAnalysisAndTags();
        int row = 0;
        for (Scorecard.Criterion c : Scorecard.criteria()) {
            ComboBox<Integer> box = new ComboBox<>();
            box.getItems().setAll(Arrays.asList(null, 1, 2, 3, 4, 5));
            box.setId("review-score-" + c.key());
            box.valueProperty().bindBidirectional(viewModel.scoreProperty(c));
            scorecard.addRow(row++, new Label(Messages.text("review.score." + c.key())), box);
        }

        saveButton.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.busyProperty()));
        saveButton.setOnAction(e -> viewModel.save());
        reloadButton.disableProperty().bind(viewModel.reviewProperty().isNull());
        reloadButton.setOnAction(e -> viewModel.reload());
        viewModel.moveTargets().addListener((javafx.collections.ListChangeListener<Object>) change ->
                moveMenu.getItems().setAll(viewModel.moveTargets().stream().map(to -> {
                    MenuItem item = new MenuItem(to.displayName());
                    item.setId("review-move-" + to.label());
                    item.setOnAction(e -> viewModel.moveTo(to));
                    return item;
                }).toList()));
        moveMenu.disableProperty().bind(Bindings.isEmpty(viewModel.moveTargets()).or(viewModel.busyProperty()));
        previousButton.setOnAction(e -> viewModel.previous());
        nextButton.setOnAction(e -> viewModel.next());
        backButton.setOnAction(e -> viewModel.backToBoard());

        // filters, so the keys work while typing in the notes too
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                viewModel.save();
            } else if (OPEN_CV.match(e)) {
                viewModel.openCv();
            } else if (PREVIOUS.match(e) || e.getCode() == KeyCode.PAGE_UP && !notes.isFocused()) {
                viewModel.previous();
            } else if (NEXT.match(e) || e.getCode() == KeyCode.PAGE_DOWN && !notes.isFocused()) {
                viewModel.next();
            } else {
                return;
            }
            e.consume();
        });
    }

    /** The platform's AI match analysis, and its tags: each a chip with a remove button; typing offers the job's. */
    private void setUpAnalysisAndTags() {
        aiScore.textProperty().bind(viewModel.aiScoreProperty());
        showWhenText(aiWhen, viewModel.aiWhenProperty());
        showWhenText(aiDetails, viewModel.aiDetailsProperty());
        tagDraft.textProperty().bindBidirectional(viewModel.tagDraftProperty());
        tagDraft.setOnAction(e -> viewModel.addTag());
        org.controlsfx.control.textfield.TextFields.bindAutoCompletion(tagDraft, request -> {
            String typed = ReviewService.normalizeTag(request.getUserText());
            return viewModel.tagChoices().stream()
                    .filter(t -> !viewModel.tags().contains(t) && (typed.isEmpty() || t.contains(typed)))
                    .limit(12).toList();
        });
        addTagButton.disableProperty().bind(viewModel.tagDraftProperty().isEmpty().or(viewModel.busyProperty())
                .or(viewModel.reviewProperty().isNull()));
        addTagButton.setOnAction(e -> viewModel.addTag());
        javafx.collections.ListChangeListener<String> redraw = c -> drawTags();
        viewModel.tags().addListener(redraw);
        drawTags();
    }

    private void drawTags() {
        tagsPane.getChildren().clear();
        if (viewModel.tags().isEmpty()) {
            Label none = new Label(Messages.text("review.tags.none"));
            none.getStyleClass().addAll("text-muted", "text-small");
            tagsPane.getChildren().add(none);
            return;
        }
        for (String tag : viewModel.tags()) {
            Button remove = new Button(null, new org.kordamp.ikonli.javafx.FontIcon("fth-x"));
            remove.getStyleClass().addAll("flat", "small");
            remove.setId("review-remove-tag-" + tag.replaceAll("[^\\p{Alnum}]", "_"));
            remove.setTooltip(new javafx.scene.control.Tooltip(Messages.format("review.tags.remove", tag)));
            remove.disableProperty().bind(viewModel.busyProperty());
            remove.setOnAction(e -> viewModel.removeTag(tag));
            Label name = new Label(tag);
            HBox chip = new HBox(2, name, remove);
            chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            chip.getStyleClass().add("review-tag");
            tagsPane.getChildren().add(chip);
        }
    }

    /** The notes thread: each note with its author and time, a Delete button on one's own; Ctrl+Enter adds. */
    private void setUpThread() {
        noteDraft.textProperty().bindBidirectional(viewModel.noteDraftProperty());
        var available = viewModel.threadAvailableProperty();
        for (javafx.scene.Node n : new javafx.scene.Node[] {noteDraft, addNoteButton}) {
            n.visibleProperty().bind(available);
            n.managedProperty().bind(available);
        }
        threadOffline.visibleProperty().bind(available.not());
        threadOffline.managedProperty().bind(threadOffline.visibleProperty());
        addNoteButton.disableProperty().bind(viewModel.noteDraftProperty().isEmpty().or(viewModel.busyProperty())
                .or(viewModel.reviewProperty().isNull()));
        addNoteButton.setOnAction(e -> viewModel.addNote());
        noteDraft.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                viewModel.addNote();
                e.consume();
            }
        });
        javafx.collections.ListChangeListener<ReviewViewModel.ThreadItem> redraw = c -> drawThread();
        viewModel.thread().addListener(redraw);
        drawThread();
    }

    private void drawThread() {
        threadBox.getChildren().clear();
        if (viewModel.thread().isEmpty()) {
            Label none = new Label(Messages.text("review.thread.none"));
            none.getStyleClass().addAll("text-muted", "text-small");
            threadBox.getChildren().add(none);
            return;
        }
        int i = 0;
        for (ReviewViewModel.ThreadItem item : viewModel.thread()) {
            Label heading = new Label(item.heading());
            heading.getStyleClass().addAll("text-small", "thread-heading");
            heading.setWrapText(true);
            heading.setMinWidth(0);
            HBox.setHgrow(heading, javafx.scene.layout.Priority.SOMETIMES);
            Label text = new Label(item.text());
            text.setWrapText(true);
            HBox top = new HBox(8, heading);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (item.mine()) {
                javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
                HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
                Button delete = new Button(Messages.text("review.thread.delete"));
                delete.setId("review-delete-note-" + i);
                delete.getStyleClass().addAll("flat", "small");
                delete.disableProperty().bind(viewModel.busyProperty());
                delete.setOnAction(e -> viewModel.deleteNote(item));
                top.getChildren().addAll(gap, delete);
            }
            VBox card = new VBox(2, top, text);
            card.getStyleClass().add(item.note().hiringManager() ? "thread-note-manager" : "thread-note");
            card.setId("review-note-" + i++);
            threadBox.getChildren().add(card);
        }
    }

    private static void showWhenText(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void bindLines(Label label, ObservableList<String> lines) {
        label.textProperty().bind(Bindings.createStringBinding(() -> lines.isEmpty() ? "—" : String.join("\n", lines),
                lines));
    }

    /** Issue 21: "Schedule an interview…" beside the move menu, and the application's interviews under the subtitle. */
    private void addInterviews() {
        if (!viewModel.canScheduleInterviews()) {
            return;
        }
        javafx.scene.control.Button schedule = new javafx.scene.control.Button(Messages.text("interview.schedule"));
        schedule.setId("review-schedule-interview");
        schedule.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-calendar"));
        co.intowork.recruiter.common.ui.Views.iconOnly(schedule);
        schedule.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        schedule.disableProperty().bind(viewModel.reviewProperty().isNull());
        schedule.setOnAction(e -> {
            var dialog = viewModel.scheduleInterview();
            if (dialog != null) {
                co.intowork.recruiter.interviews.InterviewDialog.show(root.getScene().getWindow(), dialog,
                        viewModel::interviewScheduled);
            }
        });
        javafx.scene.layout.Pane header = (javafx.scene.layout.Pane) moveMenu.getParent();
        header.getChildren().add(header.getChildren().indexOf(moveMenu), schedule);
        Label list = new Label();
        list.setId("review-interviews");
        list.setWrapText(true);
        list.getStyleClass().add("text-muted");
        list.textProperty().bind(viewModel.interviewsTextProperty());
        list.visibleProperty().bind(viewModel.interviewsTextProperty().isNotEmpty());
        list.managedProperty().bind(list.visibleProperty());
        javafx.scene.layout.Pane top = (javafx.scene.layout.Pane) subtitle.getParent();
        top.getChildren().add(top.getChildren().indexOf(subtitle) + 1, list);
    }
}
