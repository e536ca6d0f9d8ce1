package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.admin.DoctorReport;
import co.intowork.recruiter.common.db.admin.DoctorService;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks the database for IT: connectivity, TLS, server and schema version, pending "
                + "migrations, missing or invalid indexes, NOT VALID constraints, cache hit ratio, sizes, unused "
                + "indexes and the slowest statements.",
                "Exit code 0 when healthy, 3 when something needs attention, 1 when the database cannot be reached."})
final class DoctorCommand implements Callable<Integer> {
    static final int EXIT_WARNINGS = 3;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DoctorReport report;
        try (Database db = connection.open(msg -> { })) {
            report = new DoctorService(db.dataSource()).check();
            if (!json) {
                out.println("Database: " + db.target().label());
            }
        } catch (RuntimeException e) {
            if (!json) {
                throw e;
            }
            out.println("{\"connected\": false, \"connection_error\": "
                    + new ObjectMapper().writeValueAsString(SqlErrors.describe(e)) + "}");
            out.flush();
            return Cli.EXIT_FAILURE;
        }
        if (json) {
            Cli.printJson(out, report);
        } else {
            report.describe().forEach(out::println);
        }
        out.flush();
        if (!report.connected()) {
            return Cli.EXIT_FAILURE;
        }
        return report.healthy() ? 0 : EXIT_WARNINGS;
    }
}
