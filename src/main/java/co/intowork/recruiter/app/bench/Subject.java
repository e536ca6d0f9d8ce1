package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardHeader;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UnitOfWork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One person the benchmark signs in as (the largest company's recruiter, a small company's, a hiring manager), with
 * the pools its parameters are drawn from. The pools are read once, as that person (row-level security on), so a
 * draw is always something the screen could show them.
 *
 * @param key       "large", "small" or "hiring_manager"
 * @param signedIn  the client, transactions committed (reads)
 * @param rollback  the same session on a unit of work that rolls every transaction back (writes)
 * @param owner     the tables' owner, for setup reads across companies and the search function's plan
 * @param company   the company row (for a hiring manager: the company of their jobs), or null
 * @param token     the session token, for the use_session statement itself
 */
public record Subject(String key, String label, SignedIn signedIn, SignedIn rollback, UnitOfWork owner,
                      BenchMapper.CompanyRow company, String token, Pools pools) {
    /** How many jobs' applications and board columns are read into the pools. */
    static final int SAMPLE_JOBS = 40;

    public SignedInUser user() {
        return signedIn.user();
    }

    public UnitOfWork client() {
        return signedIn.unitOfWork();
    }

    /**
     * @param jobs         every visible job with live applications
     * @param columns      for the sampled jobs, the non-empty board columns and their sizes
     * @param applications the live applications of the sampled jobs
     * @param appliedCards cards of "applied" columns of the sampled jobs, with their job, for moves
     * @param visibleJobs  how many jobs the pipeline lists (all statuses)
     * @param words        search words by kind: fr_common, fr_rare, en_common, en_rare
     */
    public record Pools(List<BenchMapper.JobRow> jobs, Map<Integer, Map<ApplicationStatus, Long>> columns,
                        List<BenchMapper.ApplicationRow> applications, List<JobCard> appliedCards, long visibleJobs,
                        Map<String, String> words) {
    }

    public record JobCard(int jobId, BoardCard card) {
    }

    static Pools loadPools(SignedIn signedIn, UnitOfWork owner, long visibleJobs, long seed) {
        SignedInUser u = signedIn.user();
        List<BenchMapper.JobRow> jobs = signedIn.unitOfWork().inTransaction(
                s -> s.getMapper(BenchMapper.class).jobPool(u.companyId(), u.userId()));
        if (jobs.isEmpty()) {
            throw new IllegalStateException(u.email() + " sees no job with applications: nothing to benchmark");
        }
        List<BenchMapper.JobRow> sample = new ArrayList<>(jobs);
        Collections.shuffle(sample, new Random(seed));
        sample = sample.subList(0, Math.min(SAMPLE_JOBS, sample.size()));
        BoardService board = new BoardService(signedIn);
        Map<Integer, Map<ApplicationStatus, Long>> columns = new java.util.LinkedHashMap<>();
        List<JobCard> applied = new ArrayList<>();
        for (BenchMapper.JobRow job : sample) {
            BoardHeader header = board.header(job.jobId);
            Map<ApplicationStatus, Long> nonEmpty = new EnumMap<>(ApplicationStatus.class);
            header.counts().forEach((status, count) -> {
                if (count > 0) {
                    nonEmpty.put(status, count);
                }
            });
            columns.put(job.jobId, nonEmpty);
            if (nonEmpty.containsKey(ApplicationStatus.APPLIED) && applied.size() < 500) {
                for (BoardCard card : board.page(job.jobId, ApplicationStatus.APPLIED, null, BoardService.PAGE_SIZE)) {
                    applied.add(new JobCard(job.jobId, card));
                }
            }
        }
        Integer[] ids = sample.stream().map(j -> j.jobId).toArray(Integer[]::new);
        List<BenchMapper.ApplicationRow> applications = signedIn.unitOfWork().inTransaction(
                s -> s.getMapper(BenchMapper.class).applicationPool(ids));
        // a hiring manager searches among the jobs of the company they were added to
        int wordsCompanyId = u.companyId() != null ? u.companyId() : jobs.get(0).companyId;
        Map<String, String> words = new java.util.LinkedHashMap<>();
        for (String language : List.of("fr", "en")) {
            List<BenchMapper.WordRow> found = owner.inTransaction(
                    s -> s.getMapper(BenchMapper.class).titleWords(wordsCompanyId, language));
            if (!found.isEmpty()) {
                words.put(language + "_common", found.get(0).word);
                words.put(language + "_rare", found.get(found.size() - 1).word);
            }
        }
        return new Pools(jobs, columns, applications, applied, visibleJobs, words);
    }
}
