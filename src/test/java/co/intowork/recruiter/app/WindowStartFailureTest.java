package co.intowork.recruiter.app;

import co.intowork.recruiter.common.ui.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What JavaFX throws when the system lacks what it needs, turned into what to install (the messages seen in the field). */
class WindowStartFailureTest {
    private static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");

    @AfterEach
    void english() {
        Messages.use(Locale.UK);
    }

    @Test
    void gtkMissingOnLinuxSaysWhatToInstallInBothLanguages() {
        // JavaFX 21 on Debian 12 without libgtk-3-0, as thrown out of Application.launch
        var failure = new UnsupportedOperationException("Unable to load glass GTK library.");
        Messages.use(Locale.UK);
        assertThat(WindowStartFailure.explain(failure, "Linux", DESKTOP)).hasValueSatisfying(s -> assertThat(s)
                .contains("GTK 3").contains("apt-get install libgtk-3-0").contains("dnf install gtk3"));
        Messages.use(Locale.FRANCE);
        assertThat(WindowStartFailure.explain(failure, "Linux", DESKTOP)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("IntoWork Recruiter ne peut pas ouvrir sa fenêtre").contains("libgtk-3-0"));
    }

    @Test
    void noDisplayNoPipelineAndOtherNativeLibraries() {
        assertThat(WindowStartFailure.explain(new UnsupportedOperationException("Unable to open DISPLAY"),
                "Linux", DESKTOP)).hasValueSatisfying(s -> assertThat(s).contains("no graphical display"));
        assertThat(WindowStartFailure.explain(new RuntimeException("Internal error"), "Linux", Map.of()))
                .hasValueSatisfying(s -> assertThat(s).contains("no graphical display"));
        assertThat(WindowStartFailure.explain(new RuntimeException("Error initializing QuantumRenderer: no suitable"
                + " pipeline found"), "Windows 11", Map.of())).hasValueSatisfying(s -> assertThat(s)
                .contains("-Dprism.order=sw"));
        assertThat(WindowStartFailure.explain(new RuntimeException("launch", new UnsatisfiedLinkError(
                "libprism_es2.so: libGL.so.1: cannot open shared object file")), "Linux", DESKTOP))
                .hasValueSatisfying(s -> assertThat(s).contains("libGL.so.1"));
        // a bug of the app itself is not blamed on the system
        assertThat(WindowStartFailure.explain(new IllegalStateException("Not on FX application thread"), "Linux",
                DESKTOP)).isEmpty();
        assertThat(WindowStartFailure.explain(new IllegalStateException("x"), "Mac OS X", Map.of())).isEmpty();
    }
}
