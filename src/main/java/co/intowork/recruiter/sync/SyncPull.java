package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Server to laptop: copies what changed on each job of the slice since its watermark (less an overlap), removes
 * what the signed-in person can no longer see, then brings the CV files in line. Every step commits on its own and
 * is safe to repeat (decision 0010).
 */
final class SyncPull {
    private static final Logger log = LoggerFactory.getLogger(SyncPull.class);

    private final SignedIn server;
    private final UnitOfWork replica;
    private final SyncService.FailureHook hook;
    private final Duration overlap;
    private final CvFiles cvFiles;

    SyncPull(SignedIn server, UnitOfWork replica, SyncService.FailureHook hook, Duration overlap, CvFiles cvFiles) {
        this.server = server;
        this.replica = replica;
        this.hook = hook;
        this.overlap = overlap;
        this.cvFiles = cvFiles;
    }

    List<Integer> visibleOnServer(List<Integer> jobIds) {
        return jobIds.isEmpty() ? List.of() : server.unitOfWork().inTransaction(s -> s
                .getMapper(SliceMapper.class).visibleJobs(jobIds.toArray(Integer[]::new),
                        server.user().companyId(), server.user().userId()));
    }

    SyncService.PullReport pull() {
        List<Integer> slice = replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).sliceJobs());
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
        return new SyncService.PullReport(visible.size(), applications, candidates, events, lost.size(), files);
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

    List<String> sliceCvUrls() {
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
            m.deleteLocalEvents(jobId, SyncService.LOCAL_EVENT_BASE);
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
        for (int from = 0; from < rows.size(); from += SyncService.BATCH) {
            String batch = SyncJson.array(rows.subList(from, Math.min(rows.size(), from + SyncService.BATCH)));
            m.deleteRows(table.qualified(), batch, protectPending);
            m.insertRows(table.qualified(), batch);
        }
    }

    private static OffsetDateTime newest(ReplicaMapper m, List<String> rows) {
        OffsetDateTime newest = null;
        for (int from = 0; from < rows.size(); from += SyncService.BATCH) {
            newest = later(newest, m.maxUpdatedAt(SyncJson.array(rows.subList(from, Math.min(rows.size(), from + SyncService.BATCH)))));
        }
        return newest;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
