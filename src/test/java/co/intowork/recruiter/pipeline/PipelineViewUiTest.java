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
import javafx.scene.control.TableColumn;
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
        this.viewModel = viewModel;
        // the smallest screen supported: dialogs must fit it
        System.setProperty(co.intowork.recruiter.common.ui.Windows.SCREEN_PROPERTY, "1280x720");
        stage.setScene(new Scene(PipelineView.load(viewModel), 1280, 720));
        stage.show();
        this.stage = stage;
    }

    private PipelineViewModel viewModel;
    private Stage stage;

    @AfterEach
    void tearDown() {
        System.clearProperty(co.intowork.recruiter.common.ui.Windows.SCREEN_PROPERTY);
        tasks.close();
    }

    /** The node lies wholly inside its window's scene, and is shown. */
    private static void assertWhollyShown(javafx.scene.Node node) {
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        assertThat(node.isVisible()).as(node.getId() + " visible").isTrue();
        assertThat(b.getMinX()).as(node.getId() + " left").isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as(node.getId() + " top").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(node.getId() + " right").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(node.getId() + " bottom").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }

    @Test
    void jobDialogsFitA1280x720ScreenAndTheListSortsByItsHeaders(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setMaximized(true));
        waitFor(() -> table(robot).getItems().size() == 2);

        // New job: sized to its content (not 200×200), within the screen, the owner still maximised
        robot.clickOn("#pipeline-new");
        waitFor(() -> robot.lookup("#job-editor").tryQuery().isPresent());
        javafx.scene.Node editor = robot.lookup("#job-editor").query();
        Stage dialog = (Stage) editor.getScene().getWindow();
        assertThat(dialog.getWidth()).isGreaterThanOrEqualTo(700).isLessThanOrEqualTo(1280);
        assertThat(dialog.getHeight()).isGreaterThanOrEqualTo(400).isLessThanOrEqualTo(720);
        assertThat(dialog.getY() + dialog.getHeight()).isLessThanOrEqualTo(720);
        for (String id : List.of("#editor-save", "#editor-close", "#editor-title")) {
            assertWhollyShown(robot.lookup(id).query());
        }
        assertThat(robot.lookup("#editor-title").query().isFocused()).isTrue();
        assertThat(stage.isMaximized()).isTrue();
        robot.clickOn("#editor-close");
        WaitForAsyncUtils.waitForFxEvents();

        // Edit job: the form scrolls inside a window no taller than the screen
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#pipeline-edit");
        waitFor(() -> robot.lookup("#job-editor").tryQuery().isPresent());
        dialog = (Stage) robot.lookup("#job-editor").query().getScene().getWindow();
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(720);
        for (String id : List.of("#editor-save", "#editor-close")) {
            assertWhollyShown(robot.lookup(id).query());
        }
        var moves = robot.lookup((javafx.scene.Node n) -> n.getId() != null && n.getId().startsWith("editor-move-"))
                .queryAllAs(javafx.scene.control.Button.class);
        assertThat(moves).isNotEmpty().allSatisfy(PipelineViewUiTest::assertWhollyShown);
        assertThat(moves).extracting(javafx.scene.control.Button::getText).doesNotContain("Close", "Archive");
        assertThat(stage.isMaximized()).isTrue();
        robot.clickOn("#editor-close");
        WaitForAsyncUtils.waitForFxEvents();

        // headers: full names on hover, a click on "Job" sorts by title
        javafx.scene.control.Label header = (javafx.scene.control.Label) table(robot).getColumns().stream()
                .filter(c -> "titleColumn".equals(c.getId())).findFirst().orElseThrow().getGraphic();
        assertThat(header.getTooltip().getText()).contains("title").contains("Click to sort");
        javafx.scene.control.Label newHeader = (javafx.scene.control.Label) table(robot).getColumns()
                .get(table(robot).getColumns().size() - 1).getGraphic();
        assertThat(newHeader.getTooltip().getText()).startsWith("Applications received since");
        robot.clickOn(header);
        waitFor(() -> viewModel.sortProperty().get() == JobSort.TITLE && !viewModel.loadingProperty().get());
        List<String> titles = table(robot).getItems().stream().map(JobSummary::getTitle).toList();
        assertThat(titles).isSortedAccordingTo(String::compareTo);
        assertThat(header.getText()).endsWith("▾");

        // jobs sharing a title are told apart: number and creation day beside recruiter and place; Copy job is here
        var idHeader = (javafx.scene.control.Label) table(robot).getColumns().get(0).getGraphic();
        assertThat(idHeader.getTooltip().getText()).contains("number");
        assertThat(robot.lookup("#pipeline-copy").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pipeline-keys").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Ctrl+N");
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

    @Test
    void typingInTheRecruiterFilterNarrowsItsListAndTheChoiceFiltersTheJobs(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2 && viewModel.recruiters().size() >= 2);
        robot.clickOn("#pipeline-recruiter");
        robot.write("albert");
        waitFor(() -> robot.lookup(".list-view .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.ListCell<?>) n).getItem() != null)
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getItem().toString())
                .toList().equals(List.of("Albert Alpha")));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitFor(() -> viewModel.recruiterProperty().get() != null);
        assertThat(viewModel.recruiterProperty().get().name()).isEqualTo("Albert Alpha");
        // Albert posted job 12 only
        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).getId()).isEqualTo(12);
    }

    @Test
    void aTypedTagFiltersTheJobsAndItsButtonClearsIt(FxRobot robot) throws Exception {
        PipelineFixture.platform(db, "UPDATE public.job_applications SET tags = '[\"urgent\"]' WHERE id = 101");
        try {
            waitFor(() -> table(robot).getItems().size() == 2);
            // the filter rows still fit the smallest screen with the tag field and its button
            for (String id : List.of("#pipeline-recruiter", "#pipeline-sort", "#pipeline-tag", "#pipeline-tag-clear",
                    "#pipeline-clear")) {
                assertWhollyShown(robot.lookup(id).query());
            }
            assertThat(robot.lookup("#pipeline-tag-clear").query().isDisabled()).isTrue();
            robot.clickOn("#pipeline-tag").write("Urgent").type(KeyCode.ENTER);
            waitFor(() -> table(robot).getItems().size() == 1 && !viewModel.loadingProperty().get());
            assertThat(table(robot).getItems().get(0).getId()).isEqualTo(11);
            assertThat(robot.lookup("#pipeline-summary").queryAs(javafx.scene.control.Label.class).getText())
                    .contains("1");
            robot.clickOn("#pipeline-tag-clear");
            waitFor(() -> table(robot).getItems().size() == 2);
            assertThat(robot.lookup("#pipeline-tag").queryAs(TextField.class).getText()).isEmpty();
        } finally {
            PipelineFixture.platform(db, "UPDATE public.job_applications SET tags = NULL WHERE id = 101");
        }
    }

    @Test
    void orderedByExpiryTheDateColumnShowsTheExpiryGreyedOncePast(FxRobot robot) throws Exception {
        PipelineFixture.platform(db, "UPDATE public.jobs SET expires_at = now() - interval '3 days' WHERE id = 11");
        PipelineFixture.platform(db, "UPDATE public.jobs SET expires_at = now() + interval '30 days' WHERE id = 12");
        try {
            waitFor(() -> table(robot).getItems().size() == 2);
            TableColumn<JobSummary, ?> created = column(robot, "createdColumn");
            TableColumn<JobSummary, ?> expires = column(robot, "expiresColumn");
            assertThat(created.isVisible()).isTrue();
            assertThat(expires.isVisible()).isFalse();
            robot.interact(() -> viewModel.sortProperty().set(JobSort.EXPIRING));
            waitFor(() -> !viewModel.loadingProperty().get() && table(robot).getItems().size() == 2);
            assertThat(expires.isVisible()).isTrue();
            assertThat(created.isVisible()).isFalse();
            // still to expire first, then the expired one, greyed
            assertThat(table(robot).getItems()).extracting(JobSummary::getId).containsExactly(12, 11);
            var cells = robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                    .filter(c -> c.getTableColumn() == expires && !c.isEmpty() && c.getText() != null
                            && !c.getText().isEmpty())
                    .toList();
            assertThat(cells).hasSize(2);
            assertThat(cells).filteredOn(c -> c.getStyleClass().contains("expired")).singleElement()
                    .satisfies(c -> assertThat(c.getTableRow().getItem()).extracting("id").isEqualTo(11));
            robot.interact(() -> viewModel.sortProperty().set(JobSort.NEWEST));
            waitFor(() -> !viewModel.loadingProperty().get());
            assertThat(created.isVisible()).isTrue();
            assertThat(expires.isVisible()).isFalse();
        } finally {
            PipelineFixture.platform(db, "UPDATE public.jobs SET expires_at = NULL WHERE id IN (11, 12)");
        }
    }

    @SuppressWarnings("unchecked")
    private TableColumn<JobSummary, ?> column(FxRobot robot, String id) {
        return table(robot).getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
