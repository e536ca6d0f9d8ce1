package co.intowork.recruiter.search;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface CandidateSearchMapper {
    List<CandidateHit> search(@Param("query") String query, @Param("minYears") Integer minYears,
                              @Param("limit") int limit);

    List<AppliedJob> applications(@Param("candidateIds") Integer[] candidateIds, @Param("companyId") Integer companyId,
                                  @Param("userId") int userId, @Param("perCandidate") int perCandidate);
}
