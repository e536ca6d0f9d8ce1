package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.MoveConflictException;
import co.intowork.recruiter.board.StatusTransitions;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.review.ReviewConflictException;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Two-way sync between the server (through the signed-in session: row-level security, the same services as
 * online) and the laptop's replica (decision 0010). Push first, so a pull never hides work still to send; every
 * step commits on its own and is safe to repeat, so a crash anywhere is repaired by syncing again.
 */
public final class SyncService {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    /** Status events recorded by local moves get ids from here up; the server's are far below. */
    public static final long LOCAL_EVENT_BASE = 1L << 60;
    /** Rows per insert statement on the replica. */
    static final int BATCH = 1000;
    /** Rows changed this long before the newest one copied are read again (writes still in flight then). */
    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(2);
    static final String LAST_SYNC = "last_sync";

    /** Called between steps; tests throw from it to simulate a crash at that point. */
    @FunctionalInterface
    public interface FailureHook {
        void at(String step);

        FailureHook NONE = step -> { };
    }

    /** {@code cvFiles}: what the CV step did ({@link CvFiles.Report#NONE} when this service downloads none). */
    public record PullReport(int jobs, int applications, int candidates, int events, int purgedJobs,
                             CvFiles.Report cvFiles) {
    }

    /**
     * {@code failed}: operations the server refused for a reason of the moment (a row locked past the lock
     * timeout, a statement timeout...), each with its sentence; they stay in the outbox for the next sync.
     * {@code heldBack}: later operations on the same applications, not sent so they never overtake the failed one.
     */
    public record PushReport(int applied, int alreadyApplied, int conflicts, int merged, List<Failure> failed,
                             int heldBack) {
        public PushReport(int applied, int alreadyApplied, int conflicts, int merged) {
            this(applied, alreadyApplied, conflicts, merged, List.of(), 0);
        }

        /** Operations still waiting in the outbox after this push. */
        public int unsent() {
            return failed.size() + heldBack;
        }
    }

    /** What a push left unsent, one line per failed operation and one for those held back (empty: nothing). */
    public static String describeUnsent(PushReport r) {
        List<String> lines = new ArrayList<>();
        for (Failure f : r.failed()) {
            lines.add(Messages.format("sync.push.failedLine", f.applicationId(), f.kind().displayName(), f.reason()));
        }
        if (r.heldBack() > 0) {
            lines.add(Messages.format("sync.push.heldBack", r.heldBack()));
        }
        return String.join("\n", lines);
    }

    /** One operation the server did not take this time, and why (worded for the person). */
    public record Failure(String operationId, OperationKind kind, int applicationId, String reason) {
    }

    /**
     * The server stopped answering, or the sign-in session ended, part-way through a push: what was sent is said,
     * the rest waits in the outbox.
     */
    public static final class PushInterrupted extends UserFacingException {
        private final transient PushReport sofar;

        PushInterrupted(String message, PushReport sofar, Throwable cause) {
            super(message, cause);
            this.sofar = sofar;
        }

        public PushReport sofar() {
            return sofar;
        }
    }

    public record SyncReport(PushReport push, PullReport pull, OffsetDateTime at) {
    }

    private final SignedIn server;
    private final UnitOfWork replica;
    private final FailureHook hook;
    private final Duration overlap;
    private final AtomicReference<Operation> armed = new AtomicReference<>();
    private final BoardService board;
    private final ReviewService review;
    private final CvFiles cvFiles;

    public SyncService(SignedIn server, UnitOfWork replica) {
        this(server, replica, FailureHook.NONE, DEFAULT_OVERLAP);
    }

    /** Also keeps the slice's CV files on the laptop, after every pull. */
    public SyncService(SignedIn server, UnitOfWork replica, CvFiles cvFiles) {
        this(server, replica, FailureHook.NONE, DEFAULT_OVERLAP, cvFiles);
    }

    public SyncService(SignedIn server, UnitOfWork replica, FailureHook hook, Duration overlap) {
        this(server, replica, hook, overlap, null);
    }

    /** @param cvFiles where the slice's CV files are kept; null: none are downloaded */
    public SyncService(SignedIn server, UnitOfWork replica, FailureHook hook, Duration overlap, CvFiles cvFiles) {
        this.server = server;
        this.replica = replica;
        this.hook = hook;
        this.overlap = overlap;
        this.cvFiles = cvFiles;
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
    }

    /**
     * Working offline, the window's session is on the copy itself: replaying the outbox "on the server" would apply
     * it to the copy and mark it sent. Everything that talks to the server refuses that session.
     */
    private void requireServer() {
        if (server.offline()) {
            throw new UserFacingException(Messages.text("sync.offline.needServer"));
        }
    }

    // ---------------------------------------------------------------- slice

    /** Adds the job to the slice and copies it now. */
    public PullReport takeOffline(int jobId) {
        requireServer();
        // checked before the slice is touched: the pull would only purge the job again, and report the other
        // jobs' applications as if this one had been copied
        if (!visibleOnServer(List.of(jobId)).contains(jobId)) {
            throw new UserFacingException(Messages.format("sync.take.notVisible", jobId));
        }
        replica.run(s -> s.getMapper(ReplicaMapper.class).addSliceJob(jobId));
        return pull();
    }

    private List<Integer> visibleOnServer(List<Integer> jobIds) {
        return jobIds.isEmpty() ? List.of() : server.unitOfWork().inTransaction(s -> s
                .getMapper(SliceMapper.class).visibleJobs(jobIds.toArray(Integer[]::new),
                        server.user().companyId(), server.user().userId()));
    }

    /** The job's live applications now in the copy (what "take offline" reports). */
    public int applicationsOffline(int jobId) {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).liveApplications(jobId));
    }

    /** Sends what waits, then removes the job from the laptop; refused while its operations cannot be sent. */
    public void bringOnline(int jobId) {
        requireServer();
        push();
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            if (m.pending().stream().anyMatch(op -> op.jobId() == jobId)) {
                throw new UserFacingException(
                        Messages.text("sync.pendingRemain"));
            }
            m.replicationMode();
            m.purgeJob(jobId);
            m.purgeOrphanCandidates();
        });
        if (cvFiles != null) {
            cvFiles.prune(sliceCvUrls());
        }
    }

    public List<Integer> sliceJobs() {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).sliceJobs());
    }

    public SyncCounts counts() {
        return countsIn(replica);
    }

    public OffsetDateTime lastSync() {
        return lastSyncIn(replica);
    }

    /** What a copy holds and what waits in it, with or without a server session (start-up, sign-out, `sync`). */
    public static SyncCounts countsIn(UnitOfWork replica) {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).counts());
    }

    public static OffsetDateTime lastSyncIn(UnitOfWork replica) {
        String value = replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).stateValue(LAST_SYNC));
        return value == null ? null : OffsetDateTime.parse(value);
    }

    public SyncReport sync(DoubleConsumer progress) {
        requireServer();
        progress.accept(0.05);
        PushReport pushed = push();
        progress.accept(0.4);
        PullReport pulled = pull();
        OffsetDateTime at = OffsetDateTime.now();
        replica.run(s -> s.getMapper(ReplicaMapper.class).saveState(LAST_SYNC, at.toString()));
        progress.accept(1.0);
        return new SyncReport(pushed, pulled, at);
    }

    // ---------------------------------------------------------------- pull

    public PullReport pull() {
        requireServer();
        List<Integer> slice = sliceJobs();
        List<Integer> visible = visibleOnServer(slice);
        int applications = 0;
        int candidates = 0;
        int events = 0;
        for (int jobId : visible) {
            int[] counts = pullJob(jobId);
            applications += counts[0];
            candidates += counts[1];
            events += counts[2];
        }
        Set<Integer> lost = new HashSet<>(slice);
        lost.removeAll(visible);
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.replicationMode();
            for (int jobId : lost) {
                log.info("Job {} is no longer visible to the signed-in person; removed from the laptop", jobId);
                m.purgeJob(jobId);
            }
            m.purgeDeletedCandidates();
            m.purgeOrphanCandidates();
            m.recountDerivedTables();
        });
        hook.at("pull:purged");
        CvFiles.Report files = pullCvFiles();
        hook.at("pull:cv-files");
        return new PullReport(visible.size(), applications, candidates, events, lost.size(), files);
    }

    /**
     * After the purge, so the folder ends up holding exactly the CVs of the applications still in the slice. A CV
     * that cannot be fetched is counted, never a reason to fail the pull: the rows are already safe.
     */
    private CvFiles.Report pullCvFiles() {
        if (cvFiles == null) {
            return CvFiles.Report.NONE;
        }
        try {
            return cvFiles.refresh(sliceCvUrls());
        } catch (RuntimeException e) {
            log.warn("Offline CV files not refreshed: {}", e.getMessage(), e);
            return CvFiles.Report.NONE;
        }
    }

    private List<String> sliceCvUrls() {
        return replica.inTransaction(s -> s.getMapper(CvFileMapper.class).sliceCvUrls());
    }

    /** Copies what changed on one job; returns {applications, candidates, events} copied. */
    private int[] pullJob(int jobId) {
        String apps = SliceTable.APPLICATIONS.name();
        String cands = SliceTable.CANDIDATES.name();

        record JobRows(List<String> job, List<String> employer, List<String> company, List<String> people,
                       List<String> managers) {
        }
        JobRows jr = server.unitOfWork().inTransaction(s -> {
            SliceMapper m = s.getMapper(SliceMapper.class);
            return new JobRows(m.job(jobId), m.jobEmployer(jobId), m.jobCompany(jobId), m.jobPeople(jobId),
                    m.hiringManagers(jobId));
        });
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.replicationMode();
            replace(m, SliceTable.JOBS, jr.job(), false);
            replace(m, SliceTable.EMPLOYERS, jr.employer(), false);
            replace(m, SliceTable.COMPANIES, jr.company(), false);
            replace(m, SliceTable.USERS, jr.people(), false);
            m.deleteHiringManagers(jobId);
            if (!jr.managers().isEmpty()) {
                m.insertHiringManagers(SyncJson.array(jr.managers()));
            }
        });
        hook.at("pull:job");

        OffsetDateTime appsSince = since(jobId, apps);
        record AppRows(List<String> rows, List<Integer> ids, List<String> events) {
        }
        AppRows ar = server.unitOfWork().inTransaction(s -> {
            SliceMapper m = s.getMapper(SliceMapper.class);
            return new AppRows(m.applications(jobId, appsSince), m.applicationIds(jobId),
                    m.events(jobId, appsSince));
        });
        OffsetDateTime appsMark = replica.inTransaction(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.replicationMode();
            replace(m, SliceTable.APPLICATIONS, ar.rows(), true);
            Set<Integer> serverIds = new HashSet<>(ar.ids());
            // the same statement reads the job's ids on both sides
            Integer[] gone = s.getMapper(SliceMapper.class).applicationIds(jobId).stream()
                    .filter(id -> !serverIds.contains(id))
                    .toArray(Integer[]::new);
            if (gone.length > 0) {
                m.deleteApplications(gone);
            }
            replace(m, SliceTable.EVENTS, ar.events(), false);
            m.deleteLocalEvents(jobId, LOCAL_EVENT_BASE);
            OffsetDateTime mark = newest(m, ar.rows());
            if (mark != null) {
                m.saveWatermark(jobId, apps, mark, null);
            }
            return mark;
        });
        hook.at("pull:applications");

        OffsetDateTime candSince = since(jobId, cands);
        record CandidateRows(List<Integer> ids, List<String> candidates, List<String> users,
                             List<List<String>> profile) {
        }
        CandidateRows cr = server.unitOfWork().inTransaction(s -> {
            SliceMapper m = s.getMapper(SliceMapper.class);
            List<Integer> ids = m.changedCandidates(jobId, candSince);
            Integer[] idArray = ids.toArray(Integer[]::new);
            if (ids.isEmpty()) {
                return new CandidateRows(ids, List.of(), List.of(), List.of());
            }
            List<List<String>> profile = new ArrayList<>();
            for (SliceTable t : SliceTable.profileTables()) {
                profile.add(m.profileRows(t.bare(), idArray));
            }
            return new CandidateRows(ids, m.candidates(idArray), m.candidateUsers(idArray), profile);
        });
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.replicationMode();
            Integer[] idArray = cr.ids().toArray(Integer[]::new);
            replace(m, SliceTable.CANDIDATES, cr.candidates(), false);
            replace(m, SliceTable.USERS, cr.users(), false);
            List<SliceTable> tables = SliceTable.profileTables();
            OffsetDateTime mark = newest(m, cr.candidates());
            for (int i = 0; i < cr.profile().size(); i++) {
                m.deleteProfileRows(tables.get(i).qualified(), idArray);
                replace(m, tables.get(i), cr.profile().get(i), false);
                mark = later(mark, newest(m, cr.profile().get(i)));
            }
            // the candidates' watermark also moves with their applications, which bring new candidates in
            mark = later(mark, appsMark);
            if (mark != null) {
                m.saveWatermark(jobId, cands, mark, null);
            }
        });
        hook.at("pull:candidates");
        return new int[]{ar.rows().size(), cr.ids().size(), ar.events().size()};
    }

    private OffsetDateTime since(int jobId, String table) {
        Watermark w = replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).watermark(jobId, table));
        return w == null || w.since() == null ? null : w.since().minus(overlap);
    }

    private static void replace(ReplicaMapper m, SliceTable table, List<String> rows, boolean protectPending) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            String batch = SyncJson.array(rows.subList(from, Math.min(rows.size(), from + BATCH)));
            m.deleteRows(table.qualified(), batch, protectPending);
            m.insertRows(table.qualified(), batch);
        }
    }

    private static OffsetDateTime newest(ReplicaMapper m, List<String> rows) {
        OffsetDateTime newest = null;
        for (int from = 0; from < rows.size(); from += BATCH) {
            newest = later(newest, m.maxUpdatedAt(SyncJson.array(rows.subList(from, Math.min(rows.size(), from + BATCH)))));
        }
        return newest;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- push

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

    public PushReport push() {
        requireServer();
        List<Operation> pending = replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).pending());
        int applied = 0;
        int already = 0;
        int conflicts = 0;
        int merged = 0;
        List<Failure> failed = new ArrayList<>();
        Set<Integer> blocked = new HashSet<>();
        int heldBack = 0;
        for (int i = 0; i < pending.size(); i++) {
            Operation op = pending.get(i);
            if (blocked.contains(op.applicationId())) {
                // an earlier operation on this application did not go: this one would overtake it
                heldBack++;
                continue;
            }
            hook.at("push:before-server");
            Outcome outcome;
            boolean replayed = false;
            try {
                // each operation is its own server transaction (the services open it): one that fails leaves the
                // ones already committed, and the next ones, alone
                Integer done = appliedVersion(op);
                if (done != null) {
                    already++;
                    outcome = Outcome.done(done < 0 ? null : done);
                } else {
                    outcome = replay(op);
                    replayed = true;
                }
            } catch (RuntimeException e) {
                if (SqlErrors.isUnreachable(e) || SqlErrors.isSessionEnded(e)) {
                    PushReport sofar = new PushReport(applied, already, conflicts, merged, List.copyOf(failed),
                            heldBack + pending.size() - i);
                    log.warn("Push stopped at operation {} of {}: {}", i + 1, pending.size(), e.getMessage());
                    throw new PushInterrupted(Messages.format("sync.push.interrupted", applied + merged + already,
                            pending.size(), SqlErrors.describe(e), sofar.unsent()), sofar, e);
                }
                String reason = failureReason(e);
                log.warn("Operation {} ({} of application {}) not sent: {}", op.operationId(), op.kind(),
                        op.applicationId(), reason, e);
                failed.add(new Failure(op.operationId(), op.kind(), op.applicationId(), reason));
                blocked.add(op.applicationId());
                continue;
            }
            if (replayed) {
                hook.at("push:after-server-commit");
                switch (outcome.result()) {
                    case CONFLICT -> conflicts++;
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
        return new PushReport(applied, already, conflicts, merged, List.copyOf(failed), heldBack);
    }

    /** Why one operation did not go, for the list of what was not sent (the generic sentences say "try again"). */
    private static String failureReason(RuntimeException e) {
        String state = SqlErrors.sqlState(e).orElse("");
        return switch (state) {
            case "55P03" -> Messages.text("sync.push.locked");
            case "57014" -> Messages.text("sync.push.timeout");
            default -> SqlErrors.describe(e);
        };
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

    private Outcome decide(Operation op, ApplicationState theirs) {
        ApplicationState base = SyncJson.state(op.base(), op.applicationId(), op.jobId());
        var mine = SyncJson.read(op.mine());
        return switch (op.kind()) {
            case VIEWED -> theirs.status() != ApplicationStatus.APPLIED ? Outcome.done(theirs.version())
                    : Outcome.done(move(op, theirs, ApplicationStatus.VIEWED));
            case MOVE -> {
                ApplicationStatus to = ApplicationStatus.fromLabel(mine.path("status").asText());
                if (theirs.status() == to) {
                    yield Outcome.done(theirs.version());
                }
                if (theirs.status() != base.status()) {
                    yield Outcome.conflict("status", theirs);
                }
                if (!StatusTransitions.allowed(theirs.status(), to)) {
                    yield Outcome.conflict("transition", theirs);
                }
                yield Outcome.done(move(op, theirs, to));
            }
            case NOTE -> {
                String notes = SyncJson.text(mine, "notes");
                if (Objects.equals(theirs.notes(), base.notes()) || Objects.equals(theirs.notes(), notes)) {
                    yield Outcome.done(save(op, theirs, notes, theirs.rating(), theirs.scorecard()));
                }
                // both wrote notes: both are kept, theirs first, mine as written after them
                int version = save(op, theirs, Merge.notes(base.notes(), theirs.notes(), notes), theirs.rating(),
                        theirs.scorecard());
                yield new Outcome(Result.MERGED, version, "merged", theirs);
            }
            case RATE -> {
                Integer rating = mine.path("rating").isNumber() ? mine.path("rating").asInt() : null;
                if (Objects.equals(theirs.rating(), rating)) {
                    yield Outcome.done(theirs.version());
                }
                if (!Objects.equals(theirs.rating(), base.rating())) {
                    yield Outcome.conflict("rating", theirs);
                }
                yield Outcome.done(save(op, theirs, theirs.notes(), rating, theirs.scorecard()));
            }
            case SCORECARD -> {
                Merge.ScorecardMerge merge = Merge.scorecards(Scorecard.parse(base.scorecard()),
                        Scorecard.parse(theirs.scorecard()), Scorecard.parse(SyncJson.text(mine, "scorecard")));
                if (!merge.conflicts().isEmpty()) {
                    yield Outcome.conflict("scorecard:" + String.join(",", merge.conflicts()), theirs);
                }
                yield Outcome.done(save(op, theirs, theirs.notes(), theirs.rating(), merge.merged().toJson()));
            }
        };
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

    // ---------------------------------------------------------------- conflicts

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
        });
    }

    public void discard(Conflict c) {
        replica.run(s -> s.getMapper(ReplicaMapper.class).resolveConflict(c.id(), "discarded"));
    }

    /**
     * Re-applies mine on top of theirs: a new operation made against theirs, pushed at the next sync (its transition
     * and fields checked again then).
     */
    public Operation reapplyMine(Conflict c) {
        ApplicationState theirs = SyncJson.state(c.theirs(), c.applicationId(), c.jobId());
        if (theirs == null) {
            throw new UserFacingException(
                    Messages.text("sync.conflict.gone"));
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
            m.resolveConflict(c.id(), "mine");
        });
        return op;
    }
}
