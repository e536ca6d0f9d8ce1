package co.intowork.recruiter.search;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The candidate search screen, headless at 1280×720: type, see the hits with their jobs, open with the keyboard. */
@ExtendWith(ApplicationExtension.class)
class CandidateSearchViewTest {
    private static TestDatabase.Db db;

    private final RecordingNavigator navigator = new RecordingNavigator();
    private FxTaskRunner tasks;
    private CandidateSearchViewModel search;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.UK);
        if (db == null) {
            db = CandidateSearchFixture.create("candidate_search_view");
        }
        tasks = new FxTaskRunner(1);
        SignedIn anne = CandidateSearchFixture.signIn(db, TwoCompanies.ANNE, tasks);
        search = new CandidateSearchViewModel(anne, navigator);
        show(stage);
    }

    private void show(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(CandidateSearchView.load(search), 1280, 720);
        scene.getStylesheets().add(CandidateSearchView.class.getResource("/co/intowork/recruiter/app/app.css")
                .toExternalForm());
        stage.setScene(scene);
        // the stage is shared with earlier tests of the run, which may have maximised or resized it
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        Messages.use(Locale.UK);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // the field waits a moment after the last key before it searches
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListView<CandidateSearchService.Result> results(FxRobot robot) {
        return robot.lookup("#search-results").queryAs(ListView.class);
    }

    @Test
    void typingFindsTheCandidateWithHerJobsAndEnterOpensTheReview(FxRobot robot) throws Exception {
        robot.clickOn("#search-field");
        robot.write("douala");
        settle();
        ListView<CandidateSearchService.Result> list = results(robot);
        assertThat(list.getItems()).extracting(r -> r.candidate().name()).containsExactly("Camille Candidate");
        assertThat(robot.lookup("#search-summary").queryAs(Label.class).getText()).isEqualTo("1 candidate.");
        // the hit's card shows the job and its status
        assertThat(robot.from(list).lookup(".search-hit-job").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("• Alpha accountant — Viewed");
        assertThat(robot.lookup("#search-chosen-name").queryAs(Label.class).getText()).isEqualTo("Camille Candidate");

        robot.type(KeyCode.DOWN);
        assertThat(list.isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(navigator.requests()).containsExactly("review 121");

        robot.type(KeyCode.RIGHT);
        assertThat(robot.lookup("#search-jobs").query().isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(navigator.requests()).containsExactly("review 121", "review 121");
    }

    @Test
    void theExperienceFilterAndTheClearButtonWork(FxRobot robot) throws Exception {
        robot.clickOn("#search-field");
        robot.write("candidate");
        settle();
        assertThat(results(robot).getItems()).hasSize(2);
        robot.interact(() -> search.minYearsProperty().set(5));
        settle();
        assertThat(results(robot).getItems()).extracting(r -> r.candidate().name())
                .containsExactly("Chloé Candidate");
        assertThat(robot.lookup("#search-min-years").query().isVisible()).isTrue();

        // ControlsFX's clear button sits inside the field
        Node clear = robot.lookup(".clear-button").query();
        robot.clickOn(clear);
        settle();
        assertThat(robot.lookup("#search-field").queryAs(TextField.class).getText()).isEmpty();
        assertThat(results(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#search-summary").queryAs(Label.class).getText())
                .startsWith("Type a name, a title");
    }

    @Test
    void nothingFoundIsSaidAndTheLayoutFitsTheSmallScreen(FxRobot robot) throws Exception {
        robot.clickOn("#search-field");
        robot.write("zzzzqqq");
        settle();
        assertThat(robot.lookup("#search-summary").queryAs(Label.class).getText())
                .isEqualTo("No candidate matches. Try fewer words, or another spelling.");
        for (String id : java.util.List.of("#search-field", "#search-min-years", "#search-results", "#search-jobs")) {
            Node node = robot.lookup(id).query();
            var b = node.localToScene(node.getBoundsInLocal());
            assertThat(node.getScene().getHeight()).isEqualTo(720);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(1280);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(720);
        }
    }

    @Test
    void inFrenchTheScreenSpeaksFrench(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Messages.use(Locale.FRANCE);
            Stage stage = (Stage) robot.lookup("#search-field").query().getScene().getWindow();
            search = new CandidateSearchViewModel(CandidateSearchFixture.signIn(db, TwoCompanies.ANNE, tasks),
                    navigator);
            show(stage);
        });
        robot.clickOn("#search-field");
        robot.write("comptable");
        settle();
        assertThat(robot.lookup("#search-summary").queryAs(Label.class).getText()).isEqualTo("1 candidat.");
        assertThat(robot.from(results(robot)).lookup(".search-hit-job").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("• Alpha accountant — Vues");
        assertThat(robot.lookup("#search-field").queryAs(TextField.class).getPromptText())
                .startsWith("Chercher des candidats");
    }
}
