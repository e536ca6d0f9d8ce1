package co.intowork.recruiter.board;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Controller of BoardView.fxml: lays out one virtualized ListView per status and turns drags, clicks and keys
 * into calls on {@link BoardViewModel}. Selection lives in the lists (Shift/Ctrl-click, across columns).
 */
public final class BoardView {
    /** A column asks for its next page when fewer cards than this are left below the last one drawn. */
    private static final int PREFETCH = 15;
    /** Five lines: name, title, time in status and AI score, applied, tags (the platform's, issue 24). */
    private static final double CARD_HEIGHT = 96;

    @FXML private BorderPane root;
    @FXML private Label jobTitle;
    @FXML private Label jobSubtitle;
    @FXML private ProgressIndicator progress;
    @FXML private ComboBox<JobChoice> jobChooser;
    @FXML private org.controlsfx.control.textfield.CustomTextField jobSearch;
    @FXML private MenuButton messagesMenu;
    @FXML private MenuItem writeItem;
    @FXML private MenuItem rejectMessageItem;
    @FXML private Button rejectButton;
    @FXML private Button undoButton;
    @FXML private HBox previewBar;
    @FXML private HBox filterBar;
    @FXML private ComboBox<Integer> ratingFilter;
    @FXML private Button clearFilters;
    @FXML private Label filteredNote;
    @FXML private Label previewText;
    @FXML private Button confirmButton;
    @FXML private Button cancelButton;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private ScrollPane columnsScroll;
    @FXML private HBox columnsBox;
    @FXML private VBox emptyPane;
    @FXML private Button pipelineButton;
    @FXML private Label liveLine;

    private final BoardViewModel viewModel;
    private final Map<ApplicationStatus, ListView<BoardCard>> lists = new EnumMap<>(ApplicationStatus.class);
    private List<BoardCard> dragged = List.of();
    private boolean syncingChooser;

    private BoardView(BoardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(BoardViewModel viewModel) {
        return Views.load(BoardView.class, new BoardView(viewModel));
    }

    @FXML
    private void initialize() {
        for (BoardColumn column : viewModel.columns()) {
            columnsBox.getChildren().add(columnNode(column));
        }
        var open = viewModel.jobProperty().isNotNull();
        jobTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.jobProperty().get() == null
                ? Messages.text("board.noJob") : viewModel.jobProperty().get().title(), viewModel.jobProperty()));
        jobSubtitle.textProperty().bind(Bindings.when(open).then(viewModel.jobSubtitleProperty()).otherwise(""));
        fullTextOnHover(jobTitle);
        fullTextOnHover(jobSubtitle);
        jobChooser.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(JobChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.toString()));
            }
        });
        progress.visibleProperty().bind(viewModel.busyProperty());
        columnsScroll.visibleProperty().bind(open);
        emptyPane.visibleProperty().bind(open.not().and(viewModel.busyProperty().not()));
        pipelineButton.setOnAction(e -> viewModel.showPipeline());

        jobChooser.setItems(viewModel.jobChoices());
        jobSearch.textProperty().bindBidirectional(viewModel.jobSearchProperty());
        jobSearch.setLeft(new org.kordamp.ikonli.javafx.FontIcon("fth-search"));
        // Enter shows what was found, ready to pick with the arrow keys
        jobSearch.setOnAction(e -> {
            jobChooser.requestFocus();
            jobChooser.show();
        });
        jobChooser.setOnAction(e -> {
            JobChoice choice = jobChooser.getValue();
            BoardHeader current = viewModel.jobProperty().get();
            if (!syncingChooser && choice != null && (current == null || current.jobId() != choice.id())) {
                viewModel.open(choice.id());
            }
        });
        viewModel.jobProperty().addListener((obs, old, now) -> syncChooser());
        viewModel.jobChoices().addListener((javafx.collections.ListChangeListener<JobChoice>) c -> syncChooser());

        undoButton.disableProperty().bind(viewModel.canUndoProperty().not().or(viewModel.busyProperty()));
        undoButton.setOnAction(e -> viewModel.undo());
        rejectButton.disableProperty().bind(open.not().or(viewModel.busyProperty()));
        rejectButton.setOnAction(e -> viewModel.requestReject(selectedCards()));
        setUpMessages(open);

        var previewing = viewModel.previewProperty().isNotNull();
        previewBar.visibleProperty().bind(previewing);
        previewBar.managedProperty().bind(previewing);
        previewText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.previewProperty().get() == null
                ? "" : viewModel.previewProperty().get().summary(), viewModel.previewProperty()));
        confirmButton.setOnAction(e -> viewModel.confirmPreview());
        cancelButton.setOnAction(e -> viewModel.cancelPreview());
        bindMessage(message, viewModel.messageProperty());
        bindMessage(error, viewModel.errorProperty());
        addInterviewOffer();
        liveLine.textProperty().bind(viewModel.liveLineProperty());
        liveLine.visibleProperty().bind(viewModel.liveLineProperty().isNotEmpty());
        fullTextOnHover(liveLine);

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.Z && e.isShortcutDown()) {
                viewModel.undo();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && viewModel.previewProperty().get() != null) {
                viewModel.cancelPreview();
                e.consume();
            }
        });
        setUpFilters(open);
        // after a move the moved cards stay selected where they landed, so the next key moves them again
        viewModel.placedProperty().addListener((obs, old, now) -> keepSelection(now));
        viewModel.loadJobChoices();
    }

    /** Candidates' messages (issue 21): write to one candidate, reject several with a reason and a template. */
    private void setUpMessages(javafx.beans.binding.BooleanBinding open) {
        messagesMenu.setVisible(viewModel.canMessage());
        messagesMenu.setManaged(viewModel.canMessage());
        messagesMenu.disableProperty().bind(open.not().or(viewModel.busyProperty()));
        writeItem.setOnAction(e -> viewModel.compose(selectedCards().stream().findFirst().orElse(null)));
        rejectMessageItem.setOnAction(e -> viewModel.requestRejectWithMessage(selectedCards()));
        viewModel.composeProperty().addListener((o, was, now) -> {
            if (now != null) {
                co.intowork.recruiter.messages.ComposeView.show(root.getScene().getWindow(), now);
            }
        });
        viewModel.rejectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                co.intowork.recruiter.messages.RejectionView.show(root.getScene().getWindow(), now);
            }
        });
    }

    /** Name (ControlsFX field with a clear button), minimum rating, tags and sources (ControlsFX CheckComboBox). */
    private void setUpFilters(javafx.beans.binding.BooleanBinding open) {
        javafx.scene.control.TextField name = org.controlsfx.control.textfield.TextFields.createClearableTextField();
        name.setId("board-filter-name");
        name.setPromptText(Messages.text("board.filter.name"));
        name.setPrefColumnCount(14);
        // every filter may narrow (the combos' texts then end in an ellipsis): the bar's minimum is the window's
        name.setMinWidth(120);
        HBox.setHgrow(name, Priority.SOMETIMES);
        name.textProperty().bindBidirectional(viewModel.filterNameProperty());
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        pause.setOnFinished(e -> viewModel.applyFilter());
        name.textProperty().addListener((obs, was, now) -> pause.playFromStart());
        name.setOnAction(e -> {
            pause.stop();
            viewModel.applyFilter();
        });

        minimumChoice(ratingFilter, java.util.Arrays.asList(null, 1, 2, 3, 4, 5), BoardViewModel::minRatingText,
                viewModel.filterMinRatingProperty());

        org.controlsfx.control.CheckComboBox<String> tags = checkCombo("board-filter-tags", "board.filter.tags",
                viewModel.tagChoices(), viewModel.filterTags(), s -> s);
        org.controlsfx.control.CheckComboBox<String> sources = checkCombo("board-filter-sources",
                "board.filter.sources", viewModel.sourceChoices(), viewModel.filterSources(),
                BoardViewModel::sourceText);
        // the platform's AI match score (issue 24): a minimum, and the columns' order
        ComboBox<Integer> aiFilter = new ComboBox<>();
        aiFilter.setId("board-filter-ai");
        minimumChoice(aiFilter, java.util.Arrays.asList(null, 50, 60, 70, 80, 90), BoardViewModel::minAiScoreText,
                viewModel.filterMinAiScoreProperty());
        ComboBox<BoardOrder> orderChoice = new ComboBox<>();
        orderChoice.setId("board-order");
        orderChoice.setMinWidth(100);
        orderChoice.getItems().setAll(BoardOrder.values());
        orderChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BoardOrder o) {
                return o == null ? "" : BoardViewModel.orderText(o);
            }

            @Override
            public BoardOrder fromString(String text) {
                return null;
            }
        });
        orderChoice.valueProperty().bindBidirectional(viewModel.orderProperty());
        orderChoice.setOnAction(e -> viewModel.applyFilter());
        // [name] [rating] [AI score] [tags] [sources] [order] [Clear filters] [filtered]
        filterBar.getChildren().add(0, name);
        filterBar.getChildren().addAll(2, List.of(aiFilter, tags, sources, orderChoice));

        clearFilters.setOnAction(e -> viewModel.clearFilter());
        clearFilters.disableProperty().bind(viewModel.filteredProperty().not());
        filteredNote.visibleProperty().bind(viewModel.filteredProperty());
        // hidden, it gives its width to the filters
        filteredNote.managedProperty().bind(filteredNote.visibleProperty());
        filterBar.disableProperty().bind(open.not());
    }

    /** A filter's minimum (rating, AI score): "any" first, each choice in words, applied when chosen. */
    private void minimumChoice(ComboBox<Integer> box, List<Integer> choices,
                               java.util.function.Function<Integer, String> text,
                               javafx.beans.property.Property<Integer> minimum) {
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getItems().setAll(choices);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return text.apply(value);
            }

            @Override
            public Integer fromString(String typed) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                setText(text.apply(empty ? null : value));
            }
        });
        box.valueProperty().bindBidirectional(minimum);
        box.setOnAction(e -> viewModel.applyFilter());
    }

    private org.controlsfx.control.CheckComboBox<String> checkCombo(String id, String titleKey,
            javafx.collections.ObservableList<String> choices, javafx.collections.ObservableList<String> chosen,
            java.util.function.Function<String, String> text) {
        org.controlsfx.control.CheckComboBox<String> box = new org.controlsfx.control.CheckComboBox<>(choices);
        box.setId(id);
        box.setTitle(Messages.text(titleKey));
        box.setShowCheckedCount(true);
        // ControlsFX writes "Tags (0/4)" on its button only when the checks change, so it said "(0/0)" once the
        // job's choices had arrived: its button cell is asked to write it again (what its skin does on a check)
        choices.addListener((javafx.collections.ListChangeListener<String>) c -> {
            for (Node child : box.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.control.ComboBox<?> inner && inner.getButtonCell() != null) {
                    inner.getButtonCell().updateIndex(0);
                }
            }
        });
        box.setMinWidth(130);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return text.apply(value);
            }

            @Override
            public String fromString(String value) {
                return value;
            }
        });
        boolean[] syncing = {false};
        box.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!syncing[0]) {
                chosen.setAll(box.getCheckModel().getCheckedItems());
                viewModel.applyFilter();
            }
        });
        // the view model clears its filters (another job, Clear filters): the boxes follow
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!chosen.equals(box.getCheckModel().getCheckedItems())) {
                syncing[0] = true;
                try {
                    box.getCheckModel().clearChecks();
                    chosen.forEach(v -> box.getCheckModel().check(v));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        box.disableProperty().bind(Bindings.isEmpty(choices));
        return box;
    }

    /** Selects the cards a move placed in their new column, and moves the keyboard focus along with them. */
    private void keepSelection(BoardViewModel.Placed placed) {
        if (placed == null) {
            return;
        }
        ListView<BoardCard> target = lists.get(placed.status());
        if (target == null) {
            return;
        }
        boolean keysOnBoard = lists.values().stream().anyMatch(Node::isFocused);
        lists.forEach((s, l) -> l.getSelectionModel().clearSelection());
        int first = -1;
        for (int i = 0; i < target.getItems().size(); i++) {
            if (placed.applicationIds().contains(target.getItems().get(i).applicationId())) {
                target.getSelectionModel().select(i);
                first = first < 0 ? i : first;
            }
        }
        if (first >= 0) {
            target.getFocusModel().focus(first);
            target.scrollTo(Math.max(0, first - 2));
            if (keysOnBoard) {
                target.requestFocus();
            }
        }
    }

    /** The whole text in a tooltip, for when the label is too narrow for it. */
    private static void fullTextOnHover(Label label) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    /** Under the message: "Schedule the interview with X?" after a card is moved to Interview (issue 21). */
    private void addInterviewOffer() {
        Label text = new Label();
        text.setWrapText(true);
        javafx.scene.control.Button schedule = new javafx.scene.control.Button(Messages.text("interview.schedule"));
        schedule.setId("board-schedule-interview");
        schedule.getStyleClass().add("accent");
        javafx.scene.control.Button later = new javafx.scene.control.Button("×");
        later.setId("board-schedule-later");
        later.getStyleClass().add("flat");
        later.setAccessibleText(Messages.text("interview.close"));
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, text, schedule, later);
        bar.setId("board-interview-offer");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        var offered = viewModel.interviewOfferProperty().isNotNull();
        bar.visibleProperty().bind(offered);
        bar.managedProperty().bind(offered);
        text.textProperty().bind(Bindings.createStringBinding(() -> viewModel.interviewOfferProperty().get() == null
                ? "" : Messages.format("interview.offer", viewModel.interviewOfferProperty().get().candidateName()),
                viewModel.interviewOfferProperty()));
        schedule.setOnAction(e -> {
            var dialog = viewModel.scheduleOfferedInterview();
            if (dialog != null) {
                co.intowork.recruiter.interviews.InterviewDialog.show(root.getScene().getWindow(), dialog,
                        viewModel::interviewScheduled);
            }
        });
        later.setOnAction(e -> viewModel.dismissInterviewOffer());
        javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) message.getParent();
        parent.getChildren().add(parent.getChildren().indexOf(message) + 1, bar);
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void syncChooser() {
        BoardHeader header = viewModel.jobProperty().get();
        syncingChooser = true;
        try {
            jobChooser.setValue(header == null ? null : viewModel.jobChoices().stream()
                    .filter(j -> j.id() == header.jobId()).findFirst().orElse(null));
        } finally {
            syncingChooser = false;
        }
    }

    private Node columnNode(BoardColumn column) {
        ApplicationStatus status = column.status();
        Label title = new Label();
        title.textProperty().bind(column.titleProperty());
        title.getStyleClass().addAll("board-column-title", "status-" + status.label());
        title.setId("column-title-" + status.label());
        title.setMaxWidth(Double.MAX_VALUE);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(14, 14);
        loading.visibleProperty().bind(column.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox header = new HBox(6, title, loading);
        HBox.setHgrow(title, Priority.ALWAYS);

        // The cards chosen in this column, by application: a card leaving or arriving (a move here, or a change
        // made elsewhere on the live board) must neither drop the others' selection nor let it slide onto the
        // cards that take their place. The first listener runs before the list's selection model adjusts itself,
        // the last one after it.
        // Likewise the scroll position: cards leaving or arriving above the first card shown would slide the
        // ones the person is looking at; the first listener notes which card that was, the last scrolls back by
        // as many cards.
        Set<Integer> chosen = new HashSet<>();
        boolean[] changingCards = {false};
        int[] firstShown = {-1};
        @SuppressWarnings("unchecked")
        ListView<BoardCard>[] listRef = new ListView[1];
        column.cards().addListener((javafx.collections.ListChangeListener<BoardCard>) change -> {
            changingCards[0] = true;
            firstShown[0] = firstVisibleIndex(listRef[0]);
        });
        ListView<BoardCard> list = new ListView<>(column.cards());
        listRef[0] = list;
        list.setId("column-" + status.label());
        list.getStyleClass().add("board-column-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setFixedCellSize(CARD_HEIGHT);
        list.setCellFactory(v -> new CardCell(status));
        list.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<BoardCard>) c -> {
            if (!changingCards[0]) {
                chosen.clear();
                list.getSelectionModel().getSelectedItems().forEach(card -> {
                    if (card != null) {
                        chosen.add(card.applicationId());
                    }
                });
            }
        });
        column.cards().addListener((javafx.collections.ListChangeListener<BoardCard>) change -> {
            boolean moved = false;
            int shiftAbove = 0;
            while (change.next()) {
                boolean leftOrArrived = (change.wasRemoved() || change.wasAdded()) && !change.wasReplaced();
                moved |= leftOrArrived;
                if (leftOrArrived && firstShown[0] > 0 && change.getFrom() < firstShown[0]) {
                    shiftAbove += change.getAddedSize() - change.getRemovedSize();
                }
            }
            if (shiftAbove != 0) {
                double pixels = shiftAbove * CARD_HEIGHT;
                // after the list's own layout has taken the new count in
                javafx.application.Platform.runLater(() -> {
                    if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                        flow.scrollPixels(pixels);
                    }
                });
            }
            if (moved) {
                list.getSelectionModel().clearSelection();
                for (int i = 0; i < column.cards().size(); i++) {
                    if (chosen.contains(column.cards().get(i).applicationId())) {
                        list.getSelectionModel().select(i);
                    }
                }
            }
            changingCards[0] = false;
            chosen.clear();
            list.getSelectionModel().getSelectedItems().forEach(card -> {
                if (card != null) {
                    chosen.add(card.applicationId());
                }
            });
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(column.loadingProperty())
                .then(Messages.text("board.loading")).otherwise(Bindings.when(viewModel.filteredProperty())
                        .then(Messages.text("board.filter.noMatch")).otherwise(Messages.text("board.emptyColumn"))));
        placeholder.getStyleClass().add("text-muted");
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        lists.put(status, list);

        // a plain click starts a new selection; Shift/Ctrl-click adds to it, also across columns
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !e.isShortcutDown() && !e.isShiftDown()) {
                clearSelectionExcept(status);
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(status, list, e));
        list.setOnDragOver(e -> {
            if (!dragged.isEmpty() && e.getGestureSource() != list) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        list.setOnDragEntered(e -> {
            if (!dragged.isEmpty()) {
                list.getStyleClass().add("drop-target");
            }
        });
        list.setOnDragExited(e -> list.getStyleClass().remove("drop-target"));
        list.setOnDragDropped(e -> {
            boolean accepted = !dragged.isEmpty();
            if (accepted) {
                viewModel.requestMove(dragged, status);
            }
            dragged = List.of();
            e.setDropCompleted(accepted);
            e.consume();
        });

        VBox box = new VBox(6, header, list);
        box.getStyleClass().add("board-column");
        box.setMinWidth(150);
        box.setPrefWidth(170);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void clearSelectionExcept(ApplicationStatus keep) {
        lists.forEach((s, l) -> {
            if (s != keep) {
                l.getSelectionModel().clearSelection();
            }
        });
    }

    /** Every selected card, column by column. */
    List<BoardCard> selectedCards() {
        List<BoardCard> cards = new ArrayList<>();
        lists.values().forEach(l -> cards.addAll(l.getSelectionModel().getSelectedItems()));
        return cards;
    }

    private void onKey(ApplicationStatus status, ListView<BoardCard> list, KeyEvent e) {
        KeyCode code = e.getCode();
        ApplicationStatus[] all = ApplicationStatus.values();
        if ((code == KeyCode.LEFT || code == KeyCode.RIGHT) && !e.isShortcutDown()) {
            int step = code == KeyCode.LEFT ? -1 : 1;
            if (e.isAltDown()) {
                int target = status.ordinal() + step;
                if (target >= 0 && target < all.length) {
                    viewModel.requestMove(selectedCards(), all[target]);
                }
            } else {
                focusNeighbour(status, list, step);
            }
            e.consume();
            return;
        }
        int digit = digit(code);
        if (digit >= 1 && digit <= all.length && !e.isShortcutDown()) {
            viewModel.requestMove(selectedCards(), all[digit - 1]);
            e.consume();
        } else if (code == KeyCode.ENTER) {
            viewModel.openReview(list.getFocusModel().getFocusedItem());
            e.consume();
        } else if (code == KeyCode.DELETE) {
            viewModel.requestReject(selectedCards());
            e.consume();
        }
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }

    /** Arrow left/right: the card at the same height in the nearest column that has cards. */
    private void focusNeighbour(ApplicationStatus status, ListView<BoardCard> list, int step) {
        int row = Math.max(0, list.getFocusModel().getFocusedIndex());
        ApplicationStatus[] all = ApplicationStatus.values();
        for (int i = status.ordinal() + step; i >= 0 && i < all.length; i += step) {
            ListView<BoardCard> next = lists.get(all[i]);
            if (!next.getItems().isEmpty()) {
                int at = Math.min(row, next.getItems().size() - 1);
                list.getSelectionModel().clearSelection();
                next.requestFocus();
                next.getSelectionModel().clearAndSelect(at);
                next.getFocusModel().focus(at);
                next.scrollTo(Math.max(0, at - 2));
                return;
            }
        }
    }

    /** A card: name, title, applied date, days in the current status and rating; draggable. */
    private final class CardCell extends ListCell<BoardCard> {
        private final ApplicationStatus status;
        private final Label name = new Label();
        private final Label title = new Label();
        private final Label applied = new Label();
        private final Label days = new Label();
        private final Label rating = new Label();
        private final Label ai = new Label();
        private final javafx.scene.control.Tooltip aiTip = new javafx.scene.control.Tooltip();
        private final Label tagLine = new Label();
        private final javafx.scene.control.Tooltip fullText = new javafx.scene.control.Tooltip();
        private final VBox box;

        CardCell(ApplicationStatus status) {
            this.status = status;
            name.getStyleClass().add("board-card-name");
            title.getStyleClass().addAll("text-muted", "board-card-title");
            applied.getStyleClass().addAll("text-muted", "text-small");
            days.getStyleClass().addAll("board-card-days", "text-small");
            days.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-clock"));
            days.setTooltip(new javafx.scene.control.Tooltip(Messages.text("board.card.daysHint")));
            rating.getStyleClass().add("board-card-rating");
            name.setTooltip(fullText);
            title.setTooltip(fullText);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            ai.getStyleClass().addAll("board-card-ai", "text-small");
            ai.setTooltip(aiTip);
            ai.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            tagLine.getStyleClass().addAll("board-card-tags", "text-small");
            tagLine.setTooltip(fullText);
            HBox top = new HBox(6, days, spacer, rating, ai);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box = new VBox(1, name, title, top, applied, tagLine);
            box.getStyleClass().add("board-card");
            getStyleClass().add("board-card-cell");
            // the card stays the cell's graphic, hidden while the cell is empty: a graphic put back into the scene
            // has the CSS of its whole subtree applied again, which was most of opening a board (the profile of
            // bench --ui: 90 of 134 pulse samples in reapplyCss when every cell was emptied and refilled)
            setGraphic(box);
            box.setVisible(false);
            // never wider than the list: long names and titles are cut with an ellipsis, no sideways scrolling
            setPrefWidth(0);
            box.setMinWidth(0);
            setOnDragDetected(this::startDrag);
            setOnDragDone(e -> dragged = List.of());
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    viewModel.openReview(getItem());
                }
            });
            if (viewModel.canMessage()) {
                javafx.scene.control.MenuItem write = new javafx.scene.control.MenuItem(Messages.text("board.write"));
                write.setOnAction(e -> viewModel.compose(getItem()));
                javafx.scene.control.MenuItem reject = new javafx.scene.control.MenuItem(
                        Messages.text("board.rejectWithMessage"));
                reject.setOnAction(e -> viewModel.requestRejectWithMessage(selectedCards()));
                setContextMenu(new javafx.scene.control.ContextMenu(write, reject));
            }
        }

        private void startDrag(MouseEvent e) {
            BoardCard card = getItem();
            if (card == null) {
                return;
            }
            if (!getListView().getSelectionModel().getSelectedItems().contains(card)) {
                clearSelectionExcept(status);
                getListView().getSelectionModel().clearAndSelect(getIndex());
            }
            dragged = List.copyOf(selectedCards());
            var board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(dragged.size() == 1 ? card.candidateName()
                    : Messages.format("board.drag.many", dragged.size()));
            board.setContent(content);
            board.setDragView(snapshot(null, null));
            e.consume();
        }

        @Override
        protected void updateItem(BoardCard card, boolean empty) {
            super.updateItem(card, empty);
            if (empty || card == null) {
                box.setVisible(false);
                setText(null);
                return;
            }
            name.setText(card.candidateName());
            title.setText(card.candidateTitle() == null ? "" : card.candidateTitle());
            // names are cut on narrow columns: the whole name and title on hover
            fullText.setText(title.getText().isEmpty() ? card.candidateName()
                    : card.candidateName() + "\n" + title.getText());
            applied.setText(viewModel.appliedText(card));
            days.setText(viewModel.daysText(card));
            rating.setText(BoardViewModel.ratingText(card));
            ai.setText(BoardViewModel.aiBadgeText(card));
            aiTip.setText(BoardViewModel.aiBadgeTooltip(card));
            // style classes only when they change: each change is a CSS pass over the label
            String aiClass = card.aiMatch() == AiMatch.SCORED ? "ai-scored" : "ai-none";
            if (!ai.getStyleClass().contains(aiClass)) {
                ai.getStyleClass().removeAll("ai-scored", "ai-none");
                ai.getStyleClass().add(aiClass);
            }
            tagLine.setText(card.tags().isEmpty() ? "" : "# " + String.join("  # ", card.tags()));
            tagLine.setVisible(!card.tags().isEmpty());
            tagLine.setManaged(!card.tags().isEmpty());
            box.setVisible(true);
            if (getIndex() >= getListView().getItems().size() - PREFETCH) {
                viewModel.loadMore(status);
            }
        }
    }

    /** The index of the first card shown in a column's list (-1 before it is laid out). */
    private static int firstVisibleIndex(ListView<BoardCard> list) {
        if (list != null && list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null) {
            return flow.getFirstVisibleCell().getIndex();
        }
        return -1;
    }
}
