package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** The board at 1280×720: its filters, and keyboard moves chained on the same card. */
@ExtendWith(ApplicationExtension.class)
class BoardFilterViewTest {
    private static TestDatabase.Db db;

    private FxTaskRunner tasks;
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        if (db == null) {
            db = BoardFixture.create("board_filter_view", 24);
            BoardFixture.exec(db, "UPDATE public.job_applications SET tags = '[\"urgent\"]', source_ref = 'linkedin' "
                    + "WHERE candidate_id IN (1001, 1002)");
        }
        tasks = new FxTaskRunner(1);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE, tasks);
        board = new BoardViewModel(anne, new RecordingNavigator());
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(BoardView.load(board), 1280, 720);
        scene.getStylesheets().add(BoardView.class.getResource("/co/intowork/recruiter/app/app.css").toExternalForm());
        stage.setScene(scene);
        // the stage is shared with earlier tests of the run, which may have maximised it
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void openJob(FxRobot robot) throws Exception {
        robot.interact(() -> board.open(ALPHA_JOB));
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !board.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListView<BoardCard> list(FxRobot robot, ApplicationStatus s) {
        return robot.lookup("#column-" + s.label()).queryAs(ListView.class);
    }

    private List<String> shownNames() {
        return board.columns().stream().flatMap(c -> c.cards().stream()).map(BoardCard::candidateName).toList();
    }

    @Test
    void keyboardMovesCanBeChainedOnTheSameCard(FxRobot robot) throws Exception {
        openJob(robot);
        ListView<BoardCard> applied = list(robot, ApplicationStatus.APPLIED);
        BoardCard card = applied.getItems().get(0);
        Node firstCell = robot.from(applied).lookup(".board-card-cell")
                .lookup((ListCell<?> c) -> c.getIndex() == 0 && c.getItem() != null).query();
        robot.clickOn(firstCell);
        robot.type(KeyCode.DIGIT2);
        settle();
        ListView<BoardCard> viewed = list(robot, ApplicationStatus.VIEWED);
        assertThat(viewed.getSelectionModel().getSelectedItems()).extracting(BoardCard::applicationId)
                .containsExactly(card.applicationId());
        assertThat(viewed.isFocused()).as("the keys follow the card").isTrue();
        robot.type(KeyCode.DIGIT3);
        settle();
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        settle();
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("interview");
        assertThat(list(robot, ApplicationStatus.INTERVIEW).getSelectionModel().getSelectedItems())
                .extracting(BoardCard::applicationId).containsExactly(card.applicationId());
    }

    @Test
    void theFiltersNarrowTheColumnsAndFitTheSmallScreen(FxRobot robot) throws Exception {
        openJob(robot);
        robot.clickOn("#board-filter-name");
        robot.write("cand1");
        Thread.sleep(500);
        settle();
        assertThat(shownNames()).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("Cand1"));
        assertThat(robot.lookup("#board-filtered").query().isVisible()).isTrue();

        robot.clickOn("#board-filter-clear");
        settle();
        assertThat(robot.lookup("#board-filter-name").queryAs(TextField.class).getText()).isEmpty();
        assertThat(shownNames()).hasSize(25);

        @SuppressWarnings("unchecked")
        CheckComboBox<String> tags = robot.lookup("#board-filter-tags").queryAs(CheckComboBox.class);
        assertThat(tags.getItems()).containsExactly("urgent");
        // the title counts the job's choices once they have arrived (ControlsFX counted them only on a check)
        assertThat(titleOf(robot, tags)).isEqualTo("Tags (0/1)");
        robot.interact(() -> tags.getCheckModel().check("urgent"));
        settle();
        assertThat(titleOf(robot, tags)).isEqualTo("Tags (1/1)");
        assertThat(shownNames()).containsExactlyInAnyOrder("Cand1 Test", "Cand2 Test");

        for (String id : List.of("#board-filter-name", "#board-filter-rating", "#board-filter-tags",
                "#board-filter-sources", "#board-filter-clear", "#board-undo", "#board-reject")) {
            Node node = robot.lookup(id).query();
            var b = node.localToScene(node.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(1280);
            assertThat(node.isVisible()).as(id).isTrue();
        }
    }

    /** What the check-combo shows on its button. */
    private static String titleOf(FxRobot robot, CheckComboBox<String> box) {
        return robot.from(box).lookup((javafx.scene.control.Labeled l) -> l.getText() != null
                && l.getText().startsWith("Tags")).queryAs(javafx.scene.control.Labeled.class).getText();
    }
}
