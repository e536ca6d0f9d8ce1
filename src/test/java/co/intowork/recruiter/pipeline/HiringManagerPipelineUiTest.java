package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline as a hiring manager sees it (issue 19, item 9), headless at 1280×720, in English and French: no New
 * job, a footer offering only the keys she can use, and a job window titled as read only (not "Edit job").
 */
@ExtendWith(ApplicationExtension.class)
class HiringManagerPipelineUiTest {
    private static TestDatabase.Db db;
    private final List<Integer> boards = new CopyOnWriteArrayList<>();
    private FxTaskRunner tasks;
    private SignedIn hugo;
    private Stage stage;

    @Start
    void start(Stage stage) {
        if (db == null) {
            db = TwoCompanies.create("pipeline_hm_ui");
        }
        tasks = new FxTaskRunner(1);
        Database client = MigratedDatabase.openAsClient(db, "pipeline_hm_ui_client");
        hugo = new SignedIn(new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(TwoCompanies.HUGO, TwoCompanies.PASSWORD), client.unitOfWork(), tasks);
        this.stage = stage;
        // a window with a scene from the start: one shown empty is not placed on the screen until later
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        Messages.use(Locale.ENGLISH);
        tasks.close();
    }

    private void show(FxRobot robot, Locale language) throws Exception {
        robot.interact(() -> {
            Messages.use(language);
            stage.setScene(new Scene(PipelineView.load(new PipelineViewModel(hugo,
                    PipelineFixture.recordingBoards(boards))), 1280, 720));
        });
        waitFor(() -> table(robot).getItems().size() == 1);
    }

    @SuppressWarnings("unchecked")
    private static TableView<JobSummary> table(FxRobot robot) {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** Opens the selected job's window with the button, checks its title and closes it. */
    private static void assertJobWindowTitled(FxRobot robot, String title) throws Exception {
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#pipeline-edit");
        waitFor(() -> robot.lookup("#job-editor").tryQuery().isPresent());
        Stage dialog = (Stage) robot.lookup("#job-editor").query().getScene().getWindow();
        assertThat(dialog.getTitle()).isEqualTo(title);
        assertThat(robot.lookup("#editor-save").tryQuery()).satisfiesAnyOf(
                save -> assertThat(save).isEmpty(), save -> assertThat(save.get().isVisible()).isFalse());
        robot.clickOn("#editor-close");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void herJobWindowIsTitledReadOnlyAndTheFooterOffersOnlyHerKeysInEnglish(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
        assertThat(robot.lookup("#pipeline-new").query().isVisible()).isFalse();
        String keys = robot.lookup("#pipeline-keys").queryAs(Label.class).getText();
        assertThat(keys).doesNotContain("Ctrl+N").doesNotContain("edit").contains("Ctrl+E the job's details");
        assertThat(robot.lookup("#pipeline-edit").queryAs(Button.class).getText()).isNotEqualTo("Edit");
        assertJobWindowTitled(robot, "View job");
    }

    @Test
    void herJobWindowIsTitledReadOnlyAndTheFooterOffersOnlyHerKeysInFrench(FxRobot robot) throws Exception {
        show(robot, Locale.FRANCE);
        assertThat(robot.lookup("#pipeline-new").query().isVisible()).isFalse();
        String keys = robot.lookup("#pipeline-keys").queryAs(Label.class).getText();
        assertThat(keys).doesNotContain("Ctrl+N").doesNotContain("modifier").contains("Ctrl+E détails de l'offre");
        assertThat(robot.lookup("#pipeline-edit").queryAs(Button.class).getText()).isNotEqualTo("Modifier");
        assertJobWindowTitled(robot, "Voir l'offre");
    }
}
