package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import co.intowork.recruiter.review.Scorecard;

import java.util.List;

/**
 * The conflict inbox on the laptop: what a push could not decide alone, and the person's three answers (keep
 * theirs, discard mine, re-apply mine as a new operation). Works on the copy only; no server needed.
 */
final class ConflictInbox {
    private final UnitOfWork replica;

    ConflictInbox(UnitOfWork replica) {
        this.replica = replica;
    }

    public List<Conflict> openConflicts() {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).openConflicts());
    }

    /** Keeps the server's version: the laptop shows it at once; mine is dropped. */
    public void keepTheirs(Conflict c) {
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            ApplicationState theirs = SyncJson.state(c.theirs(), c.applicationId(), c.jobId());
            if (theirs != null) {
                m.replicationMode();
                m.overwriteLocal(theirs, theirs.status().label());
            }
            m.resolveConflict(c.id(), "theirs");
            dropLetters(m, c);
        });
    }

    public void discard(Conflict c) {
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.resolveConflict(c.id(), "discarded");
            dropLetters(m, c);
        });
    }

    /**
     * A status change given up also gives up the messages written with it (a rejection letter to a candidate the
     * server has elsewhere); re-applying mine keeps them, to go after it (decision 0023).
     */
    private static void dropLetters(ReplicaMapper m, Conflict c) {
        if (c.kind() == OperationKind.MOVE || c.kind() == OperationKind.VIEWED) {
            m.discardPendingMessages(c.applicationId());
        }
    }

    /**
     * Re-applies mine on top of theirs: a new operation made against theirs, pushed at the next sync (its transition
     * and fields checked again then).
     */
    public Operation reapplyMine(Conflict c) {
        ApplicationState theirs = SyncJson.state(c.theirs(), c.applicationId(), c.jobId());
        if (theirs == null) {
            throw new UserFacingException(
                    Sentence.of("sync.conflict.gone"));
        }
        var mine = SyncJson.read(c.mine());
        ApplicationState base = SyncJson.state(c.base(), c.applicationId(), c.jobId());
        String mineJson = switch (c.kind()) {
            case SCORECARD -> SyncJson.object("scorecard", Merge.scorecards(Scorecard.parse(base.scorecard()),
                    Scorecard.parse(theirs.scorecard()), Scorecard.parse(SyncJson.text(mine, "scorecard")))
                    .mineWins().toJson());
            default -> c.mine();
        };
        Operation op = new Operation(java.util.UUID.randomUUID().toString(), c.kind(), c.applicationId(), c.jobId(),
                theirs.version(), theirs.status().label(), SyncJson.state(theirs), mineJson, null);
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.enqueue(op);
            if (c.kind() == OperationKind.MOVE || c.kind() == OperationKind.VIEWED) {
                m.movePendingMessagesLast(c.applicationId());
            }
            m.resolveConflict(c.id(), "mine");
        });
        return op;
    }
}
