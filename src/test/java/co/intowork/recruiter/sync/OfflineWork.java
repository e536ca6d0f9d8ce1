package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.review.Scorecard;

import java.util.List;

/**
 * What a person does on the copy, one application at a time, through exactly the writers the workspace gives the
 * board and the review when working offline ({@link OfflineOperations} as BoardService.Mover and
 * ReviewService.AssessmentSaver), each against the application as the copy holds it now.
 */
final class OfflineWork {
    private final UnitOfWork replica;
    private final OfflineOperations operations;

    OfflineWork(UnitOfWork replica) {
        this.replica = replica;
        this.operations = new OfflineOperations(replica);
    }

    void move(int applicationId, ApplicationStatus to) {
        ApplicationState now = state(applicationId);
        BoardCard card = new BoardCard(applicationId, now.version(), now.status(), null, null, null, null,
                now.rating());
        operations.move(now.jobId(), List.of(new BoardService.Move(card, to)));
    }

    /** As the review does on opening an applied application. */
    void markViewed(int applicationId) {
        if (state(applicationId).status() == ApplicationStatus.APPLIED) {
            move(applicationId, ApplicationStatus.VIEWED);
        }
    }

    void note(int applicationId, String notes) {
        ApplicationState now = state(applicationId);
        operations.save(applicationId, now.version(), notes, now.rating(), Scorecard.parse(now.scorecard()));
    }

    void rate(int applicationId, Integer rating) {
        ApplicationState now = state(applicationId);
        operations.save(applicationId, now.version(), now.notes(), rating, Scorecard.parse(now.scorecard()));
    }

    void scorecard(int applicationId, Scorecard scorecard) {
        ApplicationState now = state(applicationId);
        operations.save(applicationId, now.version(), now.notes(), now.rating(), scorecard);
    }

    /** As the scheduling dialog does offline (issue 21): the interview waits in the outbox. */
    int interview(co.intowork.recruiter.interviews.InterviewRequest request) {
        return operations.schedule(request);
    }

    private ApplicationState state(int applicationId) {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).localState(applicationId));
    }

    /** A tag added (or removed) on the copy, as the review does offline. */
    co.intowork.recruiter.review.ReviewService.TagChange tag(int applicationId, String tag, boolean add) {
        return operations.change(applicationId, tag, add);
    }
}
