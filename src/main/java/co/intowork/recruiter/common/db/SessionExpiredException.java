package co.intowork.recruiter.common.db;

import co.intowork.recruiter.common.text.Sentence;

/** The database no longer accepts the sign-in session: the app asks the person to sign in again. */
public final class SessionExpiredException extends UserFacingException {
    public SessionExpiredException(String message, Throwable cause) {
        super(message, cause);
    }

    public SessionExpiredException(Sentence sentence, Throwable cause) {
        super(sentence, cause);
    }
}
