package co.intowork.recruiter.common.db;

/**
 * A failure worded for the person at the keyboard: what happened and what to do. The cause keeps the
 * technical detail for the log.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
