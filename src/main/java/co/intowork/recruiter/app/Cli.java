package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.settings.SettingsException;
import co.intowork.recruiter.settings.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "intowork-recruiter", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "IntoWork Recruiter: the desktop client for employers on INTOWORK. Without a command it opens "
                + "the app.",
        subcommands = {MigrateCommand.class, SeedCommand.class, VersionCommand.class, ConfigCommand.class,
                DoctorCommand.class, MaintainCommand.class, ClientLoginCommand.class, StatsCommand.class,
                SyncCommand.class, InterviewsCommand.class, WatchCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    public static final int EXIT_FAILURE = 1;

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"IntoWork Recruiter " + BuildInfo.version()};
        }
    }

    /**
     * The command line over {@code settings}: picocli builds every command and its {@link ConnectionOptions}
     * through {@link #factory}, which hands the options these settings (tests pass their own paths and environment).
     */
    public static CommandLine commandLine(SettingsLoader settings) {
        CommandLine cl = new CommandLine(new Cli(), factory(settings));
        // bench and the large seed: only in a developer build (decision 0017)
        DeveloperTools.installed().ifPresent(tools -> tools.commands().forEach(cl::addSubcommand));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message;
            if (ex instanceof SettingsException || ex instanceof UserFacingException) {
                message = ex.getMessage();
            } else {
                message = SqlErrors.describe(ex);
            }
            log.error("Command '{}' failed: {}", commandLine.getCommandName(), message, ex);
            err.println("Error: " + message);
            err.flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    /** Reports of doctor, maintain and later stats share one JSON shape: indented, field names as declared. */
    static void printJson(PrintWriter out, Object report) throws com.fasterxml.jackson.core.JsonProcessingException {
        out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    public static int run(SettingsLoader settings, String... args) {
        return commandLine(settings).execute(args);
    }

    /** Picocli's own factory, except that the connection flags of every command come with the settings. */
    static CommandLine.IFactory factory(SettingsLoader settings) {
        CommandLine.IFactory standard = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ConnectionOptions.class) {
                    return type.cast(new ConnectionOptions(settings));
                }
                return standard.create(type);
            }
        };
    }
}
