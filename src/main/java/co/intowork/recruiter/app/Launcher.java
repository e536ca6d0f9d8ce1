package co.intowork.recruiter.app;

import co.intowork.recruiter.settings.AppPaths;

/**
 * The jar's main class. It is deliberately not the JavaFX Application subclass, so the app runs from a plain
 * class path; with arguments it is the command line, without it opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty("intowork.logDir") == null) {
            System.setProperty("intowork.logDir", AppPaths.system().logDir().toString());
        }
        if (args.length == 0) {
            RecruiterApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
