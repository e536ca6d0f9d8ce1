package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.CardState;
import co.intowork.recruiter.board.MoveConflictException;
import co.intowork.recruiter.board.Versioned;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import co.intowork.recruiter.interviews.InterviewRequest;
import co.intowork.recruiter.interviews.InterviewScheduler;
import co.intowork.recruiter.messages.MessageQueue;
import co.intowork.recruiter.messages.OutgoingMessage;
import co.intowork.recruiter.review.ReviewConflictException;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import org.apache.ibatis.session.SqlSession;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Review work done while offline. Each operation changes the replica with the same statements as online (the
 * board's versioned move, the review's versioned save) and records itself in the outbox in the SAME replica
 * transaction, so a change the user sees is never missing from the outbox and vice versa.
 */
public final class OfflineOperations implements BoardService.Mover, ReviewService.AssessmentSaver,
        ReviewService.TagWriter, InterviewScheduler, MessageQueue {
    private final UnitOfWork replica;

    public OfflineOperations(UnitOfWork replica) {
        this.replica = replica;
    }

    /**
     * The board's moves while offline, all or nothing like online: each card must still be at the version it was
     * read at in the copy. Transition rules are the caller's, as online. A move straight back to where a card's
     * last unsent move took it from cancels that move instead (an undo, or a correction of a wrong drag), so the
     * candidate is never told of a decision that was taken back before it left this computer.
     */
    @Override
    public List<BoardCard> move(int jobId, List<BoardService.Move> moves,
                                BiConsumer<SqlSession, List<Integer>> alsoInTransaction) {
        Set<Integer> stale = new LinkedHashSet<>();
        try {
            return replica.inTransaction(s -> {
                ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
                List<BoardCard> moved = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                for (BoardService.Move m : moves) {
                    BoardCard card = m.card();
                    if (!seen.add(card.applicationId())) {
                        continue;
                    }
                    ApplicationState state = mapper.localState(card.applicationId());
                    if (state == null || state.jobId() != jobId || state.version() != card.version()) {
                        stale.add(card.applicationId());
                        continue;
                    }
                    Operation last = mapper.lastPending(card.applicationId());
                    Versioned v = moveLocally(s, state, m.to());
                    boolean undoesLast = last != null
                            && (last.kind() == OperationKind.MOVE || last.kind() == OperationKind.VIEWED)
                            && Objects.equals(last.localVersion(), state.version())
                            && last.baseStatus().equals(m.to().label());
                    if (undoesLast) {
                        mapper.finish(last.operationId(), "discarded", null);
                        mapper.discardPendingMessages(card.applicationId());
                    } else {
                        mapper.enqueue(operation(state, m.to() == ApplicationStatus.VIEWED
                                        && state.status() == ApplicationStatus.APPLIED ? OperationKind.VIEWED
                                        : OperationKind.MOVE, SyncJson.object("status", m.to().label()), v.version()));
                    }
                    moved.add(card.movedTo(m.to(), v.version(), v.changedAt()));
                }
                if (!stale.isEmpty()) {
                    throw new StaleCards();
                }
                if (alsoInTransaction != null) {
                    alsoInTransaction.accept(s, moved.stream().map(BoardCard::applicationId).toList());
                }
                return moved;
            });
        } catch (StaleCards e) {
            List<CardState> now = replica.inTransaction(
                    s -> s.getMapper(BoardMapper.class).states(jobId, stale.toArray(Integer[]::new)));
            Set<Integer> gone = new LinkedHashSet<>(stale);
            now.forEach(state -> gone.remove(state.card().applicationId()));
            throw new MoveConflictException(now, gone);
        }
    }

    /** Notes, rating and scorecard from the review while offline: one outbox entry per field that changed. */
    @Override
    public int save(int applicationId, int version, String notes, Integer rating, Scorecard scorecard) {
        return replica.inTransaction(s -> {
            ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
            ApplicationState state = mapper.localState(applicationId);
            if (state == null || state.version() != version) {
                throw new ReviewConflictException();
            }
            int saved = save(s, state, notes, rating, scorecard.toJson());
            if (saved == state.version()) {
                return saved;
            }
            if (!Objects.equals(notes, state.notes())) {
                mapper.enqueue(operation(state, OperationKind.NOTE, SyncJson.object("notes", notes), saved));
            }
            if (!Objects.equals(rating, state.rating())) {
                mapper.enqueue(operation(state, OperationKind.RATE, SyncJson.object("rating", rating), saved));
            }
            if (!Objects.equals(scorecard, Scorecard.parse(state.scorecard()))) {
                mapper.enqueue(operation(state, OperationKind.SCORECARD,
                        SyncJson.object("scorecard", scorecard.toJson()), saved));
            }
            return saved;
        });
    }

    /**
     * A tag added or removed while offline: the same set operation on the copy, and one outbox entry, which the
     * push applies to the server's list as it is then (so tags added meanwhile on the web are kept).
     */
    @Override
    public ReviewService.TagChange change(int applicationId, String tag, boolean add) {
        return replica.inTransaction(s -> {
            ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
            ApplicationState state = mapper.localState(applicationId);
            if (state == null) {
                throw new UserFacingException(co.intowork.recruiter.common.text.Sentence.of("review.notFound",
                        applicationId));
            }
            ReviewService.TagChange changed = ReviewService.changeTag(s, applicationId, tag, add);
            if (changed.version() != state.version()) {
                mapper.enqueue(operation(state, OperationKind.TAGS, SyncJson.object("tag", tag, "add", add),
                        changed.version()));
            }
            return changed;
        });
    }

    /**
     * A new interview while offline: kept in the outbox (nothing changes in the copy), scheduled on the server by
     * the next push with the server's checks. 0: it has no id yet.
     */
    @Override
    public int schedule(InterviewRequest request) {
        return replica.inTransaction(s -> {
            ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
            ApplicationState state = mapper.localState(request.applicationId());
            if (state == null) {
                throw new UserFacingException(Sentence.of("interview.error.applicationGone"));
            }
            mapper.enqueue(operation(state, OperationKind.INTERVIEW, request.toJson(), state.version()));
            return 0;
        });
    }

    /**
     * A message composed offline waits in the outbox under its own id (the idempotency key): the push queues it on
     * the server as it is, after the moves queued before it (a rejection's message after the rejection).
     */
    @Override
    public void enqueue(SqlSession s, int senderUserId, int companyId, OutgoingMessage m) {
        ReplicaMapper mapper = s.getMapper(ReplicaMapper.class);
        ApplicationState state = mapper.localState(m.applicationId());
        if (state == null) {
            throw new UserFacingException(Sentence.of("messages.error.applicationGone"));
        }
        mapper.enqueue(new Operation(m.id(), OperationKind.MESSAGE, state.applicationId(), state.jobId(),
                state.version(), state.status().label(), SyncJson.state(state), SyncJson.object(
                        "template_id", m.templateId(), "template_type", m.templateType(), "reason", m.reason(),
                        "subject", m.subject(), "body", m.body(), "channel", m.channel()), null));
    }

    /** The message an outbox entry of kind MESSAGE holds, under the entry's id. */
    static OutgoingMessage message(Operation op) {
        var n = SyncJson.read(op.mine());
        return new OutgoingMessage(op.operationId(), op.applicationId(), op.jobId(),
                n.path("template_id").isNumber() ? n.path("template_id").asInt() : null,
                SyncJson.text(n, "template_type"), SyncJson.text(n, "reason"), SyncJson.text(n, "subject"),
                SyncJson.text(n, "body"), SyncJson.text(n, "channel"), 0);
    }

    private static Operation operation(ApplicationState state, OperationKind kind, String mine, int newVersion) {
        return new Operation(UUID.randomUUID().toString(), kind, state.applicationId(), state.jobId(),
                state.version(), state.status().label(), SyncJson.state(state), mine, newVersion);
    }

    /** Rolls the offline move back as a whole. */
    private static final class StaleCards extends UserFacingException {
        StaleCards() {
            super("Stale cards");
        }
    }

    private static Versioned moveLocally(SqlSession s, ApplicationState state, ApplicationStatus to) {
        s.getMapper(ReplicaMapper.class).reserveLocalEventIds(SyncService.LOCAL_EVENT_BASE);
        List<Versioned> moved = s.getMapper(BoardMapper.class).move(state.jobId(),
                new Integer[]{state.applicationId()}, new Integer[]{state.version()}, to.label(),
                // the candidate hears of it from the server, when the push replays it there (with its own window)
                0);
        if (moved.isEmpty()) {
            throw new IllegalStateException("Locked row " + state.applicationId() + " did not move");
        }
        return moved.get(0);
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
