package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.MoveConflictException;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.text.Sentence;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.interviews.InterviewRequest;
import co.intowork.recruiter.interviews.InterviewService;
import co.intowork.recruiter.messages.OutgoingMessage;
import co.intowork.recruiter.messages.ServerMessageQueue;
import co.intowork.recruiter.review.ReviewConflictException;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Laptop to server: replays the outbox in order through the online services (row-level security, the same checks
 * as online), each operation in its own server transaction that also records the operation id, so a resend is
 * recognised. {@link ConflictPolicy} decides what each operation becomes; this class only carries it out.
 */
final class SyncPush {
    private static final Logger log = LoggerFactory.getLogger(SyncPush.class);

    private final SignedIn server;
    private final UnitOfWork replica;
    private final SyncService.FailureHook hook;
    private final AtomicReference<Operation> armed = new AtomicReference<>();
    private final BoardService board;
    private final ReviewService review;
    private final InterviewService interviews;

    SyncPush(SignedIn server, UnitOfWork replica, SyncService.FailureHook hook) {
        this.server = server;
        this.replica = replica;
        this.hook = hook;
        // The replay runs the online services unchanged on a unit of work whose first transaction after arming
        // also records the operation id: recorded if and only if the operation's own writes commit.
        UnitOfWork online = server.unitOfWork();
        UnitOfWork replay = new UnitOfWork(online.factory(), () -> false);
        UnitOfWork.TransactionPreamble session = online.preamble();
        replay.setPreamble(s -> {
            session.apply(s);
            Operation op = armed.getAndSet(null);
            if (op != null) {
                s.getMapper(SliceMapper.class).recordOperation(op.operationId(), op.applicationId(), op.kind().name());
            }
        });
        SignedIn replaying = new SignedIn(server.user(), replay, server.tasks());
        this.board = new BoardService(replaying);
        this.review = new ReviewService(replaying);
        this.interviews = new InterviewService(replaying);
    }

    private enum Result { DONE, CONFLICT, MERGED, RETRY }

    private record Outcome(Result result, Integer version, String reason, ApplicationState theirs) {
        static Outcome done(Integer version) {
            return new Outcome(Result.DONE, version, null, null);
        }

        static Outcome conflict(String reason, ApplicationState theirs) {
            return new Outcome(Result.CONFLICT, null, reason, theirs);
        }
    }

    private static boolean isStatusChange(OperationKind kind) {
        return kind == OperationKind.MOVE || kind == OperationKind.VIEWED;
    }

    SyncService.PushReport push() {
        List<Operation> pending = replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).pending());
        int applied = 0;
        int already = 0;
        int conflicts = 0;
        int merged = 0;
        List<SyncService.Failure> failed = new ArrayList<>();
        Set<Integer> blocked = new HashSet<>();
        // applications whose status change met a conflict in this push: a message written with it waits for the
        // person to settle the conflict (it may be a rejection letter for a candidate someone else shortlisted)
        Set<Integer> statusConflicts = new HashSet<>();
        int heldBack = 0;
        for (int i = 0; i < pending.size(); i++) {
            Operation op = pending.get(i);
            if (blocked.contains(op.applicationId())) {
                // an earlier operation on this application did not go: this one would overtake it
                heldBack++;
                continue;
            }
            if (op.kind() == OperationKind.MESSAGE && statusConflicts.contains(op.applicationId())) {
                heldBack++;
                continue;
            }
            hook.at("push:before-server");
            Outcome outcome;
            boolean replayed = false;
            try {
                // each operation is its own server transaction (the services open it): one that fails leaves the
                // ones already committed, and the next ones, alone
                Integer done = op.kind() == OperationKind.MESSAGE ? null : appliedVersion(op);
                if (done != null) {
                    already++;
                    outcome = Outcome.done(done < 0 ? null : done);
                } else {
                    outcome = op.kind() == OperationKind.MESSAGE ? queueMessage(op) : replay(op);
                    replayed = true;
                }
            } catch (RuntimeException e) {
                if (SqlErrors.isUnreachable(e) || SqlErrors.isSessionEnded(e)) {
                    SyncService.PushReport sofar = new SyncService.PushReport(applied, already, conflicts, merged, List.copyOf(failed),
                            heldBack + pending.size() - i);
                    log.warn("Push stopped at operation {} of {}: {}", i + 1, pending.size(), e.getMessage());
                    throw new SyncService.PushInterrupted(Sentence.of("sync.push.interrupted", applied + merged + already,
                            pending.size(), SqlErrors.sentence(e), sofar.unsent()), sofar, e);
                }
                Sentence reason = failureReason(e);
                log.warn("Operation {} ({} of application {}) not sent: {}", op.operationId(), op.kind(),
                        op.applicationId(), reason, e);
                failed.add(new SyncService.Failure(op.operationId(), op.kind(), op.applicationId(), reason));
                blocked.add(op.applicationId());
                continue;
            }
            if (replayed) {
                hook.at("push:after-server-commit");
                switch (outcome.result()) {
                    case CONFLICT -> {
                        conflicts++;
                        if (isStatusChange(op.kind())) {
                            statusConflicts.add(op.applicationId());
                        }
                    }
                    case MERGED -> merged++;
                    default -> applied++;
                }
            }
            Outcome finalOutcome = outcome;
            boolean folded = replica.inTransaction(s -> {
                ReplicaMapper m = s.getMapper(ReplicaMapper.class);
                if (finalOutcome.result() == Result.CONFLICT) {
                    m.finish(op.operationId(), "conflict", null);
                    // a chain of moves on one application (viewed, then shortlisted) is one decision to take, not
                    // one per step: the open status conflict takes the latest move as "mine"
                    Long open = isStatusChange(op.kind()) ? m.openStatusConflict(op.applicationId()) : null;
                    if (open != null) {
                        m.foldIntoConflict(open, op.kind(), op.mine(), SyncJson.state(finalOutcome.theirs()));
                        return true;
                    }
                    m.addConflict(op, finalOutcome.reason(), SyncJson.state(finalOutcome.theirs()), null);
                } else {
                    m.finish(op.operationId(), "done", finalOutcome.version());
                    if (finalOutcome.result() == Result.MERGED) {
                        m.addConflict(op, "merged", SyncJson.state(finalOutcome.theirs()), "merged");
                    }
                }
                return false;
            });
            if (folded) {
                conflicts--;
            }
            hook.at("push:after-local-mark");
        }
        return new SyncService.PushReport(applied, already, conflicts, merged, List.copyOf(failed), heldBack);
    }

    /** Why one operation did not go, for the list of what was not sent (the generic sentences say "try again"). */
    private static Sentence failureReason(RuntimeException e) {
        String state = SqlErrors.sqlState(e).orElse("");
        return switch (state) {
            case "55P03" -> Sentence.of("sync.push.locked");
            case "57014" -> Sentence.of("sync.push.timeout");
            default -> SqlErrors.sentence(e);
        };
    }

    /**
     * Queues an offline message on the server under the outbox entry's id: a second push of the same entry (its
     * local mark lost) finds it there and queues nothing.
     */
    private Outcome queueMessage(Operation op) {
        OutgoingMessage message = OfflineOperations.message(op);
        Integer company = server.user().companyId();
        if (company == null) {
            throw new UserFacingException(Sentence.of("messages.error.noCompany"));
        }
        server.unitOfWork().run(s -> new ServerMessageQueue().enqueue(s, server.user().userId(), company, message));
        return Outcome.done(null);
    }

    private Integer appliedVersion(Operation op) {
        return server.unitOfWork().inTransaction(s -> s.getMapper(SliceMapper.class).appliedOperation(op.operationId()));
    }

    /** Applies one operation on the server; a change made meanwhile by someone else is looked at again. */
    private Outcome replay(Operation op) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ApplicationState theirs = server.unitOfWork().inTransaction(s -> s.getMapper(SliceMapper.class)
                    .applicationState(op.applicationId(), server.user().companyId(), server.user().userId()));
            if (theirs == null) {
                return Outcome.conflict("gone", null);
            }
            try {
                if (op.kind() == OperationKind.INTERVIEW) {
                    // a new interview: scheduled with the server's checks, in the transaction that records the op
                    armed.set(op);
                    interviews.schedule(InterviewRequest.fromJson(op.mine()));
                    return Outcome.done(theirs.version());
                }
                Outcome outcome = decide(op, theirs);
                if (outcome.result() != Result.RETRY) {
                    return outcome;
                }
            } catch (MoveConflictException | ReviewConflictException e) {
                log.info("Operation {} met a concurrent change; reading the application again", op.operationId());
            } catch (RuntimeException e) {
                if (SqlErrors.sqlState(e).filter("23505"::equals).isPresent()) {
                    Integer version = appliedVersion(op);
                    if (version != null) {
                        return Outcome.done(version < 0 ? null : version);
                    }
                }
                throw e;
            } finally {
                armed.set(null);
            }
        }
        ApplicationState theirs = server.unitOfWork().inTransaction(s -> s.getMapper(SliceMapper.class)
                .applicationState(op.applicationId(), server.user().companyId(), server.user().userId()));
        return Outcome.conflict("busy", theirs);
    }

    /** Carries out the conflict policy's decision: the same services as online, on the armed unit of work. */
    private Outcome decide(Operation op, ApplicationState theirs) {
        ApplicationState base = SyncJson.state(op.base(), op.applicationId(), op.jobId());
        ConflictPolicy.Decision d = ConflictPolicy.decide(op.kind(), base, op.mine(), theirs);
        return switch (d.action()) {
            case ALREADY_THERE -> Outcome.done(theirs.version());
            case MOVE -> Outcome.done(move(op, theirs, d.moveTo()));
            case SAVE -> Outcome.done(save(op, theirs, d.notes(), d.rating(), d.scorecard()));
            case MERGE -> new Outcome(Result.MERGED, save(op, theirs, d.notes(), d.rating(), d.scorecard()),
                    d.reason(), theirs);
            case CONFLICT -> Outcome.conflict(d.reason(), theirs);
            case TAG -> tag(op, theirs);
        };
    }

    /** One tag added or removed on the server's list as it is now; a full list is the person's to sort out. */
    private Outcome tag(Operation op, ApplicationState theirs) {
        var asked = SyncJson.read(op.mine());
        armed.set(op);
        try {
            ReviewService.TagChange done = asked.path("add").asBoolean(true)
                    ? review.addTag(op.applicationId(), asked.path("tag").asText())
                    : review.removeTag(op.applicationId(), asked.path("tag").asText());
            return Outcome.done(done.version());
        } catch (co.intowork.recruiter.common.db.UserFacingException e) {
            if (SqlErrors.sqlState(e).isPresent()) {
                throw e;
            }
            return Outcome.conflict("tags:full", theirs);
        }
    }

    private int move(Operation op, ApplicationState theirs, ApplicationStatus to) {
        BoardCard card = new BoardCard(theirs.applicationId(), theirs.version(), theirs.status(), null, null, null,
                null, theirs.rating());
        armed.set(op);
        return board.move(theirs.jobId(), List.of(new BoardService.Move(card, to))).get(0).version();
    }

    private int save(Operation op, ApplicationState theirs, String notes, Integer rating, String scorecard) {
        armed.set(op);
        return review.saveAssessment(theirs.applicationId(), theirs.version(), notes, rating,
                Scorecard.parse(scorecard));
    }
}
