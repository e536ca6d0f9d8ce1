package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undo before notify (issue 19, item 3; decision 0018): a move's candidate notification waits the undo window in
 * recruiter.pending_status_notifications, an undo within it cancels it, a chain of moves is one message, and any
 * session delivers what is due exactly once.
 */
class UndoBeforeNotifyTest {
    private static final String STATUS_MESSAGES_OF_101 = "SELECT title || ' / ' || message FROM public.notifications"
            + " WHERE related_application_id = 101 AND type = 'STATUS_CHANGE' ORDER BY id";

    private static BoardCard card(BoardService service, ApplicationStatus status, int applicationId) {
        return service.page(ALPHA_JOB, status, null, 500).stream()
                .filter(c -> c.applicationId() == applicationId).findFirst().orElseThrow();
    }

    private static BoardCard move(BoardService service, BoardCard card, ApplicationStatus to) {
        return service.move(ALPHA_JOB, List.of(new BoardService.Move(card, to))).get(0);
    }

    /** As the owner: the pending rows' windows end now, as if the time had passed. */
    private static void windowsPass(TestDatabase.Db db) {
        exec(db, "UPDATE recruiter.pending_status_notifications SET due_at = clock_timestamp() - interval '1 second'");
    }

    private static StatusNotificationDelivery delivery(SignedIn who) {
        return new StatusNotificationDelivery(who.unitOfWork(), Duration.ofSeconds(10));
    }

    @Test
    void anUndoWithinTheWindowMeansTheCandidateIsNeverTold() {
        TestDatabase.Db db = BoardFixture.create("undo_cancels", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        BoardService board = new BoardService(anne, Duration.ofSeconds(10), () -> { });

        BoardCard rejected = move(board, card(board, ApplicationStatus.APPLIED, 101), ApplicationStatus.REJECTED);
        assertThat(rows(db, "SELECT from_status, to_status, requested_by,"
                + " due_at - first_at BETWEEN interval '9.9 seconds' AND interval '10.1 seconds'"
                + " FROM recruiter.pending_status_notifications"))
                .containsExactly("applied|rejected|1|t");
        delivery(anne).deliverDue();
        assertThat(rows(db, STATUS_MESSAGES_OF_101)).as("not due yet").isEmpty();

        move(board, rejected, ApplicationStatus.APPLIED);
        windowsPass(db);
        delivery(anne).deliverDue();

        assertThat(rows(db, STATUS_MESSAGES_OF_101)).isEmpty();
        assertThat(rows(db, "SELECT count(*) FROM recruiter.pending_status_notifications")).containsExactly("0");
        // the history still says what happened
        assertThat(rows(db, "SELECT from_status || '>' || to_status FROM recruiter.application_status_events"
                + " WHERE application_id = 101 AND source = 'client' ORDER BY id"))
                .containsExactly("applied>rejected", "rejected>applied");
    }

    @Test
    void onceTheWindowHasPassedTheCandidateIsToldExactlyOnceInWords() throws Exception {
        TestDatabase.Db db = BoardFixture.create("undo_window_passes", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        BoardService board = new BoardService(anne, Duration.ofSeconds(1), () -> { });
        StatusNotificationDelivery delivery = new StatusNotificationDelivery(anne.unitOfWork(), Duration.ofSeconds(1));

        move(board, card(board, ApplicationStatus.APPLIED, 101), ApplicationStatus.SHORTLISTED);
        delivery.deliverDue();
        assertThat(rows(db, STATUS_MESSAGES_OF_101)).as("within the window").isEmpty();

        Thread.sleep(1100);
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(rows(db, "SELECT user_id, type, related_job_id, is_read FROM public.notifications"
                + " WHERE related_application_id = 101")).containsExactly("6|STATUS_CHANGE|11|f");
        assertThat(rows(db, STATUS_MESSAGES_OF_101)).containsExactly("⭐ Vous avez été présélectionné(e) / Votre "
                + "candidature pour le poste de Alpha engineer a été mise à jour: présélectionnée");
    }

    @Test
    void aChainOfMovesWithinTheWindowIsOneMessageWithTheFinalStatus() {
        TestDatabase.Db db = BoardFixture.create("undo_chain", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        BoardService board = new BoardService(anne);
        // the review marks it viewed, then the board moves it on twice
        ReviewService review = new ReviewService(anne, board);
        review.markViewed(review.load(101).application());
        BoardCard c = move(board, card(board, ApplicationStatus.VIEWED, 101), ApplicationStatus.SHORTLISTED);
        move(board, c, ApplicationStatus.INTERVIEW);
        assertThat(rows(db, "SELECT from_status, to_status FROM recruiter.pending_status_notifications"))
                .containsExactly("applied|interview");

        windowsPass(db);
        delivery(anne).deliverDue();

        assertThat(rows(db, STATUS_MESSAGES_OF_101)).containsExactly("🎯 Vous êtes convoqué(e) en entretien / Votre "
                + "candidature pour le poste de Alpha engineer a été mise à jour: retenue pour un entretien");
        // after the message, a move is a new chain: from what the candidate was last told
        move(board, card(board, ApplicationStatus.INTERVIEW, 101), ApplicationStatus.REJECTED);
        assertThat(rows(db, "SELECT from_status, to_status FROM recruiter.pending_status_notifications"))
                .containsExactly("interview|rejected");
    }

    @Test
    void eachWordingIsReadableFrench() {
        TestDatabase.Db db = BoardFixture.create("undo_wording", 0);
        assertThat(rows(db, "SELECT s || ': ' || recruiter.status_wording(s) || ' | ' || recruiter.status_notification_title(s)"
                + " FROM unnest(enum_range(NULL::public.applicationstatus)) s ORDER BY s"))
                .allSatisfy(line -> assertThat(line).doesNotContainPattern(": (applied|viewed|shortlisted|interview"
                        + "|accepted|rejected) \\|"))
                .contains("rejected: non retenue | ❌ Votre candidature n'a pas été retenue",
                        "applied: reçue, en attente d'examen | 📬 Mise à jour de votre candidature");
    }

    @Test
    void theWindowComesFromTheMoveAndIsBoundedByTheDatabase() {
        TestDatabase.Db db = BoardFixture.create("undo_bounds", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        move(new BoardService(anne, Duration.ofHours(2), () -> { }),
                card(new BoardService(anne), ApplicationStatus.APPLIED, 101), ApplicationStatus.VIEWED);
        assertThat(rows(db, "SELECT due_at - first_at FROM recruiter.pending_status_notifications"))
                .containsExactly("00:05:00");

        BoardService immediate = new BoardService(anne, Duration.ZERO, () -> { });
        move(immediate, card(immediate, ApplicationStatus.VIEWED, 101), ApplicationStatus.SHORTLISTED);
        assertThat(rows(db, "SELECT to_status, due_at <= clock_timestamp() FROM recruiter.pending_status_notifications"))
                .as("a later move's window replaces the earlier one").containsExactly("shortlisted|t");
    }

    @Test
    void thePlatformChangingTheStatusMeanwhileDropsTheDesktopsMessage() {
        TestDatabase.Db db = BoardFixture.create("undo_platform", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        BoardService board = new BoardService(anne);
        move(board, card(board, ApplicationStatus.APPLIED, 101), ApplicationStatus.VIEWED);
        // the web platform's own update (no session): it tells the candidate itself
        exec(db, "UPDATE public.job_applications SET status = 'accepted' WHERE id = 101");
        assertThat(rows(db, "SELECT count(*) FROM recruiter.pending_status_notifications")).containsExactly("0");
    }

    @Test
    void signingOutDeliversWhatThePersonStillHadPending() {
        TestDatabase.Db db = BoardFixture.create("undo_sign_out", 0);
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        AuthService auth = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()));
        SignedIn anne = new SignedIn(auth.signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD), client.unitOfWork(),
                new ImmediateTaskRunner());
        SignedIn bruno = BoardFixture.signIn(db, TwoCompanies.BRUNO);
        BoardService board = new BoardService(anne);
        move(board, card(board, ApplicationStatus.APPLIED, 101), ApplicationStatus.VIEWED);
        BoardService beta = new BoardService(bruno);
        BoardCard claude = beta.page(BoardFixture.BETA_JOB, ApplicationStatus.APPLIED, null, 50).get(0);
        beta.move(BoardFixture.BETA_JOB, List.of(new BoardService.Move(claude, ApplicationStatus.VIEWED)));

        auth.signOut();

        assertThat(rows(db, STATUS_MESSAGES_OF_101)).hasSize(1);
        assertThat(rows(db, "SELECT application_id FROM recruiter.pending_status_notifications"))
                .as("someone else's window is left alone").containsExactly("201");
    }

    @Test
    void concurrentDeliverersAndMoversDeliverEachMessageExactlyOnce() throws Exception {
        int cards = 120;
        TestDatabase.Db db = BoardFixture.create("undo_concurrent", cards);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        SignedIn albert = BoardFixture.signIn(db, "albert@alpha.example");
        SignedIn bruno = BoardFixture.signIn(db, TwoCompanies.BRUNO);
        BoardService board = new BoardService(anne, Duration.ZERO, () -> { });
        List<BoardCard> applied = board.page(ALPHA_JOB, ApplicationStatus.APPLIED, null, 500);
        List<BoardCard> viewed = board.page(ALPHA_JOB, ApplicationStatus.VIEWED, null, 500);
        assertThat(applied.size() + viewed.size()).isGreaterThan(30);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            // one thread moves card after card (each due at once); three sessions, one of another company, deliver
            work.add(pool.submit(() -> {
                start.await();
                for (BoardCard c : applied) {
                    move(board, c, ApplicationStatus.SHORTLISTED);
                }
                for (BoardCard c : viewed) {
                    move(board, c, ApplicationStatus.REJECTED);
                }
                return null;
            }));
            for (SignedIn who : List.of(anne, albert, bruno)) {
                StatusNotificationDelivery d = delivery(who);
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 60; i++) {
                        d.deliverDue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        delivery(bruno).deliverDue();

        int moved = applied.size() + viewed.size();
        assertThat(rows(db, "SELECT count(*) FROM recruiter.pending_status_notifications")).containsExactly("0");
        assertThat(rows(db, "SELECT count(*), count(DISTINCT related_application_id) FROM public.notifications"
                + " WHERE type = 'STATUS_CHANGE' AND related_application_id IS NOT NULL"))
                .containsExactly(moved + "|" + moved);
    }

    /** A clock the test moves on by hand. */
    private static final class ManualClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theBoardSaysWhenTheCandidateIsToldAndWhetherAnUndoCameInTimeInBothLanguages() {
        TestDatabase.Db db = BoardFixture.create("undo_board_words", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        ManualClock clock = new ManualClock();
        BoardViewModel board = new BoardViewModel(new BoardService(anne, Duration.ofSeconds(10), () -> { }),
                new ImmediateTaskRunner(), new co.intowork.recruiter.testing.RecordingNavigator(), clock);
        board.open(ALPHA_JOB);
        BoardCard chloe = board.column(ApplicationStatus.APPLIED).cards().get(0);
        try {
            co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.FRANCE);
            board.requestMove(List.of(chloe), ApplicationStatus.VIEWED);
            assertThat(board.messageProperty().get()).isEqualTo("Chloé Candidate : déplacé(e) vers Vues. Le candidat"
                    + " en sera informé dans 10 s, sauf si vous annulez (Ctrl+Z).");
            clock.advance(Duration.ofSeconds(3));
            board.undo();
            assertThat(board.messageProperty().get()).isEqualTo("Le déplacement a été annulé avant que le candidat"
                    + " en soit informé : rien n'a été envoyé.");

            co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.ENGLISH);
            board.requestMove(List.of(board.column(ApplicationStatus.APPLIED).cards().get(0)),
                    ApplicationStatus.VIEWED);
            clock.advance(Duration.ofSeconds(30));
            board.undo();
            assertThat(board.messageProperty().get())
                    .isEqualTo("The move was undone; the candidate is told of the restored status.");
        } finally {
            co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void theClientThatMovedDeliversByItselfOnceTheWindowHasPassed() throws Exception {
        TestDatabase.Db db = BoardFixture.create("undo_self_delivery", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        try (StatusNotificationDelivery delivery = new StatusNotificationDelivery(anne.unitOfWork(),
                Duration.ofSeconds(1))) {
            BoardService board = new BoardService(anne, delivery.undoWindow(), delivery::moved);
            move(board, card(board, ApplicationStatus.APPLIED, 101), ApplicationStatus.VIEWED);
            assertThat(rows(db, STATUS_MESSAGES_OF_101)).isEmpty();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (rows(db, STATUS_MESSAGES_OF_101).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(rows(db, STATUS_MESSAGES_OF_101)).hasSize(1);
        }
    }
}
