package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** The real board view, headless: open a job, drag a card, lose a race, move and undo with the keyboard. */
@ExtendWith(ApplicationExtension.class)
class BoardViewTest {
    private static TestDatabase.Db db;

    private final List<Integer> reviewed = new CopyOnWriteArrayList<>();
    private FxTaskRunner tasks;
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        db = BoardFixture.create("board_view", 24);
        tasks = new FxTaskRunner(1);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE, tasks);
        board = new BoardViewModel(anne, new Navigator() {
            @Override
            public void showPipeline() {
            }

            @Override
            public void showBoard(int jobId) {
            }

            @Override
            public void showReview(int applicationId) {
                reviewed.add(applicationId);
            }
        });
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(BoardView.load(board), 1260, 760);
        scene.getStylesheets().add(BoardView.class.getResource("/co/intowork/recruiter/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void openJob(FxRobot robot) throws Exception {
        robot.interact(() -> board.open(ALPHA_JOB));
        settle();
        assertThat(robot.lookup("#board-job-title").queryAs(Label.class).getText()).isEqualTo("Alpha engineer");
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !board.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String title(FxRobot robot, ApplicationStatus s) {
        return robot.lookup("#column-title-" + s.label()).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<BoardCard> list(FxRobot robot, ApplicationStatus s) {
        return robot.lookup("#column-" + s.label()).queryAs(ListView.class);
    }

    private static Node firstCell(FxRobot robot, ApplicationStatus s) {
        return robot.from(list(robot, s)).lookup(".board-card-cell").lookup((ListCell<?> c) -> c.getIndex() == 0
                && c.getItem() != null).query();
    }

    @Test
    void draggingACardMovesItAndTheDatabaseRecordsIt(FxRobot robot) throws Exception {
        openJob(robot);
        assertThat(title(robot, ApplicationStatus.APPLIED)).isEqualTo("Applied (5)");
        assertThat(title(robot, ApplicationStatus.VIEWED)).isEqualTo("Viewed (4)");
        BoardCard card = list(robot, ApplicationStatus.APPLIED).getItems().get(0);

        robot.drag(firstCell(robot, ApplicationStatus.APPLIED), MouseButton.PRIMARY)
                .dropTo(list(robot, ApplicationStatus.VIEWED));
        settle();

        assertThat(title(robot, ApplicationStatus.APPLIED)).isEqualTo("Applied (4)");
        assertThat(title(robot, ApplicationStatus.VIEWED)).isEqualTo("Viewed (5)");
        assertThat(robot.lookup("#board-message").queryAs(Label.class).getText())
                .isEqualTo(card.candidateName() + " moved to Viewed. The candidate is told in 10 s unless you undo it"
                        + " (Ctrl+Z).");
        assertThat(rows(db, "SELECT from_status, to_status, changed_by, source FROM recruiter.application_status_events"
                + " WHERE application_id = ? AND source = 'client'", card.applicationId()))
                .containsExactly("applied|viewed|1|client");
        assertThat(rows(db, "SELECT to_status FROM recruiter.pending_status_notifications WHERE application_id = ?",
                card.applicationId())).as("the candidate is told once the undo window has passed").containsExactly("viewed");
    }

    @Test
    void aCardChangedUnderneathIsRefusedRefreshedAndExplained(FxRobot robot) throws Exception {
        openJob(robot);
        BoardCard card = list(robot, ApplicationStatus.VIEWED).getItems().get(0);
        exec(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = " + card.applicationId());

        robot.drag(firstCell(robot, ApplicationStatus.VIEWED), MouseButton.PRIMARY)
                .dropTo(list(robot, ApplicationStatus.SHORTLISTED));
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> title(robot, ApplicationStatus.INTERVIEW).endsWith("(5)"));

        Label error = robot.lookup("#board-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Nothing was moved: someone else changed these applications meanwhile.")
                .contains(card.candidateName() + " is now in Interview (last status change by the candidate or the INTOWORK website");
        assertThat(list(robot, ApplicationStatus.VIEWED).getItems()).doesNotContain(card);
        assertThat(list(robot, ApplicationStatus.INTERVIEW).getItems()).extracting(BoardCard::applicationId)
                .contains(card.applicationId());
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("interview");
    }

    @Test
    void theKeyboardMovesBetweenColumnsMovesCardsUndoesAndOpensTheReview(FxRobot robot) throws Exception {
        openJob(robot);
        robot.clickOn(firstCell(robot, ApplicationStatus.APPLIED));
        robot.type(KeyCode.RIGHT);
        ListView<BoardCard> viewed = list(robot, ApplicationStatus.VIEWED);
        assertThat(viewed.isFocused()).isTrue();
        BoardCard card = viewed.getSelectionModel().getSelectedItem();
        assertThat(card).isEqualTo(viewed.getItems().get(0));

        robot.type(KeyCode.DIGIT3);
        settle();
        assertThat(title(robot, ApplicationStatus.SHORTLISTED)).isEqualTo("Shortlisted (5)");
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("shortlisted");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(title(robot, ApplicationStatus.VIEWED)).isEqualTo("Viewed (4)");
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("viewed");

        // a refused move by key says why
        robot.clickOn(firstCell(robot, ApplicationStatus.VIEWED));
        robot.type(KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#board-error").queryAs(Label.class).getText())
                .endsWith("shortlist or interview a candidate before accepting them.");

        robot.type(KeyCode.ENTER);
        assertThat(reviewed).containsExactly(viewed.getItems().get(0).applicationId());
    }

    @Test
    void shiftClickSelectsSeveralAndABulkMoveIsPreviewedFirst(FxRobot robot) throws Exception {
        openJob(robot);
        ListView<BoardCard> applied = list(robot, ApplicationStatus.APPLIED);
        robot.clickOn(firstCell(robot, ApplicationStatus.APPLIED));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(applied.getSelectionModel().getSelectedItems()).hasSize(3);

        robot.clickOn("#board-reject");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#board-preview-text").queryAs(Label.class).getText())
                .startsWith("3 applications will move to Rejected");
        robot.clickOn("#board-preview-confirm");
        settle();
        assertThat(title(robot, ApplicationStatus.APPLIED)).isEqualTo("Applied (2)");
        BoardFixture.windowsPassAndDeliver(db);
        assertThat(rows(db, "SELECT count(*) FROM public.notifications WHERE title LIKE '❌%'")).containsExactly("3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void typingInTheFindFieldNarrowsTheChooserAndEnterOpensItsList(FxRobot robot) throws Exception {
        robot.interact(board::loadJobChoices);
        settle();
        javafx.scene.control.ComboBox<JobChoice> chooser =
                robot.lookup("#board-job-chooser").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(chooser.getItems()).extracting(JobChoice::id).containsExactlyInAnyOrder(11, 12);
        robot.clickOn("#board-job-search").write("accountant");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chooser.getItems()).extracting(JobChoice::id).containsExactly(12);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chooser.isShowing()).as("Enter shows what was found").isTrue();
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").lookup((ListCell<?> c) -> c.getItem() != null)
                .<Node>query());
        settle();
        assertThat(robot.lookup("#board-job-title").queryAs(Label.class).getText()).isEqualTo("Alpha accountant");
    }
}
