package co.intowork.recruiter.board;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface BoardMapper {
    List<BoardHeader.Row> header(@Param("jobId") int jobId, @Param("companyId") Integer companyId,
                                 @Param("userId") int userId);

    /**
     * One page of a column, newest first (or best AI match first when {@code byAiScore}); after the card
     * (afterAppliedAt or afterAiScore, afterId) when afterId is set.
     */
    List<BoardCard> page(@Param("jobId") int jobId, @Param("status") String status,
                         @Param("afterAppliedAt") OffsetDateTime afterAppliedAt, @Param("afterId") Integer afterId,
                         @Param("limit") int limit, @Param("namePattern") String namePattern,
                         @Param("minRating") Integer minRating, @Param("tags") String[] tags,
                         @Param("sources") String[] sources, @Param("minAiScore") Integer minAiScore,
                         @Param("byAiScore") boolean byAiScore, @Param("afterAiScore") Double afterAiScore);

    /** The tags used on the job's applications, for the board's tag filter. */
    List<String> tags(@Param("jobId") int jobId);

    /** The sources of the job's applications ("" for direct ones), for the board's source filter. */
    List<String> sources(@Param("jobId") int jobId);

    /** The live applications among ids, as cards, with their latest status change. */
    List<CardState> states(@Param("jobId") int jobId, @Param("ids") Integer[] ids);

    /**
     * Moves the applications whose version still matches; returns those moved. Their candidates are told once
     * {@code undoSeconds} have passed without the move being undone (V38).
     */
    List<Versioned> move(@Param("jobId") int jobId, @Param("ids") Integer[] ids, @Param("versions") Integer[] versions,
                         @Param("to") String to, @Param("undoSeconds") int undoSeconds);

    /** The newest jobs one may open, or with {@code search} those matching it; at most {@code limit}. */
    List<JobChoice> jobChoices(@Param("companyId") Integer companyId, @Param("userId") int userId,
                               @Param("search") String search, @Param("limit") int limit);
}
