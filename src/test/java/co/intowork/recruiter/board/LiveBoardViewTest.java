package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.live.LiveFeed;
import co.intowork.recruiter.live.LiveMode;
import co.intowork.recruiter.live.LiveUpdates;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real board view with its live feed (decision 0021), headless: a change made elsewhere moves the card, the
 * counts and the discreet line follow, and the cards the person had selected stay selected.
 */
@ExtendWith(ApplicationExtension.class)
class LiveBoardViewTest {
    private TestDatabase.Db db;
    private FxTaskRunner tasks;
    private BoardViewModel board;
    private LiveFeed feed;
    private SignedIn anne;

    @Start
    void start(Stage stage) throws InterruptedException {
        db = BoardFixture.create("live_board_view", 24);
        tasks = new FxTaskRunner(1);
        anne = BoardFixture.signIn(db, TwoCompanies.ANNE, tasks);
        board = new BoardViewModel(anne, new RecordingNavigator());
        LiveUpdates updates = new LiveUpdates(tasks);
        updates.subscribe(board::applyLive);
        var pool = anne.unitOfWork().factory().getConfiguration().getEnvironment().getDataSource();
        feed = new LiveFeed(anne.unitOfWork(), LiveFeed.directOpener(pool, null), LiveMode.LISTEN, null,
                updates::publish);
        feed.start();
        assertThat(feed.awaitReady(Duration.ofSeconds(20))).isTrue();
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(BoardView.load(board), 1280, 720);
        scene.getStylesheets().add(BoardView.class.getResource("/co/intowork/recruiter/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        feed.close();
        tasks.close();
        ((com.zaxxer.hikari.HikariDataSource) anne.unitOfWork().factory().getConfiguration().getEnvironment()
                .getDataSource()).close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<BoardCard> list(FxRobot robot, ApplicationStatus s) {
        return robot.lookup("#column-" + s.label()).queryAs(ListView.class);
    }

    private static String title(FxRobot robot, ApplicationStatus s) {
        return robot.lookup("#column-title-" + s.label()).queryAs(Label.class).getText();
    }

    @Test
    void aChangeMadeElsewhereMovesTheCardAndKeepsTheSelection(FxRobot robot) throws Exception {
        robot.interact(() -> board.open(ALPHA_JOB));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !board.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title(robot, ApplicationStatus.APPLIED)).isEqualTo("Applied (5)");
        ListView<BoardCard> applied = list(robot, ApplicationStatus.APPLIED);
        List<BoardCard> cards = List.copyOf(applied.getItems());
        // the person has chosen the second and third cards (say, for a bulk move) when the first one leaves
        robot.interact(() -> {
            applied.getSelectionModel().select(1);
            applied.getSelectionModel().select(2);
        });
        Label line = robot.lookup("#board-live-line").queryAs(Label.class);
        assertThat(line.isVisible()).isFalse();

        exec(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = " + cards.get(0).applicationId());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title(robot, ApplicationStatus.APPLIED).equals("Applied (4)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title(robot, ApplicationStatus.INTERVIEW)).isEqualTo("Interview (5)");
        assertThat(list(robot, ApplicationStatus.INTERVIEW).getItems()).extracting(BoardCard::applicationId)
                .contains(cards.get(0).applicationId());
        assertThat(applied.getSelectionModel().getSelectedItems()).extracting(BoardCard::applicationId)
                .containsExactlyInAnyOrder(cards.get(1).applicationId(), cards.get(2).applicationId());
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).isEqualTo("The web platform moved " + cards.get(0).candidateName() + " to Interview");
        // for a person to look at (target/screenshots), as rendered at 1280x720
        robot.interact(() -> writePng(line.getScene(), Path.of("target", "screenshots", "live-board.png")));
    }

    private static void writePng(Scene scene, Path file) {
        var image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
