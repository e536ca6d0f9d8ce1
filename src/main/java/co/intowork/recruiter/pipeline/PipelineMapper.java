package co.intowork.recruiter.pipeline;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface PipelineMapper {
    /** With a tag: the ids of the jobs carrying it, read first, or null (see the mapper's "filters"). */
    List<JobSummary> page(@Param("c") PipelineCriteria criteria, @Param("tagged") Integer[] tagged);

    long count(@Param("c") PipelineCriteria criteria, @Param("tagged") Integer[] tagged);

    List<Integer> taggedJobIds(@Param("tag") String tag);

    /** The total of a tag filter paged in the list's order (PipelineCriteria.tagPagedInListOrder). */
    long taggedCount(@Param("tag") String tag, @Param("status") String status);

    RecruiterNames recruiters();

    List<String> countries(@Param("companyId") Integer companyId, @Param("userId") int userId);

    Job find(@Param("id") int id);

    Integer insert(@Param("job") Job job);

    int update(@Param("job") Job job);

    int changeStatus(@Param("id") int id, @Param("version") int version, @Param("status") String status);

    void markSeen(@Param("userId") int userId, @Param("jobId") int jobId);
}
