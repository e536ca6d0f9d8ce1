package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Controller of SyncView.fxml. */
public final class SyncView {
    @FXML private VBox root;
    @FXML private Label badge;
    @FXML private Label lastSync;
    @FXML private Button syncButton;
    @FXML private ProgressBar progress;
    @FXML private Label pending;
    @FXML private Label conflictCount;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private Button rebuildCopy;
    @FXML private ListView<SyncViewModel.JobRow> jobs;
    @FXML private Button takeOffline;
    @FXML private Button bringOnline;
    @FXML private ListView<Conflict> conflicts;
    @FXML private Label reason;
    @FXML private TextArea base;
    @FXML private TextArea theirs;
    @FXML private TextArea mine;
    @FXML private Button keepTheirs;
    @FXML private Button reapply;
    @FXML private Button discard;

    private final SyncViewModel viewModel;

    private SyncView(SyncViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(SyncViewModel viewModel) {
        return Views.load(SyncView.class, new SyncView(viewModel));
    }

    @FXML
    private void initialize() {
        badge.textProperty().bind(Bindings.when(viewModel.reachableProperty())
                .then(Messages.text("sync.badge.online")).otherwise(Messages.text("sync.badge.offline")));
        badge.setTooltip(new Tooltip(Messages.text("sync.badge.offlineTip")));
        viewModel.reachableProperty().addListener((obs, old, now) -> badge.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("offline"), !now));
        lastSync.textProperty().bind(viewModel.lastSyncProperty());
        syncButton.setOnAction(e -> viewModel.syncNow());
        // working on the copy there is no server to send to or copy from: Reconnect (status bar) first
        boolean onCopy = viewModel.workingOffline();
        syncButton.disableProperty().bind(viewModel.busyProperty().or(Bindings.createBooleanBinding(() -> onCopy)));
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        pending.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("sync.pending", viewModel.pendingCountProperty().get()),
                viewModel.pendingCountProperty()));
        conflictCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("sync.conflicts", viewModel.conflictCountProperty().get()),
                viewModel.conflictCountProperty()));
        message.textProperty().bind(viewModel.messageProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // offered only once the copy is found damaged, and not while the window works on that very copy
        rebuildCopy.visibleProperty().bind(viewModel.damagedProperty()
                .and(Bindings.createBooleanBinding(() -> !onCopy)));
        rebuildCopy.managedProperty().bind(rebuildCopy.visibleProperty());
        rebuildCopy.disableProperty().bind(viewModel.busyProperty());
        rebuildCopy.setOnAction(e -> viewModel.rebuildCopy());

        jobs.setItems(viewModel.jobs());
        jobs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedJobProperty().set(now));
        viewModel.selectedJobProperty().addListener((obs, old, now) -> jobs.getSelectionModel().select(now));
        var job = viewModel.selectedJobProperty();
        takeOffline.disableProperty().bind(Bindings.createBooleanBinding(
                () -> onCopy || job.get() == null || job.get().offline() || viewModel.busyProperty().get(), job,
                viewModel.busyProperty()));
        bringOnline.disableProperty().bind(Bindings.createBooleanBinding(
                () -> onCopy || job.get() == null || !job.get().offline() || viewModel.busyProperty().get(), job,
                viewModel.busyProperty()));
        takeOffline.setOnAction(e -> viewModel.takeOffline());
        bringOnline.setOnAction(e -> viewModel.bringOnline());

        conflicts.setItems(viewModel.conflicts());
        conflicts.setPlaceholder(new Label(Messages.text("sync.inbox.empty")));
        conflicts.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Conflict c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : (c.candidateName() == null ? "#" + c.applicationId()
                        : c.candidateName()) + " · " + c.kind().displayName());
            }
        });
        conflicts.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> viewModel.selectedConflictProperty().set(now));
        viewModel.selectedConflictProperty().addListener((obs, old, now) -> {
            conflicts.getSelectionModel().select(now);
            reason.setText(now == null ? "" : Messages.text("sync.reason." + now.reason().replaceAll(":.*", "")));
        });
        base.textProperty().bind(viewModel.baseProperty());
        theirs.textProperty().bind(viewModel.theirsProperty());
        mine.textProperty().bind(viewModel.mineProperty());
        var none = viewModel.selectedConflictProperty().isNull().or(viewModel.busyProperty());
        keepTheirs.disableProperty().bind(none);
        reapply.disableProperty().bind(none);
        discard.disableProperty().bind(none);
        keepTheirs.setOnAction(e -> viewModel.keepTheirs());
        reapply.setOnAction(e -> viewModel.reapplyMine());
        discard.setOnAction(e -> viewModel.discard());
        // refreshed when the section is shown, not when the workspace is built at sign-in: the sign-in's first
        // screen does not wait behind this section's queries
        root.visibleProperty().addListener((obs, old, now) -> {
            if (now && root.getScene() != null) {
                viewModel.refresh();
            }
        });
        root.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                // the workspace shows its section once every view is in place
                Platform.runLater(() -> {
                    if (root.isVisible() && root.getScene() != null) {
                        viewModel.refresh();
                    }
                });
            }
        });
    }
}
