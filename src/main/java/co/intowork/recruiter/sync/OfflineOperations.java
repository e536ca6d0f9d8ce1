package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.board.StatusTransitions;
import co.intowork.recruiter.board.Versioned;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.review.Scorecard;
import org.apache.ibatis.session.SqlSession;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Review work done while offline. Each operation changes the replica with the same statements as online (the
 * board's versioned move, the review's versioned save) and records itself in the outbox in the SAME replica
 * transaction, so a change the user sees is never missing from the outbox and vice versa.
 */
public final class OfflineOperations {
    private final UnitOfWork replica;

    public OfflineOperations(UnitOfWork replica) {
        this.replica = replica;
    }

    public Operation move(int applicationId, ApplicationStatus to) {
        return record(applicationId, OperationKind.MOVE, (s, state) -> {
            StatusTransitions.refusal(state.status(), to).ifPresent(why -> {
                throw new UserFacingException(why);
            });
            return new Change(move(s, state, to), SyncJson.object("status", to.label()));
        });
    }

    /** Opening an applied application marks it viewed, as online; nothing is recorded for any other status. */
    public Operation markViewed(int applicationId) {
        return record(applicationId, OperationKind.VIEWED, (s, state) -> state.status() != ApplicationStatus.APPLIED
                ? null : new Change(move(s, state, ApplicationStatus.VIEWED), SyncJson.object("status", "viewed")));
    }

    public Operation note(int applicationId, String notes) {
        return record(applicationId, OperationKind.NOTE, (s, state) -> new Change(
                save(s, state, notes, state.rating(), state.scorecard()), SyncJson.object("notes", notes)));
    }

    public Operation rate(int applicationId, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new UserFacingException(Messages.text("sync.badRating"));
        }
        return record(applicationId, OperationKind.RATE, (s, state) -> new Change(
                save(s, state, state.notes(), rating, state.scorecard()), SyncJson.object("rating", rating)));
    }

    public Operation scorecard(int applicationId, Scorecard scorecard) {
        return record(applicationId, OperationKind.SCORECARD, (s, state) -> new Change(
                save(s, state, state.notes(), state.rating(), scorecard.toJson()),
                SyncJson.object("scorecard", scorecard.toJson())));
    }

    private record Change(int newVersion, String mine) {
    }

    @FunctionalInterface
    private interface Apply {
        Change apply(SqlSession session, ApplicationState state);
    }

    /** Null when there was nothing to do (the change would not change anything). */
    private Operation record(int applicationId, OperationKind kind, Apply apply) {
        return replica.inTransaction(s -> {
            ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
            ApplicationState state = mapper.localState(applicationId);
            if (state == null) {
                throw new UserFacingException(Messages.format("review.notFound", applicationId));
            }
            Change change = apply.apply(s, state);
            if (change == null) {
                return null;
            }
            Operation op = new Operation(UUID.randomUUID().toString(), kind, applicationId, state.jobId(),
                    state.version(), state.status().label(), SyncJson.state(state), change.mine(), change.newVersion());
            mapper.enqueue(op);
            return op;
        });
    }

    private static int move(SqlSession s, ApplicationState state, ApplicationStatus to) {
        s.getMapper(ReplicaMapper.class).reserveLocalEventIds(SyncService.LOCAL_EVENT_BASE);
        List<Versioned> moved = s.getMapper(BoardMapper.class).move(state.jobId(),
                new Integer[]{state.applicationId()}, new Integer[]{state.version()}, to.label());
        if (moved.isEmpty()) {
            throw new IllegalStateException("Locked row " + state.applicationId() + " did not move");
        }
        return moved.get(0).version();
    }

    private static int save(SqlSession s, ApplicationState state, String notes, Integer rating, String scorecard) {
        if (Objects.equals(notes, state.notes()) && Objects.equals(rating, state.rating())
                && Objects.equals(Scorecard.parse(scorecard), Scorecard.parse(state.scorecard()))) {
            return state.version();
        }
        Integer saved = s.getMapper(ReviewMapper.class).saveAssessment(state.applicationId(), state.version(), notes,
                rating, Scorecard.parse(scorecard).toJson());
        if (saved == null) {
            throw new IllegalStateException("Locked row " + state.applicationId() + " was not saved");
        }
        return saved;
    }
}
