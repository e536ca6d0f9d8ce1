package co.intowork.recruiter.review;

import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.review.ReviewFixture.CHLOE_APP;
import static co.intowork.recruiter.review.ReviewFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The notes thread in the real review view, headless at 1280×720: add with Ctrl+Enter, see the author, delete. */
@ExtendWith(ApplicationExtension.class)
class ReviewThreadViewTest {
    private static TestDatabase.Db db;

    private FxTaskRunner tasks;
    private ReviewViewModel review;

    @Start
    void start(Stage stage) {
        db = ReviewFixture.create("review_thread_view");
        new ReviewService(ReviewFixture.signIn(db, TwoCompanies.HUGO)).addNote(CHLOE_APP, "Hugo: good fit");
        tasks = new FxTaskRunner(1);
        review = new ReviewViewModel(ReviewFixture.signIn(db, TwoCompanies.ANNE, tasks), new RecordingNavigator(),
                id -> List.of(CHLOE_APP), url -> { });
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(ReviewView.load(review), 1280, 720);
        scene.getStylesheets().add(ReviewView.class.getResource("/co/intowork/recruiter/app/app.css").toExternalForm());
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

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !review.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> labels(FxRobot robot, String noteId) {
        return robot.from(robot.lookup(noteId).queryAs(Node.class)).lookup(".label").queryAllAs(Label.class)
                .stream().map(Label::getText).toList();
    }

    @Test
    void aNoteIsAddedWithCtrlEnterShownWithItsAuthorAndDeletedByItsAuthorOnly(FxRobot robot) throws Exception {
        robot.interact(() -> review.open(CHLOE_APP));
        settle();
        assertThat(labels(robot, "#review-note-0")).anySatisfy(t -> assertThat(t)
                .startsWith("Hugo Manager (hiring manager) · ")).contains("Hugo: good fit");
        assertThat(robot.lookup("#review-delete-note-0").tryQuery()).as("not Anne's to delete").isEmpty();

        robot.clickOn("#review-note-draft").write("Anne: agreed, invite her");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        settle();
        assertThat(labels(robot, "#review-note-1")).anySatisfy(t -> assertThat(t).startsWith("Anne Alpha · "))
                .contains("Anne: agreed, invite her");
        assertThat(robot.lookup("#review-note-draft").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(value(db, "SELECT recruiter_notes -> 1 ->> 'user_name' FROM public.job_applications WHERE id = ?",
                CHLOE_APP)).isEqualTo("Anne Alpha");

        robot.clickOn("#review-delete-note-1");
        settle();
        assertThat(robot.lookup("#review-note-1").tryQuery()).isEmpty();
        assertThat(value(db, "SELECT jsonb_array_length(recruiter_notes) FROM public.job_applications WHERE id = ?",
                CHLOE_APP)).isEqualTo("1");
        Node thread = robot.lookup("#review-thread").query();
        assertThat(thread.localToScene(thread.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1280);
    }
}
