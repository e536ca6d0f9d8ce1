package co.intowork.recruiter.search;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Candidate search as the signed-in person: the hits, then their visible applications, in one transaction. */
public final class CandidateSearchService {
    /** Hits shown at once; the server ranks the first four times as many it finds. */
    public static final int MAX_HITS = 30;
    /** Applications shown under a hit; one more is read to know there are others. */
    public static final int JOBS_PER_HIT = 5;
    public static final int MAX_QUERY_LENGTH = 500;

    /** A hit with its applications, newest first, and whether it has more than those. */
    public record Result(CandidateHit candidate, List<AppliedJob> jobs, boolean moreJobs) {
    }

    private final SignedIn signedIn;

    public CandidateSearchService(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    public List<Result> search(String query, Integer minYears) {
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new UserFacingException(Sentence.of("search.error.tooLong", MAX_QUERY_LENGTH));
        }
        return signedIn.unitOfWork().inTransaction(s -> {
            CandidateSearchMapper mapper = s.getMapper(CandidateSearchMapper.class);
            List<CandidateHit> hits = mapper.search(query == null ? "" : query.strip(), minYears, MAX_HITS);
            if (hits.isEmpty()) {
                return List.of();
            }
            Map<Integer, List<AppliedJob>> jobs = new LinkedHashMap<>();
            hits.forEach(h -> jobs.put(h.candidateId(), new java.util.ArrayList<>()));
            mapper.applications(hits.stream().map(CandidateHit::candidateId).toArray(Integer[]::new),
                    signedIn.user().companyId(), signedIn.user().userId(), JOBS_PER_HIT + 1)
                    .forEach(a -> jobs.get(a.candidateId()).add(a));
            return hits.stream().map(h -> {
                List<AppliedJob> all = jobs.get(h.candidateId());
                return new Result(h, List.copyOf(all.subList(0, Math.min(JOBS_PER_HIT, all.size()))),
                        all.size() > JOBS_PER_HIT);
            }).toList();
        });
    }
}
