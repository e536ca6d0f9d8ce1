package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.admin.MaintenanceReport;
import co.intowork.recruiter.common.db.admin.MaintenanceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Housekeeping for IT, e.g. nightly: purges expired sessions and tokens, archives old "
                + "notifications, delivers candidates' notifications no client delivered, validates rules whose violating rows were fixed, refreshes the job summary.")
final class MaintainCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--read-retention-days", defaultValue = "" + MaintenanceService.DEFAULT_READ_RETENTION_DAYS,
            description = "Archive read notifications older than this (default ${DEFAULT-VALUE}).")
    int readRetentionDays;

    @Option(names = "--unread-retention-days", defaultValue = "" + MaintenanceService.DEFAULT_UNREAD_RETENTION_DAYS,
            description = "Archive unread notifications older than this (default ${DEFAULT-VALUE}).")
    int unreadRetentionDays;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceReport report;
        try (Database db = connection.open(msg -> { })) {
            report = new MaintenanceService(db.dataSource()).run(readRetentionDays, unreadRetentionDays);
            if (!json) {
                out.println("Database: " + db.target().label());
            }
        }
        if (json) {
            Cli.printJson(out, report);
        } else {
            report.describe().forEach(out::println);
        }
        out.flush();
        return report.succeeded() ? 0 : Cli.EXIT_FAILURE;
    }
}
