package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

import java.util.List;

/** The pipeline's database work; each method is one transaction. Knows nothing of JavaFX. */
public final class PipelineService {
    /** Saved by someone else since it was read: nothing was written. */
    public static final class ConflictException extends UserFacingException {
        public ConflictException() {
            super(Sentence.of("pipeline.editor.conflict"));
        }
    }

    public record Page(List<JobSummary> rows, long total) {
    }

    public record Choices(List<Recruiter> recruiters, List<String> countries) {
    }

    private final UnitOfWork unitOfWork;

    /** Above this many tagged jobs the page walks the list's index and hashes the ids (PipelineMapper.xml reads it). */
    public static final int MANY_TAGGED_JOBS = 200;

    public PipelineService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** A page; the total is counted only for the first page, where the header needs it. */
    public Page page(PipelineCriteria criteria) {
        return unitOfWork.inTransaction(session -> {
            PipelineMapper m = session.getMapper(PipelineMapper.class);
            // a tag in the default order, alone or with a status: its page and count from V57's functions; with
            // other filters or another order, its jobs' ids as a value (see the mapper's filters); many of them are
            // planned for, so that they are a constant PostgreSQL hashes (planning costs about 1.5 ms: not worth it
            // for a few)
            Integer[] tagged = null;
            boolean tagPage = criteria.tagPagedInListOrder();
            if (criteria.hasTag() && !tagPage) {
                tagged = m.taggedJobIds(criteria.tag()).toArray(Integer[]::new);
                if (tagged.length > MANY_TAGGED_JOBS) {
                    session.getMapper(SessionMapper.class).planForTheseValues();
                }
            }
            if (tagPage) {
                // the same plan for every tag: fetch V57's page of ids by primary key
                session.getMapper(SessionMapper.class).planOnceForAnyValues();
            }
            // the page's generic plan already reads V37's index in order; the count's would not (it would count
            // the largest company's jobs through ix_jobs_company_id, costed for an average company)
            List<JobSummary> rows = m.page(criteria, tagged);
            long total = -1;
            if (criteria.after() == null && tagPage) {
                total = m.taggedCount(criteria.tag(),
                        criteria.status() == null ? null : criteria.status().dbValue());
            } else if (criteria.after() == null) {
                session.getMapper(SessionMapper.class).planForTheseValues();
                total = m.count(criteria, tagged);
            }
            return new Page(rows, total);
        });
    }

    public Choices choices(Integer companyId, int userId) {
        return unitOfWork.inTransaction(session -> {
            session.getMapper(SessionMapper.class).planForTheseValues();
            PipelineMapper m = session.getMapper(PipelineMapper.class);
            return new Choices(m.recruiters().toList(), m.countries(companyId, userId));
        });
    }

    public Job load(int jobId) {
        return unitOfWork.inTransaction(session -> {
            Job job = session.getMapper(PipelineMapper.class).find(jobId);
            if (job == null) {
                throw new UserFacingException(Sentence.of("pipeline.editor.gone"));
            }
            return job;
        });
    }

    /** Inserts a new job or updates an existing one at the version it was read; returns it as now stored. */
    public Job save(Job job) {
        return unitOfWork.inTransaction(session -> {
            PipelineMapper m = session.getMapper(PipelineMapper.class);
            int id;
            if (job.getId() == null) {
                id = m.insert(job);
            } else {
                if (m.update(job) == 0) {
                    throw new ConflictException();
                }
                id = job.getId();
            }
            return m.find(id);
        });
    }

    /** Moves a job along its life (rules in {@link JobStatus}); refuses a move the rules do not allow. */
    public Job changeStatus(Job job, JobStatus target) {
        JobStatus from = JobStatus.fromDb(job.getStatus());
        if (!from.canMoveTo(target)) {
            throw new UserFacingException(Sentence.of("pipeline.move.refused", Sentence.of("pipeline.status." + from.dbValue()),
                    Sentence.of("pipeline.status." + target.dbValue())));
        }
        return unitOfWork.inTransaction(session -> {
            PipelineMapper m = session.getMapper(PipelineMapper.class);
            if (m.changeStatus(job.getId(), job.getVersion(), target.dbValue()) == 0) {
                throw new ConflictException();
            }
            return m.find(job.getId());
        });
    }

    public void markSeen(int userId, int jobId) {
        unitOfWork.run(session -> session.getMapper(PipelineMapper.class).markSeen(userId, jobId));
    }
}
