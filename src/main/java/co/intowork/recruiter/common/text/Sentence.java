package co.intowork.recruiter.common.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sentence for the person at the keyboard, said by what it is (a key of the message bundle and its arguments)
 * and worded only when it is read: services and the data layer say what happened without knowing the UI's bundle,
 * and the edge (a ViewModel, a view, a command) words it in the UI language. A literal is a sentence already worded
 * (the English of the command line's IT messages, or a server function's own message).
 */
public final class Sentence {
    private final String key;
    private final Object[] arguments;
    private final String literal;
    private final Sentence[] parts;

    private Sentence(String key, Object[] arguments, String literal, Sentence[] parts) {
        this.key = key;
        this.arguments = arguments;
        this.literal = literal;
        this.parts = parts;
    }

    /** Arguments may be sentences themselves; they are worded with the sentence. */
    public static Sentence of(String key, Object... arguments) {
        return new Sentence(key, arguments.clone(), null, null);
    }

    public static Sentence literal(String text) {
        return new Sentence(null, new Object[0], text, null);
    }

    /** Several sentences one after the other, separated by a space. */
    public static Sentence joined(Sentence... parts) {
        return new Sentence(null, new Object[0], null, parts.clone());
    }

    /** The bundle key, or null for a literal. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Worded now, in the UI language (see {@link Wording}). */
    @Override
    public String toString() {
        if (parts != null) {
            StringBuilder text = new StringBuilder();
            for (Sentence part : parts) {
                text.append(text.length() == 0 ? "" : " ").append(part);
            }
            return text.toString();
        }
        return literal != null ? literal : Wording.current().word(key, arguments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sentence s && Objects.equals(key, s.key) && Arrays.equals(arguments, s.arguments)
                && Objects.equals(literal, s.literal) && Arrays.equals(parts, s.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(arguments), literal, Arrays.hashCode(parts));
    }
}
