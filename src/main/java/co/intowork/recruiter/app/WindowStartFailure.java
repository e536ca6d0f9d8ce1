package co.intowork.recruiter.app;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why JavaFX could not open a window, as a sentence that says what to install or change: a missing GTK 3 on Linux,
 * no graphical display, no usable graphics pipeline, a native library that did not load. The JavaFX toolkit
 * reports these as raw exceptions thrown out of Application.launch.
 */
final class WindowStartFailure {
    private WindowStartFailure() {
    }

    /** The sentence for this failure, or empty when it is not about what the system lacks. */
    static Optional<String> explain(Throwable failure, String osName, Map<String, String> env) {
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).contains("linux");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("unable to load glass gtk library") || lower.contains("libgtk")
                    || (t instanceof UnsatisfiedLinkError && lower.contains("glassgtk"))) {
                return Optional.of(Messages.text("startup.window.gtk"));
            }
            if (lower.contains("unable to open display") || lower.contains("cannot open display")
                    || (linux && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY")))) {
                return Optional.of(Messages.text("startup.window.display"));
            }
            if (lower.contains("no suitable pipeline") || lower.contains("quantumrenderer")) {
                return Optional.of(Messages.text("startup.window.graphics"));
            }
            if (t instanceof UnsatisfiedLinkError) {
                return Optional.of(Messages.format("startup.window.library", message));
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
