package co.intowork.recruiter.notifications;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Controller of InboxView.fxml. */
public final class InboxView {
    @FXML private VBox root;
    @FXML private Label unread;
    @FXML private CheckBox unreadOnly;
    @FXML private Button markAll;
    @FXML private Button refresh;
    @FXML private Label error;
    @FXML private ListView<Notification> list;

    private final InboxViewModel viewModel;

    private InboxView(InboxViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(InboxViewModel viewModel) {
        return Views.load(InboxView.class, new InboxView(viewModel));
    }

    @FXML
    private void initialize() {
        unread.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("inbox.unreadCount", viewModel.unreadCountProperty().get()),
                viewModel.unreadCountProperty()));
        unreadOnly.selectedProperty().bindBidirectional(viewModel.unreadOnlyProperty());
        markAll.disableProperty().bind(viewModel.unreadCountProperty().isEqualTo(0));
        markAll.setOnAction(e -> viewModel.markAllRead());
        refresh.setOnAction(e -> viewModel.reload());
        refresh.setTooltip(new Tooltip(Messages.text("main.refresh")));
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Messages.locale());
        list.setItems(viewModel.items());
        list.setPlaceholder(new Label(viewModel.emptyText()));
        list.setCellFactory(view -> new ListCell<>() {
            private final FontIcon icon = new FontIcon();
            private final Label title = new Label();
            private final Label message = new Label();
            private final Label time = new Label();
            private final Region spacer = new Region();
            private final HBox top = new HBox(8, icon, title, spacer, time);
            private final VBox box = new VBox(2, top, message);

            {
                HBox.setHgrow(spacer, Priority.ALWAYS);
                title.getStyleClass().add("inbox-title");
                box.getStyleClass().add("inbox-cell");
                top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                message.getStyleClass().add("text-muted");
                message.setWrapText(true);
                time.getStyleClass().addAll("text-muted", "text-small");
                message.maxWidthProperty().bind(view.widthProperty().subtract(40));
            }

            @Override
            protected void updateItem(Notification item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unread");
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                icon.setIconLiteral(InboxViewModel.iconFor(item.type()));
                title.setText(InboxViewModel.displayTitle(item.title()));
                message.setText(item.message());
                time.setText(item.createdAt() == null ? ""
                        : when.format(item.createdAt().atZoneSameInstant(ZoneId.systemDefault())));
                if (!item.read()) {
                    getStyleClass().add("unread");
                }
                setGraphic(box);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            Notification selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && selected != null && !selected.read()) {
                viewModel.markRead(selected);
                e.consume();
            }
        });
        // pages arrive as the end of the list comes into view
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= viewModel.items().size() - 5) {
                viewModel.loadMore();
            }
        });
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() < 0) {
                list.lookupAll(".list-cell").stream()
                        .filter(n -> n instanceof ListCell<?> cell && cell.getIndex() >= viewModel.items().size() - 5
                                && cell.isVisible() && !cell.isEmpty())
                        .findAny().ifPresent(n -> viewModel.loadMore());
            }
        });
        root.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                viewModel.reload();
            }
        });
    }
}
