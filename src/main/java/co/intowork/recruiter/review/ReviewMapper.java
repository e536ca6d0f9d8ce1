package co.intowork.recruiter.review;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface ReviewMapper {
    /** Null when the application is not visible to the signed-in person (other company, deleted). */
    Review.Application application(@Param("applicationId") int applicationId, @Param("companyId") Integer companyId,
                                   @Param("userId") int userId);

    List<Review.Experience> experiences(@Param("candidateId") int candidateId);

    List<Review.Education> educations(@Param("candidateId") int candidateId);

    List<Review.Skill> skills(@Param("candidateId") int candidateId);

    List<Review.Event> events(@Param("applicationId") int applicationId);

    /** The notes thread (recruiter_notes), oldest first; empty when the application is not visible. */
    List<Review.Note> notes(@Param("applicationId") int applicationId);

    /** Appends a note as the signed-in person (recruiter.add_application_note); the new version. */
    int addNote(@Param("applicationId") int applicationId, @Param("note") String note);

    /** Deletes one of the signed-in person's notes (recruiter.delete_application_note); the new version. */
    int deleteNote(@Param("applicationId") int applicationId, @Param("index") int index,
                   @Param("createdAt") java.time.OffsetDateTime createdAt);

    /** The new version, or null when the row's version moved on (or it is gone). */
    Integer saveAssessment(@Param("applicationId") int applicationId, @Param("version") int version,
                           @Param("notes") String notes, @Param("rating") Integer rating,
                           @Param("scorecard") String scorecard);

    /** The application's version and tags (jsonb text) as they are now; null when not visible. */
    TagState tags(@Param("applicationId") int applicationId);

    /** Adds a tag unless present or the list is full (10); the new version, or null when nothing changed. */
    Integer addTag(@Param("applicationId") int applicationId, @Param("tag") String tag);

    /** Removes a tag; the new version, or null when it was not there. */
    Integer removeTag(@Param("applicationId") int applicationId, @Param("tag") String tag);

    record TagState(int version, String tags) {
    }
}
