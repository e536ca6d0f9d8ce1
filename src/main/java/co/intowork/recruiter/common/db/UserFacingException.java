package co.intowork.recruiter.common.db;

import co.intowork.recruiter.common.text.Sentence;

/**
 * A failure worded for the person at the keyboard: what happened and what to do. The cause keeps the
 * technical detail for the log. Thrown below the UI with a {@link Sentence} (a bundle key), it is worded when its
 * message is read, at the edge.
 */
public class UserFacingException extends RuntimeException {
    private final transient Sentence sentence;

    public UserFacingException(String message) {
        this(Sentence.literal(message), null);
    }

    public UserFacingException(String message, Throwable cause) {
        this(Sentence.literal(message), cause);
    }

    public UserFacingException(Sentence sentence) {
        this(sentence, null);
    }

    public UserFacingException(Sentence sentence, Throwable cause) {
        super(null, cause);
        this.sentence = sentence;
    }

    public Sentence sentence() {
        return sentence;
    }

    @Override
    public String getMessage() {
        return sentence.toString();
    }
}
