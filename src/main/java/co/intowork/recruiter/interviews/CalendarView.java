package co.intowork.recruiter.interviews;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.SegmentedButton;

import java.io.File;
import java.time.LocalDate;
import java.util.List;

/** Controller of CalendarView.fxml: the day or week, the chosen interview and what can be done with it. */
public final class CalendarView {
    @FXML private VBox root;
    @FXML private HBox toolbar;
    @FXML private Button previous;
    @FXML private Button today;
    @FXML private Button next;
    @FXML private Label heading;
    @FXML private ProgressIndicator progress;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private GridPane week;
    @FXML private Label detailsTitle;
    @FXML private Label details;
    @FXML private Button open;
    @FXML private Button change;
    @FXML private Button confirm;
    @FXML private Button done;
    @FXML private Button cancel;
    @FXML private Button invitation;

    private final CalendarViewModel viewModel;

    private CalendarView(CalendarViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(CalendarViewModel viewModel) {
        Parent view = Views.load(CalendarView.class, new CalendarView(viewModel));
        viewModel.refresh();
        return view;
    }

    @FXML
    private void initialize() {
        // ControlsFX: the two choices each as one control of two segments
        ToggleButton dayButton = new ToggleButton(Messages.text("calendar.day"));
        dayButton.setId("calendar-span-day");
        ToggleButton weekButton = new ToggleButton(Messages.text("calendar.weekView"));
        weekButton.setId("calendar-span-week");
        SegmentedButton span = new SegmentedButton(dayButton, weekButton);
        weekButton.setSelected(viewModel.spanProperty().get() == CalendarViewModel.Span.WEEK);
        dayButton.setSelected(!weekButton.isSelected());
        dayButton.setOnAction(e -> {
            dayButton.setSelected(true);
            viewModel.setSpan(CalendarViewModel.Span.DAY);
        });
        weekButton.setOnAction(e -> {
            weekButton.setSelected(true);
            viewModel.setSpan(CalendarViewModel.Span.WEEK);
        });
        ToggleButton allButton = new ToggleButton(Messages.text("calendar.all"));
        allButton.setId("calendar-all");
        ToggleButton mineButton = new ToggleButton(Messages.text("calendar.mine"));
        mineButton.setId("calendar-mine");
        SegmentedButton whose = new SegmentedButton(allButton, mineButton);
        allButton.setSelected(true);
        allButton.setOnAction(e -> {
            allButton.setSelected(true);
            viewModel.setMine(false);
        });
        mineButton.setOnAction(e -> {
            mineButton.setSelected(true);
            viewModel.setMine(true);
        });
        toolbar.getChildren().addAll(span, whose);

        previous.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
        today.setOnAction(e -> viewModel.today());
        heading.textProperty().bind(viewModel.headingProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(viewModel.messageProperty().isNotEmpty());
        error.textProperty().bind(viewModel.errorProperty());
        error.managedProperty().bind(viewModel.errorProperty().isNotEmpty());

        detailsTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "" : viewModel.detailsTitle(viewModel.selectedProperty().get()), viewModel.selectedProperty()));
        detailsTitle.managedProperty().bind(viewModel.selectedProperty().isNotNull());
        details.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? Messages.text("calendar.nothingChosen") : viewModel.detailsText(viewModel.selectedProperty().get()),
                viewModel.selectedProperty()));
        var none = viewModel.selectedProperty().isNull();
        var closed = Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || !viewModel.selectedProperty().get().state().open() || !viewModel.available(),
                viewModel.selectedProperty());
        open.disableProperty().bind(none);
        invitation.disableProperty().bind(none);
        for (Button b : List.of(change, confirm, done, cancel)) {
            b.disableProperty().bind(closed.or(viewModel.busyProperty()));
        }
        open.setOnAction(e -> viewModel.openReview());
        change.setOnAction(e -> viewModel.reschedule());
        confirm.setOnAction(e -> viewModel.confirm());
        done.setOnAction(e -> viewModel.markDone());
        cancel.setOnAction(e -> viewModel.cancelInterview());
        invitation.setOnAction(e -> saveInvitation());
        viewModel.dialogProperty().addListener((obs, old, now) -> {
            if (now != null) {
                InterviewDialog.show(root.getScene().getWindow(), now, id -> viewModel.refresh())
                        .setOnHidden(e -> viewModel.dialogClosed());
            }
        });

        viewModel.interviews().addListener((javafx.collections.ListChangeListener<Interview>) c -> draw());
        viewModel.days().addListener((javafx.collections.ListChangeListener<LocalDate>) c -> draw());
        viewModel.selectedProperty().addListener((obs, old, now) -> draw());
        viewModel.dayProperty().addListener((obs, old, now) -> draw());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        draw();
    }

    private void step(int n) {
        if (viewModel.spanProperty().get() == CalendarViewModel.Span.WEEK) {
            viewModel.moveWeeks(n);
        } else {
            viewModel.moveDays(n);
        }
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT -> viewModel.moveDays(-1);
            case RIGHT -> viewModel.moveDays(1);
            case UP -> viewModel.moveSelection(-1);
            case DOWN -> viewModel.moveSelection(1);
            case PAGE_UP -> viewModel.moveWeeks(-1);
            case PAGE_DOWN -> viewModel.moveWeeks(1);
            case HOME, T -> viewModel.today();
            case ENTER -> viewModel.openReview();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
            root.requestFocus();
        }
    }

    private void saveInvitation() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("iCalendar", "*.ics"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.saveInvitation(file.toPath());
        }
    }

    /** One column per shown day: its date, then its interviews as cards in time order. */
    private void draw() {
        week.getChildren().clear();
        week.getColumnConstraints().clear();
        week.getRowConstraints().clear();
        // the day columns reach the bottom, so a day reads as a column even when it has no interview
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        week.getRowConstraints().add(row);
        List<LocalDate> days = List.copyOf(viewModel.days());
        for (int col = 0; col < days.size(); col++) {
            LocalDate date = days.get(col);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / days.size());
            cc.setHgrow(Priority.ALWAYS);
            week.getColumnConstraints().add(cc);
            VBox column = new VBox(4);
            column.setMaxHeight(Double.MAX_VALUE);
            column.setMinWidth(0);
            column.getStyleClass().add("calendar-day");
            if (date.equals(viewModel.dayProperty().get())) {
                column.getStyleClass().add("calendar-day-focused");
            }
            Label title = new Label(viewModel.dayFormat().format(date));
            title.getStyleClass().add(viewModel.isToday(date) ? "calendar-today" : "calendar-date");
            title.setWrapText(true); // "ven. 11 déc." in a narrow week column
            column.getChildren().add(title);
            for (Interview i : viewModel.on(date)) {
                column.getChildren().add(card(i));
            }
            column.setOnMouseClicked(e -> {
                if (!date.equals(viewModel.dayProperty().get())) {
                    viewModel.moveDays((int) (date.toEpochDay() - viewModel.dayProperty().get().toEpochDay()));
                }
                root.requestFocus();
            });
            week.add(column, col, 0);
        }
    }

    private VBox card(Interview i) {
        Label time = new Label(viewModel.timeText(i));
        time.getStyleClass().add("calendar-card-time");
        Label who = new Label(i.candidateName());
        who.getStyleClass().add("calendar-card-name");
        who.setWrapText(true);
        Label job = new Label(i.jobTitle());
        job.getStyleClass().add("text-muted");
        job.setWrapText(true);
        VBox card = new VBox(1, time, who, job);
        if (!i.state().open() || i.state() == InterviewStatus.CONFIRMED) {
            Label state = new Label(CalendarViewModel.statusText(i));
            state.getStyleClass().add("text-muted");
            card.getChildren().add(state);
        }
        if (viewModel.overlaps(i)) {
            Label overlap = new Label("⚠ " + Messages.text("calendar.overlapShort"));
            overlap.getStyleClass().add("warning-text");
            overlap.setWrapText(true);
            card.getChildren().add(overlap);
            card.getStyleClass().add("calendar-card-warning");
        }
        card.getStyleClass().add("calendar-card");
        if (i.state() == InterviewStatus.CANCELED) {
            card.getStyleClass().add("calendar-card-canceled");
        }
        if (i.equals(viewModel.selectedProperty().get())) {
            card.getStyleClass().add("calendar-card-selected");
        }
        card.setId("calendar-card-" + i.id());
        card.setOnMouseClicked(e -> {
            viewModel.select(i);
            if (e.getClickCount() == 2) {
                viewModel.openReview();
            }
            root.requestFocus();
            e.consume();
        });
        return card;
    }
}
