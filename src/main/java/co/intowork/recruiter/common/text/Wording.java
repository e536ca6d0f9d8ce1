package co.intowork.recruiter.common.text;

import java.util.Arrays;
import java.util.ServiceLoader;

/**
 * Turns a {@link Sentence}'s key and arguments into text. The UI provides it (common.ui.MessagesWording, registered
 * in META-INF/services), so the layers below name sentences without depending on the UI's message bundle.
 */
public interface Wording {
    String word(String key, Object... arguments);

    static Wording current() {
        return Holder.WORDING;
    }

    final class Holder {
        /** Without the UI on the class path, the key and its arguments: still says what happened, in the log. */
        private static final Wording WORDING = ServiceLoader.load(Wording.class, Wording.class.getClassLoader())
                .findFirst().orElse((key, arguments) -> key + (arguments.length == 0 ? ""
                        : " " + Arrays.toString(arguments)));

        private Holder() {
        }
    }
}
