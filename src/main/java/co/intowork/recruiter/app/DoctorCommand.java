package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.admin.DoctorReport;
import co.intowork.recruiter.common.db.admin.DoctorService;
import co.intowork.recruiter.live.LiveSelfTest;
import co.intowork.recruiter.settings.SettingKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        LiveSelfTest.Result live;
        try (Database db = connection.open(msg -> { })) {
            report = new DoctorService(db.dataSource()).check();
            // the live board's way of hearing of changes (decision 0021): what a client in live.mode=auto chooses
            live = LiveSelfTest.probe(db.dataSource(),
                    connection.resolved().get(SettingKey.LIVE_LISTEN_URL).orElse(null));
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
            ObjectNode tree = new ObjectMapper().valueToTree(report);
            ObjectNode liveNode = tree.putObject("live_board");
            liveNode.put("mode", live.listenWorks() ? "listen" : "poll");
            liveNode.put("self_test_ms", live.millis());
            liveNode.put("detail", live.describe());
            Cli.printJson(out, tree);
        } else {
            report.describe().forEach(out::println);
            out.println(live.describe());
        }
        out.flush();
        if (!report.connected()) {
            return Cli.EXIT_FAILURE;
        }
        return report.healthy() ? 0 : EXIT_WARNINGS;
    }
}
