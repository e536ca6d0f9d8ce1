package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedSchemaStamp;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.seed.DemoCvs;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.seed.TableCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Fills an empty, migrated database with demo data (francophone Africa: companies, "
                + "recruiters, jobs, candidates, applications, notifications).")
final class SeedCommand implements Callable<Integer> {
    enum Scale { demo, large }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "demo", description = "How much data: ${COMPLETION-CANDIDATES} "
            + "(large: 100k users, 5k companies, 100k jobs, 1M applications, 2M notifications, for benchmarks; "
            + "takes minutes and needs a superuser; developer builds only).")
    Scale scale;

    @Option(names = "--random-seed", defaultValue = "42", description = "Same seed, same data (default ${DEFAULT-VALUE}).")
    int randomSeed;

    @Option(names = "--anchor-date", paramLabel = "YYYY-MM-DD",
            description = "The 'today' the demo dates are relative to (default: today).")
    LocalDate anchorDate;

    @Option(names = "--cv-folder", paramLabel = "DIR",
            description = "Write the demo candidates' PDF CVs into DIR and point their CVs at them (file: "
                    + "addresses, for this computer). Default: the app's data folder for the embedded database; "
                    + "none for a server (the CVs then point at an address that does not exist).")
    Path cvFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // the large seed's mappers come with the developer tools and are registered only for this command
        List<Class<?>> extra = scale == Scale.large
                ? DeveloperTools.installed().map(DeveloperTools::mappers).orElse(List.of()) : List.of();
        try (Database db = connection.open(msg -> out.println("… " + msg), extra)) {
            // the embedded database's stamp stands for Flyway's check, as at the window's start
            Migrator.Status status = db.isEmbedded()
                    ? EmbeddedSchemaStamp.version(db.embeddedDataDir()).map(EmbeddedSchemaStamp::upToDate)
                            .orElseGet(() -> new Migrator(db.dataSource()).inspect())
                    : new Migrator(db.dataSource()).inspect();
            if (!status.upToDate()) {
                throw new UserFacingException("The database schema is not up to date (" + status.state() + ", "
                        + "version " + status.currentVersion() + "). Run `intowork-recruiter migrate` first.");
            }
            if (scale == Scale.large) {
                DeveloperTools tools = DeveloperTools.installed().orElseThrow(() -> new UserFacingException(
                        "The large data set is a developer tool, not part of the installed app: run it from a "
                                + "build of the source (mvn -B package, then java -jar target/intowork-recruiter.jar "
                                + "seed --scale large)."));
                return tools.seedLarge(db, out, randomSeed, anchorDate);
            }
            DemoSeeder.Options options = DemoSeeder.Options.demo(randomSeed);
            if (anchorDate != null) {
                options = new DemoSeeder.Options(randomSeed, anchorDate.atStartOfDay().atOffset(ZoneOffset.UTC),
                        options.candidates(), options.jobs(), options.maxApplicationsPerJob());
            }
            Path cvs = cvFolder != null ? cvFolder : db.isEmbedded() ? DemoCvs.folder(connection.paths()) : null;
            if (cvs != null) {
                options = options.withCvFolder(cvs);
            }
            long started = System.nanoTime();
            DemoSeeder.Report report = new DemoSeeder(db.unitOfWork()).seed(options, step -> {
                out.println("… " + step.describe());
                out.flush();
            });
            out.printf("Demo data loaded in %.1f s into %s:%n", (System.nanoTime() - started) / 1e9,
                    db.target().label());
            if (cvs != null) {
                long writing = System.nanoTime();
                int written = DemoCvs.write(cvs, DemoCvs.profiles(db.unitOfWork(), cvs));
                out.printf("%,d CV files written to %s in %.1f s%n", written, cvs, (System.nanoTime() - writing) / 1e9);
            }
            for (TableCount c : report.counts()) {
                out.printf("  %-18s %,9d%n", c.tableName(), c.rowCount());
            }
            out.println("Demo recruiter logins (password for all: " + DemoSeeder.DEMO_RECRUITER_PASSWORD + "):");
            for (DemoLogin login : report.logins()) {
                out.printf("  %-36s %s, %s%n", login.email(), login.fullName(), login.company());
            }
            out.flush();
            return 0;
        }
    }
}
