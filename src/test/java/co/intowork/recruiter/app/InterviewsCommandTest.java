package co.intowork.recruiter.app;

import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code interviews export} through the command line as a client login: the file parsed back with ical4j. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterviewsCommandTest {
    static final String LOGIN = "interviews_cli";

    @TempDir
    Path temp;

    TestDatabase.Db db;
    String url;
    SettingsLoader settings;

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("interviews_cli");
        try (Connection admin = db.superuser().getConnection(); var s = admin.createStatement()) {
            s.execute("SELECT recruiter.create_client_login('" + LOGIN + "')");
            // written as the web writes them: Anne and Albert on Alpha's, Bruno on Beta's; one canceled
            s.execute("INSERT INTO public.interview_schedules (application_id, created_by_user_id, title,"
                    + " scheduled_at, duration_minutes, timezone, interviewers, candidate_email, status, location)"
                    + " VALUES (101, 1, 'Anne''s', date_trunc('day', now()) + interval '2 days 9 hours', 60,"
                    + " 'Africa/Libreville', '[{\"user_id\": 1, \"name\": \"Anne Alpha\", \"email\": \"anne@alpha.example\"}]',"
                    + " 'chloe@example.com', 'SCHEDULED', 'Libreville'),"
                    + " (121, 2, 'Albert''s', date_trunc('day', now()) + interval '3 days 9 hours', 30,"
                    + " 'Africa/Libreville', '[{\"user_id\": 2, \"name\": \"Albert Alpha\", \"email\": \"albert@alpha.example\"}]',"
                    + " 'camille@example.com', 'CANCELED', 'Libreville'),"
                    + " (201, 3, 'Bruno''s', date_trunc('day', now()) + interval '2 days 9 hours', 60,"
                    + " 'Africa/Dakar', '[{\"user_id\": 1, \"name\": \"Anne Alpha\", \"email\": \"anne@alpha.example\"}]',"
                    + " 'claude@example.com', 'SCHEDULED', 'Dakar')");
        }
        url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @BeforeEach
    void isolate() {
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        settings = new SettingsLoader(paths, Map.of());
        StatsCommand.environment = name -> StatsCommand.PASSWORD_VARIABLE.equals(name) ? TwoCompanies.PASSWORD : null;
    }

    @AfterEach
    void restore() {
        StatsCommand.environment = System::getenv;
    }

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("interviews", "export"));
        all.addAll(List.of(args));
        all.addAll(List.of("--jdbc-url", url, "--user", LOGIN));
        CommandLine cl = Cli.commandLine(settings);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> summaries(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            Calendar calendar = new CalendarBuilder().build(in);
            return calendar.getComponents("VEVENT").stream()
                    .map(e -> e.getProperty(Property.SUMMARY).map(Property::getValue).orElse("")).sorted().toList();
        }
    }

    @Test
    void myInterviewsByDefaultAndTheCompanysWithAll() throws Exception {
        Path mine = temp.resolve("mine.ics");
        Run run = run("--email", TwoCompanies.ANNE, "--ics", mine.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote 1 interview");
        // Bruno's names Anne too, but it is Beta's: never hers to see
        assertThat(summaries(mine)).containsExactly("Anne's");

        Path company = temp.resolve("all.ics");
        Run all = run("--email", TwoCompanies.ANNE, "--all", "--ics", company.toString());
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(summaries(company)).as("the fixture's own, today, too").containsExactly("Albert's", "Alpha interview", "Anne's");
        assertThat(Files.readString(company)).contains("METHOD:REQUEST").contains("STATUS:CANCELLED");
    }

    @Test
    void aPeriodBeforeTheInterviewsExportsNone() throws Exception {
        Path file = temp.resolve("none.ics");
        Run run = run("--email", TwoCompanies.ANNE, "--from", "2020-01-01", "--to", "2020-01-31", "--ics",
                file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(summaries(file)).isEmpty();
        Run backwards = run("--email", TwoCompanies.ANNE, "--from", "2026-02-01", "--to", "2026-01-01", "--ics",
                file.toString());
        assertThat(backwards.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(backwards.err()).contains("before --from");
    }
}
