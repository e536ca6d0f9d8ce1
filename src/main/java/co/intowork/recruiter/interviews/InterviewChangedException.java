package co.intowork.recruiter.interviews;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

/** The interview changed since it was read (by a colleague or on the web): read it again before changing it. */
public final class InterviewChangedException extends UserFacingException {
    public InterviewChangedException(Throwable cause) {
        super(Sentence.of("interview.error.changed"), cause);
    }
}
