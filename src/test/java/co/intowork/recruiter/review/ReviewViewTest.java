package co.intowork.recruiter.review;

import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/** The real review view, headless: open an application, type notes, save with the keyboard, walk the column. */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {
    private static TestDatabase.Db db;

    private FxTaskRunner tasks;
    private ReviewViewModel review;

    @Start
    void start(Stage stage) {
        db = ReviewFixture.create("review_view");
        tasks = new FxTaskRunner(1);
        review = new ReviewViewModel(ReviewFixture.signIn(db, TwoCompanies.ANNE, tasks), new RecordingNavigator(),
                id -> List.of(CHLOE_APP, 102, 103), url -> { });
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(ReviewView.load(review), 1260, 760);
        scene.getStylesheets().add(ReviewView.class.getResource("/co/intowork/recruiter/app/app.css").toExternalForm());
        stage.setScene(scene);
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

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void openEditNotesSaveAndSeeTheRow(FxRobot robot) throws Exception {
        robot.interact(() -> review.open(CHLOE_APP));
        settle();
        assertThat(text(robot, "#review-heading")).isEqualTo("Chloé Candidate");
        assertThat(text(robot, "#review-profile")).contains("Data engineer");
        assertThat(text(robot, "#review-message")).contains("viewed");
        assertThat(value(db, "SELECT status::text FROM public.job_applications WHERE id = 101")).isEqualTo("viewed");
        assertThat(robot.lookup("#review-save").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#review-notes").write("Called her, very clear");
        robot.clickOn("#review-rating").write("4");
        assertThat(robot.lookup("#review-save").queryAs(Button.class).isDisabled()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();

        assertThat(text(robot, "#review-message")).isEqualTo("Saved.");
        assertThat(value(db, "SELECT notes || '|' || rating FROM public.job_applications WHERE id = 101"))
                .isEqualTo("Called her, very clear|4");

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        settle();
        assertThat(text(robot, "#review-heading")).isEqualTo("Claude Candidate");
        assertThat(robot.lookup("#review-notes").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(text(robot, "#review-position")).isEqualTo("2 of 3 in this column");
    }
}
