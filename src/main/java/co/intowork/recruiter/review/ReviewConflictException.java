package co.intowork.recruiter.review;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

/** The application changed (or was deleted) since the review read it; nothing was saved. */
public final class ReviewConflictException extends UserFacingException {
    public ReviewConflictException() {
        super(Sentence.of("review.conflict"));
    }
}
