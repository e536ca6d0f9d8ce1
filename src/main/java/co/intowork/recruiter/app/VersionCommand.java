package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.common.db.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Prints the app version; with --verbose also the settings in force and the database it reaches.")
final class VersionCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-v", "--verbose"}, description = "Also connect and show settings, server and schema version.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("IntoWork Recruiter " + BuildInfo.version());
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        // IT's first question about an installed copy: is it running on its own runtime or on some system Java?
        out.println("Runtime: " + System.getProperty("java.home"));
        String installedAt = System.getProperty("jpackage.app-path");
        if (installedAt != null) {
            out.println("Launcher: " + installedAt);
        }
        if (!verbose) {
            out.flush();
            return 0;
        }
        var settings = connection.resolved();
        ConfigCommand.printSettings(out, settings, connection.paths());
        try (Database db = DatabaseConnector.open(settings, connection.paths(), Mappers.all(), () -> false,
                msg -> { })) {
            Migrator.Status status = new Migrator(db.dataSource()).inspect();
            out.println("Database:        " + db.target().label());
            out.println("Server version:  PostgreSQL " + db.serverVersion());
            out.println("Schema:          " + status.state() + ", version " + status.currentVersion()
                    + " (this app knows up to " + status.latestVersion() + ")");
            status.pending().forEach(p -> out.println("  pending:       " + p));
        }
        out.flush();
        return 0;
    }
}
