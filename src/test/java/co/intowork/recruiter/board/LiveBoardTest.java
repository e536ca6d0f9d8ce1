package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.live.LiveEvent;
import co.intowork.recruiter.live.LiveFeed;
import co.intowork.recruiter.live.LiveMode;
import co.intowork.recruiter.live.LiveUpdates;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.SerialUiTasks;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live board (issue 20, decision 0021) with two real clients on one embedded server: Anne moves a card through
 * her BoardService, Albert's BoardViewModel follows through his own live feed (dedicated LISTEN connection, events
 * read as Albert), on a UI thread of its own as in the app.
 */
class LiveBoardTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestDatabase.Db db;
    private SerialUiTasks ui;
    private BoardService anne;
    private BoardViewModel albertBoard;
    private LiveFeed albertFeed;
    private final List<LiveEvent> heard = Collections.synchronizedList(new ArrayList<>());
    // the client pools opened here, closed after each test (the suite's server has a connection limit)
    private final List<SignedIn> signedIn = new ArrayList<>();

    @BeforeEach
    void twoClients() throws InterruptedException {
        db = BoardFixture.create("live_board", 12);
        ui = new SerialUiTasks();
        anne = new BoardService(track(BoardFixture.signIn(db, TwoCompanies.ANNE)));
        SignedIn albert = track(BoardFixture.signIn(db, "albert@alpha.example", ui));
        albertBoard = new BoardViewModel(new BoardService(albert), ui, new RecordingNavigator(), Clock.systemDefaultZone());
        LiveUpdates updates = new LiveUpdates(ui);
        updates.subscribe(albertBoard::applyLive);
        albertFeed = feed(albert, LiveMode.AUTO, updates);
        ui.onUi(() -> albertBoard.open(ALPHA_JOB));
        assertThat(ui.await(() -> albertBoard.column(ApplicationStatus.APPLIED).countProperty().get() > 0, WAIT)).isTrue();
    }

    private LiveFeed feed(SignedIn who, LiveMode mode, LiveUpdates updates) throws InterruptedException {
        var pool = who.unitOfWork().factory().getConfiguration().getEnvironment().getDataSource();
        LiveFeed feed = new LiveFeed(who.unitOfWork(), LiveFeed.directOpener(pool, null), mode, null, events -> {
            heard.addAll(events);
            updates.publish(events);
        });
        feed.start();
        assertThat(feed.awaitReady(WAIT)).isTrue();
        return feed;
    }

    private SignedIn track(SignedIn who) {
        signedIn.add(who);
        return who;
    }

    @AfterEach
    void close() {
        albertFeed.close();
        ui.close();
        signedIn.forEach(s -> ((com.zaxxer.hikari.HikariDataSource) s.unitOfWork().factory().getConfiguration()
                .getEnvironment().getDataSource()).close());
    }

    private BoardCard firstApplied() {
        return ui.read(() -> albertBoard.column(ApplicationStatus.APPLIED).cards().get(0));
    }

    private boolean shownIn(ApplicationStatus status, int applicationId) {
        return albertBoard.column(status).cards().stream().anyMatch(c -> c.applicationId() == applicationId);
    }

    @Test
    void aColleaguesMoveAppearsOnTheOtherBoardWithTheCountsAndWhoDidIt() {
        assertThat(albertFeed.state()).isEqualTo(LiveFeed.State.LISTENING);
        assertThat(albertFeed.selfTest().listenWorks()).isTrue();
        BoardCard card = firstApplied();
        long applied = ui.read(() -> albertBoard.column(ApplicationStatus.APPLIED).countProperty().get());
        long interview = ui.read(() -> albertBoard.column(ApplicationStatus.INTERVIEW).countProperty().get());

        anne.move(ALPHA_JOB, List.of(new BoardService.Move(card, ApplicationStatus.INTERVIEW)));

        assertThat(ui.await(() -> shownIn(ApplicationStatus.INTERVIEW, card.applicationId()), WAIT)).isTrue();
        assertThat(ui.read(() -> shownIn(ApplicationStatus.APPLIED, card.applicationId()))).isFalse();
        assertThat(ui.read(() -> albertBoard.column(ApplicationStatus.APPLIED).countProperty().get()))
                .isEqualTo(applied - 1);
        assertThat(ui.read(() -> albertBoard.column(ApplicationStatus.INTERVIEW).countProperty().get()))
                .isEqualTo(interview + 1);
        assertThat(ui.read(() -> albertBoard.liveLineProperty().get()))
                .isEqualTo("Anne Alpha moved " + card.candidateName() + " to Interview");
        // the moved card carries the new version: Albert can move it on without a conflict
        BoardCard moved = ui.read(() -> albertBoard.column(ApplicationStatus.INTERVIEW).cards().stream()
                .filter(c -> c.applicationId() == card.applicationId()).findFirst().orElseThrow());
        assertThat(moved.version()).isGreaterThan(card.version());
    }

    @Test
    void aPlatformStyleUpdateIsSeen() {
        BoardCard card = firstApplied();
        exec(db, "UPDATE public.job_applications SET status = 'shortlisted' WHERE id = " + card.applicationId());
        assertThat(ui.await(() -> shownIn(ApplicationStatus.SHORTLISTED, card.applicationId()), WAIT)).isTrue();
        assertThat(ui.read(() -> albertBoard.liveLineProperty().get()))
                .isEqualTo("The web platform moved " + card.candidateName() + " to Shortlisted");
    }

    @Test
    void anotherCompanysChangeIsNotHeard() {
        exec(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = 201");
        exec(db, "UPDATE public.job_applications SET rating = 5 WHERE job_id = 21");
        // then one of Alpha's, as a marker that everything before it has been read
        BoardCard card = firstApplied();
        exec(db, "UPDATE public.job_applications SET status = 'viewed' WHERE id = " + card.applicationId());
        assertThat(ui.await(() -> shownIn(ApplicationStatus.VIEWED, card.applicationId()), WAIT)).isTrue();
        assertThat(List.copyOf(heard)).isNotEmpty().allSatisfy(e -> assertThat(e.jobId()).isEqualTo(ALPHA_JOB));
    }

    @Test
    void aDroppedListenerConnectionCatchesUpWithWhatChangedMeanwhile() {
        int pid = albertFeed.listenerPid();
        assertThat(pid).isPositive();
        BoardCard card = firstApplied();
        exec(db, "SELECT pg_terminate_backend(" + pid + ")");
        // while the feed is away: nothing can wake it, the change must come from its cursor
        exec(db, "UPDATE public.job_applications SET status = 'rejected' WHERE id = " + card.applicationId());
        assertThat(ui.await(() -> shownIn(ApplicationStatus.REJECTED, card.applicationId()), WAIT)).isTrue();
        assertThat(albertFeed.listenerPid()).isNotEqualTo(pid);
        assertThat(heard).filteredOn(e -> e.concernsApplication(card.applicationId())).hasSize(1);
    }

    @Test
    void pollingSeesChangesTooAndAHeldGapIsNotSkipped() throws Exception {
        pollInstead();
        assertThat(albertFeed.state()).isEqualTo(LiveFeed.State.POLLING);
        BoardCard card = firstApplied();
        // an earlier transaction takes the smaller event id and commits after a later one: the later one must not
        // carry the cursor past the earlier one. The earlier one is a notification to Albert: two changes to one
        // company's applications would wait for each other (its statistics rollups, V32).
        try (var slow = db.superuser().getConnection(); var s = slow.createStatement()) {
            slow.setAutoCommit(false);
            s.execute("INSERT INTO public.notifications (user_id, type, title, message, is_read) "
                    + "VALUES (2, 'NEW_APPLICATION', 'n', 'slow', false)");
            exec(db, "UPDATE public.job_applications SET status = 'viewed' WHERE id = " + card.applicationId());
            assertThat(ui.await(() -> shownIn(ApplicationStatus.VIEWED, card.applicationId()), WAIT)).isTrue();
            Thread.sleep(1_500);
            assertThat(List.copyOf(heard)).noneMatch(LiveEvent::isNotification);
            slow.commit();
        }
        awaitANotification();
        assertThat(List.copyOf(heard)).filteredOn(LiveEvent::isNotification).hasSize(1);
        // the event after the gap was handed on once, not again each time the gap was read past
        assertThat(List.copyOf(heard)).filteredOn(e -> e.concernsApplication(card.applicationId())).hasSize(1);
    }

    /**
     * Decision 0021's old limit: a writer whose xid is older (it got it in an earlier statement) writes its event
     * after a younger transaction took a smaller event id, and commits first. Its event's xid bound is below the
     * younger one's xid, so the gap looked settled and the cursor passed it; the younger one's event was then never
     * read. V64 holds a gap a few seconds whatever the xids.
     */
    @Test
    void aYoungerTransactionsSmallerEventIsNotPassedWhenAnOlderOneCommitsFirst() throws Exception {
        pollInstead();
        BoardCard card = firstApplied();
        try (var older = db.superuser().getConnection(); var o = older.createStatement();
             var younger = db.superuser().getConnection(); var y = younger.createStatement()) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            o.execute("SELECT pg_current_xact_id()");
            y.execute("INSERT INTO public.notifications (user_id, type, title, message, is_read) "
                    + "VALUES (2, 'NEW_APPLICATION', 'n', 'younger', false)");
            o.execute("UPDATE public.job_applications SET status = 'viewed' WHERE id = " + card.applicationId());
            older.commit();
            assertThat(ui.await(() -> shownIn(ApplicationStatus.VIEWED, card.applicationId()), WAIT)).isTrue();
            Thread.sleep(600);
            younger.commit();
        }
        awaitANotification();
        assertThat(List.copyOf(heard)).filteredOn(LiveEvent::isNotification).hasSize(1);
        assertThat(List.copyOf(heard)).filteredOn(e -> e.concernsApplication(card.applicationId())).hasSize(1);
    }

    /** Albert's feed reads by polling from now on. */
    private void pollInstead() throws InterruptedException {
        albertFeed.close();
        LiveUpdates updates = new LiveUpdates(ui);
        updates.subscribe(albertBoard::applyLive);
        SignedIn albert = track(BoardFixture.signIn(db, "albert@alpha.example", ui));
        albertFeed = feed(albert, LiveMode.POLL, updates);
    }

    private void awaitANotification() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && List.copyOf(heard).stream().noneMatch(LiveEvent::isNotification)) {
            Thread.sleep(50);
        }
    }
}
