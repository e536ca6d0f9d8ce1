package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    private static final AtomicReference<Boolean> failNextOpen = new AtomicReference<>(false);
    private static TestDatabase.Db db;

    private MainViewModel viewModel;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        if (db == null) {
            db = MigratedDatabase.create("smoke");
        }
        tasks = new FxTaskRunner(1);
        viewModel = new MainViewModel(tasks, progress -> {
            progress.accept("Connecting");
            if (failNextOpen.getAndSet(false)) {
                throw new UserFacingException("The database server could not be reached (test).");
            }
            Database database = MigratedDatabase.open(db);
            return new Startup.Outcome(database, "9", List.of());
        });
        stage.setScene(new Scene(MainView.load(viewModel), 1100, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        viewModel.close();
        tasks.close();
    }

    @Test
    void opensAndShowsTheDatabaseItIsConnectedTo(FxRobot robot) throws Exception {
        robot.interact(viewModel::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.errorMessageProperty().get()).isEmpty();
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("localhost/" + db.name());
        assertThat(robot.lookup("#schema-status").queryAs(Label.class).getText()).isEqualTo("Schema v9");

        robot.clickOn("#nav-statistics");
        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.STATISTICS);
        assertThat(robot.lookup("#nav-statistics").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-pipeline").queryAs(ToggleButton.class).isSelected()).isFalse();
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
    }
}
