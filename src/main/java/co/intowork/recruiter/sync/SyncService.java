package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Two-way sync between the server (through the signed-in session: row-level security, the same services as
 * online) and the laptop's replica (decision 0010). Push first, so a pull never hides work still to send; every
 * step commits on its own and is safe to repeat, so a crash anywhere is repaired by syncing again.
 */
public final class SyncService {

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

    /** What a push left unsent, one line per failed operation and one for those held back (empty: nothing), worded now: for the edge. */
    public static String describeUnsent(PushReport r) {
        List<String> lines = new ArrayList<>();
        for (Failure f : r.failed()) {
            lines.add(Sentence.of("sync.push.failedLine", f.applicationId(), f.kind().displayName(), f.reason())
                    .toString());
        }
        if (r.heldBack() > 0) {
            lines.add(Sentence.of("sync.push.heldBack", r.heldBack()).toString());
        }
        return String.join("\n", lines);
    }

    /** One operation the server did not take this time, and why (worded for the person when read). */
    public record Failure(String operationId, OperationKind kind, int applicationId, Sentence why) {
        public String reason() {
            return why.toString();
        }
    }

    /**
     * The server stopped answering, or the sign-in session ended, part-way through a push: what was sent is said,
     * the rest waits in the outbox.
     */
    public static final class PushInterrupted extends UserFacingException {
        private final transient PushReport sofar;

        PushInterrupted(Sentence message, PushReport sofar, Throwable cause) {
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
    private final CvFiles cvFiles;
    private final SyncPull puller;
    private final SyncPush pusher;
    private final ConflictInbox inbox;

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
        this.cvFiles = cvFiles;
        this.puller = new SyncPull(server, replica, hook, overlap, cvFiles);
        this.pusher = new SyncPush(server, replica, hook);
        this.inbox = new ConflictInbox(replica);
    }

    /**
     * Working offline, the window's session is on the copy itself: replaying the outbox "on the server" would apply
     * it to the copy and mark it sent. Everything that talks to the server refuses that session.
     */
    private void requireServer() {
        if (server.offline()) {
            throw new UserFacingException(Sentence.of("sync.offline.needServer"));
        }
    }

    // ---------------------------------------------------------------- slice

    /** Adds the job to the slice and copies it now. */
    public PullReport takeOffline(int jobId) {
        requireServer();
        // checked before the slice is touched: the pull would only purge the job again, and report the other
        // jobs' applications as if this one had been copied
        if (!puller.visibleOnServer(List.of(jobId)).contains(jobId)) {
            throw new UserFacingException(Sentence.of("sync.take.notVisible", jobId));
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
                        Sentence.of("sync.pendingRemain"));
            }
            m.replicationMode();
            m.purgeJob(jobId);
            m.purgeOrphanCandidates();
        });
        if (cvFiles != null) {
            cvFiles.prune(puller.sliceCvUrls());
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

    // ---------------------------------------------------------------- pull, push (SyncPull, SyncPush)

    public PullReport pull() {
        requireServer();
        return puller.pull();
    }

    public PushReport push() {
        requireServer();
        return pusher.push();
    }

    // ---------------------------------------------------------------- conflicts (ConflictInbox)

    public List<Conflict> openConflicts() {
        return inbox.openConflicts();
    }

    /** Keeps the server's version: the laptop shows it at once; mine is dropped. */
    public void keepTheirs(Conflict c) {
        inbox.keepTheirs(c);
    }

    public void discard(Conflict c) {
        inbox.discard(c);
    }

    /**
     * Re-applies mine on top of theirs: a new operation made against theirs, pushed at the next sync (its transition
     * and fields checked again then).
     */
    public Operation reapplyMine(Conflict c) {
        return inbox.reapplyMine(c);
    }
}
