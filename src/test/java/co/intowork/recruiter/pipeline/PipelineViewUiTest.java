package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real pipeline view, headless: the list loads, search narrows it, the editor saves, the row changes. */
@ExtendWith(ApplicationExtension.class)
class PipelineViewUiTest {
    private static TestDatabase.Db db;
    private final List<Integer> boards = new CopyOnWriteArrayList<>();
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        if (db == null) {
            db = TwoCompanies.create("pipeline_ui");
        }
        tasks = new FxTaskRunner(1);
        Database client = MigratedDatabase.openAsClient(db, "pipeline_ui_client");
        SessionContext ctx = SessionContext.installOn(client.unitOfWork());
        SignedIn anne = new SignedIn(new AuthService(client.unitOfWork(), ctx)
                .signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD), client.unitOfWork(), tasks);
        PipelineViewModel viewModel = new PipelineViewModel(anne, PipelineFixture.recordingBoards(boards));
        stage.setScene(new Scene(PipelineView.load(viewModel), 1200, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<JobSummary> table(FxRobot robot) {
        return robot.lookup("#pipeline-table").queryAs(TableView.class);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void searchEditSaveAndOpen(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);

        robot.clickOn("#pipeline-search").write("engineer").type(KeyCode.ENTER);
        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).getTitle()).isEqualTo("Alpha engineer");

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#pipeline-table").press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#editor-title").tryQuery().isPresent());
        TextField title = robot.lookup("#editor-title").queryAs(TextField.class);
        assertThat(title.getText()).isEqualTo("Alpha engineer");
        robot.interact(title::clear);
        robot.clickOn(title).write("Alpha senior engineer");
        robot.clickOn("#editor-save");
        waitFor(() -> table(robot).getItems().get(0).getTitle().equals("Alpha senior engineer"));
        robot.clickOn("#editor-close");

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#pipeline-table").type(KeyCode.ENTER);
        waitFor(() -> !boards.isEmpty());
        assertThat(boards).containsExactly(11);
    }
}
