package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window driven headless: start, sign in, move around, lose the session, sign in again, sign out. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    private static final AtomicReference<Boolean> failNextOpen = new AtomicReference<>(false);
    private static final ServerProfile SERVER = new ServerProfile(ServerProfile.SERVER, "Test server", false);
    private static TestDatabase.Db db;

    private MainViewModel viewModel;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        if (db == null) {
            db = TwoCompanies.create("smoke");
        }
        tasks = new FxTaskRunner(1);
        viewModel = new MainViewModel(tasks, new LoginViewModel(List.of(SERVER), SERVER), (profile, progress) -> {
            progress.accept("Connecting");
            if (failNextOpen.getAndSet(false)) {
                throw new UserFacingException("The database server could not be reached (test).");
            }
            return new Startup.Outcome(MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN), "23",
                    List.of(new DemoLogin(TwoCompanies.ANNE, "Anne Alpha", "Alpha", "RH")));
        }, null);
        // the smallest screen supported
        stage.setScene(new Scene(MainView.load(viewModel), 1280, 720));
        // TestFX hands every class of the JVM the same stage, which may keep a size an earlier class gave it: the
        // window is sized to this scene (a run once found Sign out at y=796 after other classes; not reproduced)
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        // the view is bound to the ViewModel's properties, which may only change on the FX thread
        WaitForAsyncUtils.asyncFx(viewModel::close).get(30, TimeUnit.SECONDS);
        tasks.close();
    }

    private void startAndWaitForLogin(FxRobot robot) throws Exception {
        robot.interact(viewModel::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.showLoginProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(FxRobot robot, String email, String password) throws Exception {
        robot.interact(() -> {
            robot.lookup("#login-email").queryAs(TextField.class).clear();
            robot.lookup("#login-password").queryAs(TextField.class).clear();
            viewModel.login().errorMessageProperty().set("");
        });
        robot.clickOn("#login-email").write(email);
        robot.clickOn("#login-password").write(password).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.login().signingInProperty().get()
                && (viewModel.signedInUserProperty().get() != null
                    || !viewModel.login().errorMessageProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheLoginScreenSignsInAndShowsWhoIsSignedIn(FxRobot robot) throws Exception {
        startAndWaitForLogin(robot);
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("localhost/" + db.name());
        assertThat(robot.lookup("#login-pane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#nav-statistics").query().isDisabled()).isTrue();

        // a demo account fills the form with a double-click
        robot.doubleClickOn(robot.lookup("#demo-logins").queryAs(ListView.class).lookup(".list-cell"));
        assertThat(robot.lookup("#login-email").queryAs(TextField.class).getText()).isEqualTo(TwoCompanies.ANNE);

        signIn(robot, TwoCompanies.ANNE, "wrong-password");
        assertThat(robot.lookup("#login-error").queryAs(Label.class).getText())
                .contains("email address or password is not right");

        signIn(robot, TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        assertThat(robot.lookup("#signed-in-user").queryAs(Label.class).getText())
                .isEqualTo("Anne Alpha · Recruiter at Alpha");
        assertThat(robot.lookup("#home-summary").queryAs(Label.class).getText()).isEqualTo("You can see 2 jobs of Alpha.");
        assertThat(robot.lookup("#login-host").query().isVisible()).isFalse();
        // the keys go to the work: the pipeline's search, never "Sign out" (Space there used to sign out)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pipeline-search").query().isFocused()).isTrue();
        assertThat(robot.lookup("#sign-out-button").query().isFocused()).isFalse();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.signedInUserProperty().get()).isNotNull();
        // only the shown section's view is in the scene after sign-in; another joins when first shown
        assertThat(robot.lookup("#statistics").tryQuery()).isEmpty();
        robot.interact(() -> viewModel.select(Section.STATISTICS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statistics").tryQuery()).isPresent();
        robot.interact(() -> viewModel.select(Section.PIPELINE));
        WaitForAsyncUtils.waitForFxEvents();
        // at 1280×720 every section leaves the status bar, with "Sign out", on screen
        for (Section section : Section.values()) {
            robot.interact(() -> viewModel.select(section));
            WaitForAsyncUtils.waitForFxEvents();
            // nothing may ask for more height than the screen has (the help overlay once pushed the bar off)
            var root = robot.lookup("#sign-out-button").query().getScene().getRoot();
            assertThat(root.minHeight(-1)).as(section + " min height").isLessThanOrEqualTo(640);
            // nor more width: the sections share one host, so the widest minimum of any of them widens them all
            // (the board's filters once pushed the review's side panel and the status bar off a 1280 screen);
            // 200: the navigation's width in the app (narrower here), 48: the content's padding
            var host = (javafx.scene.layout.Region) robot.lookup("#feature-host").query();
            assertThat(host.minWidth(-1)).as(section + " host min width").isLessThanOrEqualTo(1280 - 200 - 48);
            for (String id : List.of("#sign-out-button", "#signed-in-user", "#help-button", "#connection-status")) {
                var node = robot.lookup(id).query();
                var b = node.localToScene(node.getBoundsInLocal());
                assertThat(node.isVisible()).as(section + " " + id).isTrue();
                assertThat(b.getMaxY()).as(section + " " + id).isLessThanOrEqualTo(720);
                assertThat(b.getMaxX()).as(section + " " + id).isLessThanOrEqualTo(1280);
            }
        }
        robot.interact(() -> viewModel.select(Section.PIPELINE));

        robot.clickOn("#nav-statistics");
        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.STATISTICS);
        assertThat(robot.lookup("#nav-statistics").queryAs(ToggleButton.class).isSelected()).isTrue();

        // the keyboard: F1 lists the shortcuts, Esc closes the list, Ctrl+5 goes to the inbox
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#help-overlay").query().isVisible()).isTrue();
        assertThat(robot.lookup(".help-keys").queryAllAs(Label.class)).extracting(Label::getText).contains("Ctrl+Z");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#help-overlay").query().isVisible()).isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.INBOX);

        robot.clickOn("#sign-out-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#login-host").query().isVisible()).isTrue();
        assertThat(robot.lookup("#signed-in-user").query().isVisible()).isFalse();
    }

    @Test
    void aSessionEndedByTheDatabaseIsResumedBySigningInAgain(FxRobot robot) throws Exception {
        startAndWaitForLogin(robot);
        signIn(robot, TwoCompanies.BRUNO, TwoCompanies.PASSWORD);
        // the statistics screen's own refresh reads the database again
        robot.clickOn("#nav-statistics");
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
            s.execute("UPDATE recruiter.client_sessions SET expires_at = now() - interval '1 minute' WHERE user_id = 3");
        }
        robot.clickOn("#stats-refresh");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.sessionEndedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#login-host").query().isVisible()).isTrue();
        assertThat(robot.lookup("#login-notice").queryAs(Label.class).getText()).contains("session has ended");
        assertThat(robot.lookup("#login-email").query().isDisabled()).isTrue();
        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.STATISTICS);

        robot.clickOn("#login-password").write(TwoCompanies.PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.sessionEndedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#login-host").query().isVisible()).isFalse();
        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.STATISTICS);
        // the interrupted reload ran again after the password: Beta's one published job, no error
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#stats-figures").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).hasSize(7);
        assertThat(robot.lookup("#stats-source").queryAs(Label.class).getText())
                .isEqualTo("Live figures from the main database.");
    }

    @Test
    void theInboxShowsTheUnreadCountAndMarksAllRead(FxRobot robot) throws Exception {
        startAndWaitForLogin(robot);
        signIn(robot, "albert@alpha.example", TwoCompanies.PASSWORD);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#nav-inbox").queryAs(ToggleButton.class).getText().equals("Inbox (1)"));
        robot.clickOn("#nav-inbox");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#inbox-list").queryAs(ListView.class).getItems().size() == 1);
        assertThat(robot.lookup("#inbox-unread").queryAs(Label.class).getText()).isEqualTo("1 unread");
        robot.clickOn("#inbox-mark-all");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#nav-inbox").queryAs(ToggleButton.class).getText().equals("Inbox"));
        assertThat(robot.lookup("#inbox-unread").queryAs(Label.class).getText()).isEqualTo("Nothing unread");
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement();
             var rs = s.executeQuery("SELECT is_read FROM public.notifications WHERE user_id = 2")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void aFailedStartShowsTheReasonAndCanBeRetried(FxRobot robot) throws Exception {
        failNextOpen.set(true);
        robot.interact(viewModel::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.errorMessageProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-pane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#error-label").queryAs(Label.class).getText())
                .contains("could not be reached");
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText()).isEqualTo("Not connected");

        robot.clickOn("#retry-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.databaseProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText()).contains(db.name());
        assertThat(robot.lookup("#error-pane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#login-host").query().isVisible()).isTrue();
    }
}
