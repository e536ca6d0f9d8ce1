package co.intowork.recruiter.app;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The jar's main class. It is deliberately not the JavaFX Application subclass, so the app runs from a plain
 * class path; with arguments it is the command line, without it opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // before any class with a logger loads (SettingsLoader has one): logging starts with the first logger and
        // would otherwise write to the temporary folder
        if (System.getProperty("intowork.logDir") == null) {
            System.setProperty("intowork.logDir", AppPaths.system().logDir().toString());
        }
        // the one reading of this computer's settings: the window and the commands are handed it
        SettingsLoader settings = SettingsLoader.system();
        if (args.length == 0) {
            // the embedded database opens while JavaFX starts, not after the window shows
            CompositionRoot.openEmbeddedEarly(settings);
            try {
                RecruiterApp.launchApp(settings, args);
            } catch (RuntimeException | LinkageError e) {
                System.exit(windowFailed(settings, e));
            }
            return;
        }
        System.exit(Cli.run(settings, args));
    }

    /**
     * The window could not open: the sentence on standard error (and in a message box when started from a desktop
     * menu, with no terminal, and the system can still show one), the stack trace in the log only.
     */
    private static int windowFailed(SettingsLoader settings, Throwable failure) {
        Messages.use(Messages.chooseLocale(CompositionRoot.languageSetting(settings), Locale.getDefault()));
        String sentence = WindowStartFailure.explain(failure, System.getProperty("os.name"), System.getenv())
                .orElseGet(() -> Messages.format("startup.window.other", String.valueOf(failure.getMessage())));
        LoggerFactory.getLogger(Launcher.class).error("JavaFX could not start: {}", failure.toString(), failure);
        System.err.println(sentence);
        System.err.println(Messages.format("startup.window.log", settings.paths().logDir().resolve("intowork-recruiter.log")));
        if (System.console() == null && !java.awt.GraphicsEnvironment.isHeadless()) {
            try {
                // AWT draws through X11 itself, without GTK: it can still say what is missing
                String wrapped = "<html><body style='width: 440px'>" + sentence.replace("&", "&amp;").replace("<", "&lt;")
                        + "</body></html>";
                javax.swing.JOptionPane.showMessageDialog(null, wrapped, "IntoWork Recruiter",
                        javax.swing.JOptionPane.ERROR_MESSAGE);
            } catch (Throwable ignored) {
                // standard error and the log already have it
            }
        }
        return 2;
    }
}
