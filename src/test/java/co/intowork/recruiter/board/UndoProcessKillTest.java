package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Undo before notify survives the death of the client that moved (decision 0018): a real child JVM
 * ({@link MoveChild}) moves a card and is SIGKILLed within the undo window, before its own delivery runs; the
 * message is then delivered exactly once by other sessions, one of them of another company.
 */
class UndoProcessKillTest {
    private static final int WINDOW_SECONDS = 3;
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    @Test
    void aClientKilledWithinTheWindowIsDeliveredLaterByAnotherSessionExactlyOnce() throws Exception {
        TestDatabase.Db db = BoardFixture.create("undo_kill", 0);
        Path out = Files.createTempFile("move-child", ".out");
        Path err = Files.createTempFile("move-child", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MoveChild.class.getName(), db.jdbcUrl(),
                TwoCompanies.CLIENT_LOGIN, TwoCompanies.ANNE, TwoCompanies.PASSWORD, "11", "101", "rejected",
                String.valueOf(WINDOW_SECONDS)))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitMoved(child, out, err);
            long movedAt = System.nanoTime();
            child.destroyForcibly();
            assertThat(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
            assertThat(System.nanoTime() - movedAt).as("killed within the window")
                    .isLessThan(TimeUnit.SECONDS.toNanos(WINDOW_SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = 101")).containsExactly("rejected");
        assertThat(rows(db, "SELECT from_status, to_status FROM recruiter.pending_status_notifications"))
                .containsExactly("applied|rejected");
        assertThat(rows(db, "SELECT count(*) FROM public.notifications WHERE related_application_id = 101"))
                .containsExactly("0");

        // later, two other people's clients deliver what is due, at the same time
        SignedIn albert = BoardFixture.signIn(db, "albert@alpha.example");
        SignedIn bruno = BoardFixture.signIn(db, TwoCompanies.BRUNO);
        StatusNotificationDelivery byAlbert = new StatusNotificationDelivery(albert.unitOfWork(), Duration.ZERO);
        StatusNotificationDelivery byBruno = new StatusNotificationDelivery(bruno.unitOfWork(), Duration.ZERO);
        Thread.sleep(TimeUnit.SECONDS.toMillis(WINDOW_SECONDS) + 200);
        CompletableFuture<Void> a = CompletableFuture.runAsync(byAlbert::deliverDue);
        CompletableFuture<Void> b = CompletableFuture.runAsync(byBruno::deliverDue);
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        byBruno.deliverDue();

        assertThat(rows(db, "SELECT user_id, title FROM public.notifications WHERE related_application_id = 101"))
                .containsExactly("6|❌ Votre candidature n'a pas été retenue");
        assertThat(rows(db, "SELECT count(*) FROM recruiter.pending_status_notifications")).containsExactly("0");
    }

    private static void awaitMoved(Process child, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        while (!read(out).contains(MoveChild.MOVED)) {
            if (!child.isAlive()) {
                fail("the child ended before moving (exit " + child.exitValue() + "); stderr: " + read(err));
            }
            if (System.nanoTime() > deadline) {
                fail("the child did not move within " + CHILD_TIMEOUT_SECONDS + " s; stderr: " + read(err));
            }
            Thread.sleep(10);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
