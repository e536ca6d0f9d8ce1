package co.intowork.recruiter.app;

import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command line with its settings and data folder in a temporary folder, standard input as a test gives it;
 * {@link #close()} puts standard input back.
 */
final class IsolatedCli implements AutoCloseable {
    record Run(int exit, String out, String err) {
    }

    private final SettingsLoader settings;    private final InputStream stdin = System.in;

    IsolatedCli(Path temp) {
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        this.settings = new SettingsLoader(paths, Map.of());
    }

    /** The settings the commands are given (the temporary folder's). */
    SettingsLoader settings() {
        return settings;
    }

    Run run(String... args) {
        CommandLine cl = Cli.commandLine(settings);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** With {@code line} as the first line of standard input (a password for --password-stdin). */
    Run runWithInput(String line, String... args) {
        System.setIn(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return run(args);
    }

    @Override
    public void close() {
        System.setIn(stdin);
    }
}
