package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.LoginView;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import co.intowork.recruiter.sync.SyncViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;


import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Controller of MainView.fxml: binds to {@link MainViewModel}, nothing more. */
public final class MainView {
    @FXML private VBox nav;
    @FXML private Label sectionTitle;
    @FXML private Label sectionSummary;
    @FXML private VBox startupPane;
    @FXML private ProgressIndicator startupProgress;
    @FXML private Label progressLabel;
    @FXML private VBox errorPane;
    @FXML private Label errorLabel;
    @FXML private Button retryButton;
    @FXML private VBox placeholderPane;
    @FXML private Label homeSummary;
    @FXML private Label workspaceError;
    @FXML private Button refreshButton;
    @FXML private StackPane loginHost;
    @FXML private StackPane featureHost;
    @FXML private Label connectionStatus;
    @FXML private FontIcon userIcon;
    @FXML private Label signedInUser;
    @FXML private Button signOutButton;
    @FXML private Button helpButton;
    @FXML private Button helpClose;
    @FXML private StackPane helpOverlay;
    @FXML private GridPane helpGrid;
    @FXML private Label schemaStatus;
    @FXML private Label busyStatus;
    @FXML private Label offlineBadge;
    @FXML private Label serverBack;
    @FXML private Button reconnectButton;
    @FXML private Button workOfflineButton;
    @FXML private StackPane signOutOverlay;
    @FXML private Label signOutQuestion;
    @FXML private Button signOutCancel;
    @FXML private Button signOutWipe;
    @FXML private Button signOutKeep;
    @FXML private Button signOutDiscard;

    private final MainViewModel viewModel;
    private final Map<Section, Parent> featureViews = new EnumMap<>(Section.class);
    private final BooleanProperty sectionHasView = new SimpleBooleanProperty(false);
    // signed in on the server, which stopped answering, with jobs kept on this computer
    private final BooleanProperty canWorkOffline = new SimpleBooleanProperty(false);
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);

    private MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(MainViewModel viewModel) {
        return Views.load(MainView.class, new MainView(viewModel));
    }

    /** The section keys and the overlay that lists every shortcut (F1 or the ? button; Esc closes it). */
    private void setUpHelpAndShortcuts() {
        helpOverlay.visibleProperty().bind(viewModel.helpVisibleProperty());
        helpButton.setOnAction(e -> viewModel.toggleHelp());
        helpClose.setOnAction(e -> viewModel.hideHelp());
        helpOverlay.setOnMouseClicked(e -> {
            if (e.getTarget() == helpOverlay) {
                viewModel.hideHelp();
            }
        });
        fillHelp(true);
        helpOverlay.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), viewModel::toggleHelp);
            KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
            List<Section> sections = viewModel.sections();
            for (int i = 0; i < Math.min(digits.length, sections.size()); i++) {
                Section section = sections.get(i);
                scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                        () -> viewModel.select(section));
            }
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && viewModel.helpVisibleProperty().get()) {
                    viewModel.hideHelp();
                    e.consume();
                }
            });
        });
    }

    /**
     * The shortcut list; for who may not edit jobs (a hiring manager, or anyone offline) an entry's ".readOnly"
     * variant replaces it, so that it never offers a key that does nothing for them.
     */
    private void fillHelp(boolean canEditJobs) {
        helpGrid.getChildren().clear();
        int row = 0;
        for (String group : helpGroups()) {
            Label title = new Label(Messages.text("help." + group));
            title.getStyleClass().add("help-group");
            helpGrid.add(title, 0, row++, 2, 1);
            for (int i = 1; Messages.bundle().containsKey("help." + group + "." + i + ".keys"); i++) {
                String entry = "help." + group + "." + i;
                if (!canEditJobs && Messages.bundle().containsKey(entry + ".readOnly.keys")) {
                    entry = entry + ".readOnly";
                }
                Label keys = new Label(Messages.text(entry + ".keys"));
                keys.getStyleClass().add("help-keys");
                helpGrid.add(keys, 0, row);
                helpGrid.add(new Label(Messages.text(entry + ".what")), 1, row++);
            }
        }
    }

    /** "everywhere", then each section that has keys of its own (a "help.KEY" group in the bundles), in order. */
    private List<String> helpGroups() {
        List<String> groups = new ArrayList<>(List.of("everywhere"));
        for (Section section : viewModel.sections()) {
            if (Messages.bundle().containsKey("help." + section.key())) {
                groups.add(section.key());
            }
        }
        return groups;
    }

    /** The visible section's first place to type or choose (style class initial-focus), else the section itself. */
    private void focusWork() {
        Parent view = featureViews.get(viewModel.sectionProperty().get());
        if (view == null || viewModel.showLoginProperty().get()) {
            return;
        }
        javafx.scene.Node target = view.lookup(".initial-focus");
        (target != null ? target : view).requestFocus();
    }

    /** A new workspace (someone signed in) or none: each section's view made from its ViewModel, the buttons' counts. */
    private void showWorkspace(Workspace workspace) {
        featureViews.clear();
        buttons.forEach((section, button) -> {
            button.textProperty().unbind();
            button.setText(section.title());
        });
        canWorkOffline.unbind();
        canWorkOffline.set(false);
        if (workspace != null) {
            for (Section section : workspace.sections()) {
                featureViews.put(section, section.screen().createView(workspace.viewModel(section)));
                ObservableNumberValue count = workspace.count(section);
                if (count != null) {
                    buttons.get(section).textProperty().bind(Bindings.createStringBinding(
                            () -> section.titleWithCount(count.longValue()), count));
                }
            }
            SignedIn now = viewModel.signedInProperty().get();
            fillHelp(now.user().isRecruiter() && !now.offline());
            SyncViewModel sync = workspace.sync();
            if (!now.offline() && sync != null) {
                canWorkOffline.bind(sync.reachableProperty().not().and(sync.offlineJobCountProperty().greaterThan(0)));
            }
        }
        // only the shown section's view joins the scene (see showSection)
        featureHost.getChildren().clear();
        showSection(viewModel.sectionProperty().get());
    }

    private void showSection(Section section) {
        featureViews.forEach((s, view) -> view.setVisible(s == section));
        // a section's view joins the scene when first shown: at sign-in only the first screen's nodes get their
        // CSS and layout (all six sections cost seconds on a cold start before the pipeline showed)
        Parent shown = featureViews.get(section);
        if (shown != null && !featureHost.getChildren().contains(shown)) {
            featureHost.getChildren().add(shown);
        }
        sectionHasView.set(featureViews.containsKey(section));
    }

    /** The navigation, generated from the section registry: one button per section, in its order. */
    private void addSectionButtons() {
        // after the brand and the gap above the buttons
        for (Section section : viewModel.sections()) {
            ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setId(section.buttonId());
            buttons.put(section, button);
            nav.getChildren().add(button);
        }
    }

    @FXML
    private void initialize() {
        addSectionButtons();
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
        buttons.values().forEach(b -> b.disableProperty().bind(viewModel.workspaceEnabledProperty().not()));

        sectionTitle.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.sectionProperty().get().title(), viewModel.sectionProperty()));
        sectionSummary.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("section.comingSoon", viewModel.sectionProperty().get().summary()),
                viewModel.sectionProperty()));

        var hasError = viewModel.errorMessageProperty().isNotEmpty();
        startupPane.visibleProperty().bind(viewModel.busyProperty());
        errorPane.visibleProperty().bind(hasError.and(viewModel.busyProperty().not()));
        placeholderPane.visibleProperty().bind(viewModel.busyProperty().not().and(hasError.not())
                .and(viewModel.signedInUserProperty().isNotNull()).and(sectionHasView.not()));
        featureHost.visibleProperty().bind(viewModel.signedInUserProperty().isNotNull().and(sectionHasView));
        featureHost.effectProperty().bind(placeholderPane.effectProperty());
        viewModel.workspaceProperty().addListener((obs, old, now) -> showWorkspace(now));
        viewModel.sectionProperty().addListener((obs, old, now) -> showSection(now));
        // while signing in again, the workspace stays visible (dimmed) under the form
        placeholderPane.effectProperty().bind(Bindings.when(viewModel.sessionEndedProperty())
                .then(new javafx.scene.effect.GaussianBlur(6)).otherwise((javafx.scene.effect.GaussianBlur) null));
        loginHost.getChildren().setAll(LoginView.load(viewModel.login()));
        loginHost.visibleProperty().bind(viewModel.showLoginProperty().and(hasError.not()));
        homeSummary.textProperty().bind(viewModel.homeSummaryProperty());
        workspaceError.textProperty().bind(viewModel.workspaceErrorProperty());
        workspaceError.visibleProperty().bind(viewModel.workspaceErrorProperty().isNotEmpty());
        workspaceError.managedProperty().bind(workspaceError.visibleProperty());
        refreshButton.setOnAction(e -> viewModel.refresh());
        progressLabel.textProperty().bind(viewModel.progressMessageProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        retryButton.setOnAction(e -> viewModel.retry());

        var signedIn = viewModel.signedInUserProperty().isNotNull();
        signedInUser.textProperty().bind(viewModel.userLabelProperty());
        for (var node : new javafx.scene.Node[] {userIcon, signedInUser, signOutButton}) {
            node.visibleProperty().bind(signedIn);
            node.managedProperty().bind(signedIn);
        }
        signOutButton.setOnAction(e -> viewModel.signOut());
        var asking = viewModel.signOutQuestionProperty().isNotEmpty();
        signOutOverlay.visibleProperty().bind(asking);
        signOutQuestion.textProperty().bind(viewModel.signOutQuestionProperty());
        signOutCancel.setOnAction(e -> viewModel.cancelSignOut());
        signOutWipe.setOnAction(e -> viewModel.confirmSignOut(true));
        signOutKeep.setOnAction(e -> viewModel.confirmSignOut(false));
        signOutDiscard.setOnAction(e -> viewModel.signOutDiscardingChanges());
        var unsaved = viewModel.signOutUnsavedProperty();
        signOutDiscard.visibleProperty().bind(unsaved);
        signOutDiscard.managedProperty().bind(unsaved);
        for (Button copyChoice : new Button[] {signOutWipe, signOutKeep}) {
            copyChoice.visibleProperty().bind(unsaved.not());
            copyChoice.managedProperty().bind(unsaved.not());
        }
        // Enter or Space on the question keeps the work: "Cancel" takes the focus, the destructive choice does not
        signOutKeep.defaultButtonProperty().bind(unsaved.not());
        asking.addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(signOutCancel::requestFocus);
            }
        });
        // after signing in (or again after a session ended), the keys go to the work, never to "Sign out"
        viewModel.showLoginProperty().addListener((obs, was, now) -> {
            if (!now && viewModel.signedInUserProperty().get() != null) {
                Platform.runLater(this::focusWork);
            }
        });
        var offline = viewModel.offlineProperty().isNotNull();
        for (var node : new javafx.scene.Node[] {offlineBadge, reconnectButton}) {
            node.visibleProperty().bind(offline);
            node.managedProperty().bind(offline);
        }
        var back = offline.and(viewModel.serverAnswersProperty());
        serverBack.visibleProperty().bind(back);
        serverBack.managedProperty().bind(back);
        reconnectButton.setTooltip(new Tooltip(Messages.text("offline.reconnectTip")));
        back.addListener((obs, was, now) -> {
            if (now) {
                reconnectButton.getStyleClass().add("accent");
            } else {
                reconnectButton.getStyleClass().remove("accent");
            }
        });
        // why the server was not reached, for whoever asks IT
        var why = new Tooltip();
        why.textProperty().bind(Bindings.createStringBinding(() -> viewModel.offlineProperty().get() == null ? ""
                : viewModel.offlineProperty().get().reason(), viewModel.offlineProperty()));
        offlineBadge.setTooltip(why);
        reconnectButton.disableProperty().bind(viewModel.busyProperty());
        reconnectButton.setOnAction(e -> viewModel.reconnect());
        workOfflineButton.visibleProperty().bind(canWorkOffline);
        workOfflineButton.managedProperty().bind(canWorkOffline);
        workOfflineButton.disableProperty().bind(viewModel.busyProperty());
        workOfflineButton.setTooltip(new Tooltip(Messages.text("offline.workOfflineTip")));
        workOfflineButton.setOnAction(e -> viewModel.workOffline());
        setUpHelpAndShortcuts();

        connectionStatus.textProperty().bind(viewModel.connectionLabelProperty());
        schemaStatus.textProperty().bind(viewModel.schemaLabelProperty());
        busyStatus.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then(viewModel.progressMessageProperty()).otherwise(""));
    }
}
