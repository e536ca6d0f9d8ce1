package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedSchemaStamp;
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
    /** {@code --status}: a migration failed or stopped midway (scripts can wait for IT before going on). */
    static final int EXIT_FAILED_MIGRATION = 3;
    /** {@code --status}: a database that {@code migrate --baseline} would refuse. */
    static final int EXIT_CANNOT_ADOPT = 4;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--baseline", description = "Adopt an existing INTOWORK platform database as version 1.")
    boolean baseline;

    @Option(names = "--target", paramLabel = "N", description = "Stop at schema version N (for staged rollouts).")
    String target;

    @Option(names = "--status", description = {"Only show the schema version, pending and failed migrations and, "
            + "before adoption, how the platform's schema differs.",
            "Exit code 3: a migration failed or stopped midway; 4: the database cannot be adopted as it is."})
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
                s.failures().forEach(f -> out.println("  FAILED: " + f));
                s.pending().forEach(p -> out.println("  pending: " + p));
                s.adoptedDifferences().forEach(d -> out.println("  differs (adoptable): " + d));
                s.problems().forEach(p -> out.println("  cannot adopt: " + p));
                if (s.failed()) {
                    out.println("A migration failed or stopped midway; the schema is partly upgraded. Remove the "
                            + "cause shown above, then run `intowork-recruiter migrate` again.");
                    out.flush();
                    return EXIT_FAILED_MIGRATION;
                }
                if (!s.problems().isEmpty() || s.state() == Migrator.State.FOREIGN) {
                    out.flush();
                    return EXIT_CANNOT_ADOPT;
                }
                return 0;
            }
            if (db.isEmbedded()) {
                // a migration that stops midway leaves no stamp: the next start checks with Flyway
                EmbeddedSchemaStamp.clear(db.embeddedDataDir());
            }
            Migrator.Result r = migrator.migrate(baseline, target, msg -> out.println("… " + msg));
            if (db.isEmbedded() && target == null) {
                EmbeddedSchemaStamp.record(db.embeddedDataDir(), r.toVersion());
            }
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
