package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static co.intowork.recruiter.board.ApplicationStatus.ACCEPTED;
import static co.intowork.recruiter.board.ApplicationStatus.APPLIED;
import static co.intowork.recruiter.board.ApplicationStatus.INTERVIEW;
import static co.intowork.recruiter.board.ApplicationStatus.REJECTED;
import static co.intowork.recruiter.board.ApplicationStatus.SHORTLISTED;
import static co.intowork.recruiter.board.ApplicationStatus.VIEWED;
import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** The board's ViewModel without the FX toolkit: work runs on the calling thread against real PostgreSQL. */
class BoardViewModelTest {
    private TestDatabase.Db db;
    private BoardViewModel board;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void openBoard() {
        db = BoardFixture.create("board_vm", 130);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        board = new BoardViewModel(new BoardService(anne), new ImmediateTaskRunner(), navigator,
                Clock.systemDefaultZone());
        board.open(ALPHA_JOB);
    }

    private long count(ApplicationStatus s) {
        return board.column(s).countProperty().get();
    }

    private BoardCard first(ApplicationStatus s) {
        return board.column(s).cards().get(0);
    }

    @Test
    void opensWithCountsAndTheFirstPageOfEachColumn() {
        assertThat(board.jobProperty().get().title()).isEqualTo("Alpha engineer");
        assertThat(board.jobSubtitleProperty().get()).isEqualTo("Published · 131 applications");
        // 130 extra in turn (g % 6) plus Chloé's applied one
        assertThat(count(APPLIED)).isEqualTo(22);
        assertThat(count(VIEWED)).isEqualTo(22);
        assertThat(board.column(APPLIED).titleProperty().get()).isEqualTo("Applied (22)");
        assertThat(board.column(VIEWED).cards()).hasSize(22);
        assertThat(board.column(VIEWED).exhaustedProperty().get()).isTrue();
        assertThat(first(VIEWED).candidateName()).isEqualTo("Cand1 Test");
        assertThat(board.daysText(first(VIEWED))).isEqualTo("today");
        assertThat(BoardViewModel.ratingText(first(VIEWED))).isEqualTo("★ 2");

        board.openReview(first(VIEWED));
        assertThat(navigator.requests()).containsExactly("review " + first(VIEWED).applicationId());
    }

    @Test
    void aColumnLoadsPageByPage() {
        exec(db, "INSERT INTO public.users (id, email, role, first_name, last_name, is_active) SELECT 5000 + g,"
                + " 'more' || g || '@example.com', 'CANDIDATE', 'More' || g, 'Test', true FROM generate_series(1, 120) g");
        exec(db, "INSERT INTO public.candidates (id, user_id) SELECT 5000 + g, 5000 + g FROM generate_series(1, 120) g");
        exec(db, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at) SELECT 11, 5000 + g,"
                + " 'interview', now() - interval '30 days' - g * interval '1 minute' FROM generate_series(1, 120) g");
        board.open(ALPHA_JOB);
        BoardColumn interview = board.column(INTERVIEW);
        assertThat(interview.countProperty().get()).isEqualTo(142);
        assertThat(interview.cards()).hasSize(BoardService.PAGE_SIZE);
        board.loadMore(INTERVIEW);
        board.loadMore(INTERVIEW);
        assertThat(interview.cards()).hasSize(142);
        assertThat(interview.exhaustedProperty().get()).isTrue();
        assertThat(interview.cards()).isSortedAccordingTo(BoardCard::newestFirst);
    }

    @Test
    void aSingleMoveUpdatesCountsAndCanBeUndone() {
        BoardCard card = first(APPLIED);
        board.requestMove(List.of(card), SHORTLISTED);

        assertThat(board.errorProperty().get()).isEmpty();
        assertThat(board.messageProperty().get()).isEqualTo(card.candidateName()
                + " moved to Shortlisted. The candidate is told in 10 s unless you undo it (Ctrl+Z).");
        assertThat(count(APPLIED)).isEqualTo(21);
        assertThat(count(SHORTLISTED)).isEqualTo(23);
        assertThat(board.column(APPLIED).indexOf(card.applicationId())).isNegative();
        assertThat(board.column(SHORTLISTED).indexOf(card.applicationId())).isNotNegative();
        assertThat(board.canUndoProperty().get()).isTrue();

        board.undo();
        assertThat(board.messageProperty().get())
                .isEqualTo("The move was undone before the candidate was told: nothing was sent.");
        assertThat(count(APPLIED)).isEqualTo(22);
        assertThat(board.column(APPLIED).indexOf(card.applicationId())).isZero();
        assertThat(board.canUndoProperty().get()).isFalse();
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("applied");
        // the undo is a status change like any other, recorded; within the undo window the candidate is never told
        assertThat(rows(db, "SELECT from_status || '>' || to_status FROM recruiter.application_status_events"
                + " WHERE application_id = ? AND source = 'client' ORDER BY id", card.applicationId()))
                .containsExactly("applied>shortlisted", "shortlisted>applied");
        BoardFixture.windowsPassAndDeliver(db);
        assertThat(rows(db, "SELECT title FROM public.notifications WHERE related_application_id = ? ORDER BY id",
                card.applicationId())).isEmpty();
    }

    /** Issue 21: moving one card to Interview offers its scheduling; several cards, or no planner, do not. */
    @Test
    void aMoveToInterviewOffersToScheduleIt() {
        BoardCard card = first(SHORTLISTED);
        board.requestMove(List.of(card), INTERVIEW);
        assertThat(board.interviewOfferProperty().get()).as("no planner, nothing offered").isNull();

        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        var service = new co.intowork.recruiter.interviews.InterviewService(anne);
        board.offerInterviews(new co.intowork.recruiter.interviews.InterviewPlanner(service, service));
        BoardCard next = first(SHORTLISTED);
        board.requestMove(List.of(next), INTERVIEW);
        assertThat(board.interviewOfferProperty().get().applicationId()).isEqualTo(next.applicationId());
        var dialog = board.scheduleOfferedInterview();
        assertThat(dialog).isNotNull();
        assertThat(dialog.isChange()).isFalse();
        assertThat(board.interviewOfferProperty().get()).as("the offer is taken").isNull();

        board.requestMove(List.of(first(SHORTLISTED), board.column(SHORTLISTED).cards().get(1)), INTERVIEW);
        assertThat(board.interviewOfferProperty().get()).as("a bulk move offers nothing").isNull();
        board.interviewScheduled(0);
        assertThat(board.messageProperty().get()).isEqualTo("Interview kept in the outbox; it is sent at the next sync.");
    }

    @Test
    void aRefusedMoveSaysWhyAndChangesNothing() {
        BoardCard card = first(APPLIED);
        board.requestMove(List.of(card), ACCEPTED);
        assertThat(board.errorProperty().get())
                .isEqualTo(card.candidateName() + " was not moved: shortlist or interview a candidate before accepting them.");
        assertThat(count(APPLIED)).isEqualTo(22);
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("applied");
    }

    @Test
    void aBulkMoveIsPreviewedThenDoneInOneGoAndUndoneInOneGo() {
        List<BoardCard> selected = List.of(first(APPLIED), first(VIEWED), first(SHORTLISTED), first(REJECTED));
        board.requestMove(selected, INTERVIEW);

        BoardViewModel.BulkPreview preview = board.previewProperty().get();
        assertThat(preview.movable()).hasSize(3);
        assertThat(preview.refused()).containsOnlyKeys(first(REJECTED));
        assertThat(preview.summary()).startsWith("3 applications will move to Interview, and each candidate will be notified. 1 will not move:")
                .contains(first(REJECTED).candidateName() + ": Rejected is a final decision");
        assertThat(count(INTERVIEW)).isEqualTo(22); // nothing yet

        board.confirmPreview();
        assertThat(board.previewProperty().get()).isNull();
        assertThat(board.messageProperty().get()).startsWith("3 applications moved to Interview");
        assertThat(count(INTERVIEW)).isEqualTo(25);
        assertThat(count(REJECTED)).isEqualTo(21);

        board.undo();
        assertThat(count(INTERVIEW)).isEqualTo(22);
        assertThat(count(APPLIED)).isEqualTo(22);
        assertThat(count(VIEWED)).isEqualTo(22);
        assertThat(board.messageProperty().get()).startsWith("3 applications were moved back");
    }

    @Test
    void aCancelledPreviewMovesNothing() {
        board.requestReject(List.of(first(APPLIED), first(VIEWED)));
        assertThat(board.previewProperty().get().summary()).startsWith("2 applications will move to Rejected");
        board.cancelPreview();
        assertThat(board.previewProperty().get()).isNull();
        assertThat(count(REJECTED)).isEqualTo(21);
    }

    @Test
    void aConflictRefreshesTheCardAndSaysWhoChangedItAndNothingMoves() {
        BoardCard stale = first(APPLIED);
        BoardCard other = first(VIEWED);
        BoardService albert = new BoardService(BoardFixture.signIn(db, "albert@alpha.example"));
        albert.move(ALPHA_JOB, List.of(new BoardService.Move(stale, INTERVIEW)));

        board.requestMove(List.of(stale, other), REJECTED);
        board.confirmPreview();

        assertThat(board.errorProperty().get())
                .startsWith("Nothing was moved: someone else changed these applications meanwhile.")
                .contains("• " + stale.candidateName() + " is now in Interview (last status change by Albert Alpha, ");
        assertThat(board.column(APPLIED).indexOf(stale.applicationId())).isNegative();
        assertThat(board.column(INTERVIEW).cards()).extracting(BoardCard::applicationId).contains(stale.applicationId());
        assertThat(count(APPLIED)).isEqualTo(21);
        assertThat(count(INTERVIEW)).isEqualTo(23);
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", other.applicationId()))
                .containsExactly("viewed");
        assertThat(board.canUndoProperty().get()).isFalse();

        // the refreshed card carries the new version: moving it again works
        BoardCard refreshed = board.column(INTERVIEW).cards().stream()
                .filter(c -> c.applicationId() == stale.applicationId()).findFirst().orElseThrow();
        board.requestMove(List.of(refreshed), REJECTED);
        assertThat(board.errorProperty().get()).isEmpty();
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", stale.applicationId()))
                .containsExactly("rejected");
    }

    @Test
    void anUndoAfterSomeoneElseMovedTheCardIsRefused() {
        BoardCard card = first(VIEWED);
        board.requestMove(List.of(card), SHORTLISTED);
        exec(db, "UPDATE public.job_applications SET rating = 5 WHERE id = " + card.applicationId());
        board.undo();
        assertThat(board.errorProperty().get()).startsWith("The undo was refused");
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = ?", card.applicationId()))
                .containsExactly("shortlisted");
        assertThat(board.canUndoProperty().get()).isFalse();
    }

    @Test
    void aFailedMoveIsExplainedAndTheBoardStaysAsItWas() {
        BoardCard card = first(APPLIED);
        exec(db, "REVOKE UPDATE ON public.job_applications FROM recruiter_app");
        try {
            board.requestMove(List.of(card), VIEWED);
        } finally {
            exec(db, "GRANT UPDATE (status, viewed_at) ON public.job_applications TO recruiter_app");
        }
        assertThat(board.errorProperty().get()).startsWith("Nothing was moved: You are not allowed to do this.");
        assertThat(board.column(APPLIED).indexOf(card.applicationId())).isZero();
        assertThat(board.busyProperty().get()).isFalse();
    }

    @Test
    void withoutAJobTheBoardPointsToThePipeline() {
        board.open(12345);
        assertThat(board.jobProperty().get()).isNull();
        assertThat(board.errorProperty().get()).contains("does not exist any more or you may not see it");
        board.showPipeline();
        assertThat(navigator.requests()).containsExactly("pipeline");
        board.loadJobChoices();
        assertThat(board.jobChoices()).extracting(JobChoice::id).containsExactlyInAnyOrder(11, 12);
        // two jobs with one title are told apart in the picker by number, place and creation day
        assertThat(board.jobChoices()).allSatisfy(c -> {
            assertThat(c.createdAt()).isNotNull();
            assertThat(c.toString()).contains("#" + c.id())
                    .contains(co.intowork.recruiter.common.ui.Formats.date(c.createdAt()));
        });
        // fewer jobs than the chooser holds: they are all of them, narrowed here as one types (accents ignored)
        board.jobSearchProperty().set("ACCOUNTÀNT");
        assertThat(board.jobChoices()).extracting(JobChoice::id).containsExactly(12);
        board.jobSearchProperty().set("nothing like it");
        assertThat(board.jobChoices()).isEmpty();
        board.jobSearchProperty().set(" ");
        assertThat(board.jobChoices()).extracting(JobChoice::id).containsExactlyInAnyOrder(11, 12);
    }

    @Test
    void withMoreJobsThanTheChooserHoldsTypingSearchesThemAll() {
        // 150 newer jobs push the two fixture jobs (posted a year ago) out of the newest 100
        exec(db, "UPDATE public.jobs SET posted_at = now() - interval '1 year' WHERE id IN (11, 12)");
        exec(db, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type, status,"
                + " posted_at) SELECT 1, 1, 'Pump technician ' || g, 'd', 'full_time', 'on_site', 'published',"
                + " now() - g * interval '1 minute' FROM generate_series(1, 150) g");
        board.loadJobChoices();
        assertThat(board.jobChoices()).hasSize(BoardService.JOB_CHOICES)
                .extracting(JobChoice::id).doesNotContain(11, 12);
        board.jobSearchProperty().set("accountant");
        assertThat(board.jobChoices()).extracting(JobChoice::id).containsExactly(12);
        board.jobSearchProperty().set("technician");
        assertThat(board.jobChoices()).hasSize(BoardService.JOB_CHOICES)
                .allSatisfy(c -> assertThat(c.title()).startsWith("Pump technician"));
        board.jobSearchProperty().set("");
        assertThat(board.jobChoices()).hasSize(BoardService.JOB_CHOICES);
    }
}
