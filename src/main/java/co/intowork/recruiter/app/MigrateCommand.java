package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Brings the database schema up to date (or to --target).",
                "On the platform's existing database, which has never been migrated by this client, run once with "
                        + "--baseline: it is recorded as version 1 and the later migrations are applied, keeping "
                        + "every row."})
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--baseline", description = "Adopt an existing INTOWORK platform database as version 1.")
    boolean baseline;

    @Option(names = "--target", paramLabel = "N", description = "Stop at schema version N (for staged rollouts).")
    String target;

    @Option(names = "--status", description = "Only show the schema version and pending migrations.")
    boolean statusOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = connection.open(msg -> out.println("… " + msg))) {
            Migrator migrator = new Migrator(db.dataSource());
            out.println("Database: " + db.target().label());
            if (statusOnly) {
                Migrator.Status s = migrator.inspect();
                out.println("State: " + s.state() + ", schema version " + s.currentVersion() + ", latest "
                        + s.latestVersion());
                s.pending().forEach(p -> out.println("  pending: " + p));
                return 0;
            }
            Migrator.Result r = migrator.migrate(baseline, target, msg -> out.println("… " + msg));
            if (r.baselined()) {
                out.println("Adopted the existing platform schema as version 1.");
            }
            out.println(r.applied() == 0 ? "Schema already at version " + r.toVersion() + "; nothing to do."
                    : "Applied " + r.applied() + " migration(s): schema now at version " + r.toVersion() + ".");
            out.flush();
            return 0;
        }
    }
}
