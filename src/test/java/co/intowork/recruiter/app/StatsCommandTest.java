package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stats} end to end through the command line, as a client login under row-level security, on the
 * statistics fixture (figures worked out by hand in StatsServiceTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsCommandTest {
    static final String LOGIN = "stats_cli";

    @TempDir
    Path temp;

    TestDatabase.Db db;
    String url;
    SettingsLoader settings;
    InputStream originalIn;

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("stats_cli");
        try (Connection admin = db.superuser().getConnection(); var s = admin.createStatement()) {
            MigratedDatabases.runScript(admin, "/co/intowork/recruiter/stats/stats-fixture.sql");
            s.execute("SELECT recruiter.create_client_login('" + LOGIN + "')");
        }
        url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @BeforeEach
    void isolate() {
        originalIn = System.in;
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        settings = new SettingsLoader(paths, Map.of());
        StatsCommand.environment = name -> null;
    }

    @AfterEach
    void restore() {
        System.setIn(originalIn);
        StatsCommand.environment = System::getenv;
    }

    @AfterAll
    void tearDown() {
        StatsCommand.environment = System::getenv;
    }

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("stats"));
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

    @Test
    void jsonForTheCompanyWithThePasswordFromTheEnvironment() throws Exception {
        StatsCommand.environment = name -> StatsCommand.PASSWORD_VARIABLE.equals(name) ? TwoCompanies.PASSWORD : null;
        Run run = run("--email", TwoCompanies.ANNE, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("active_jobs", "applications", "new",
                "in_interview", "accepted", "rejected", "response_rate", "funnel");
        assertThat(json.get("active_jobs").asLong()).isEqualTo(2);
        assertThat(json.get("applications").asLong()).isEqualTo(8);
        assertThat(json.get("new").asLong()).isEqualTo(2);
        assertThat(json.get("in_interview").asLong()).isEqualTo(1);
        assertThat(json.get("accepted").asLong()).isEqualTo(1);
        assertThat(json.get("rejected").asLong()).isEqualTo(2);
        assertThat(json.get("response_rate").asDouble()).isEqualTo(0.75);
        JsonNode funnel = json.get("funnel");
        assertThat(funnel.fieldNames()).toIterable().containsExactly("applied", "viewed", "shortlisted", "interview",
                "accepted");
        assertThat(List.of(funnel.get("applied").asLong(), funnel.get("viewed").asLong(),
                funnel.get("shortlisted").asLong(), funnel.get("interview").asLong(), funnel.get("accepted").asLong()))
                .containsExactly(8L, 5L, 4L, 3L, 1L);
    }

    @Test
    void passwordFromStandardInputWithJobAndPeriod() throws Exception {
        System.setIn(new ByteArrayInputStream((TwoCompanies.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        Run run = run("--email", TwoCompanies.ANNE, "--job", "11", "--from", "2026-01-01", "--to", "2026-01-31",
                "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        // job 11 in January: 301..305
        assertThat(json.get("applications").asLong()).isEqualTo(5);
        assertThat(json.get("active_jobs").asLong()).isEqualTo(1);
        assertThat(json.get("response_rate").asDouble()).isEqualTo(0.8);
        assertThat(json.get("funnel").get("interview").asLong()).isEqualTo(3);
    }

    @Test
    void refusalsAreOneSentence() {
        StatsCommand.environment = name -> StatsCommand.PASSWORD_VARIABLE.equals(name) ? TwoCompanies.PASSWORD : null;
        Run otherCompanysJob = run("--email", TwoCompanies.ANNE, "--job", "21", "--json");
        assertThat(otherCompanysJob.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(otherCompanysJob.err()).contains("Job 21 is not one of the jobs");
        Run backwards = run("--email", TwoCompanies.ANNE, "--from", "2026-02-01", "--to", "2026-01-01");
        assertThat(backwards.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(backwards.err()).contains("is before --from");

        StatsCommand.environment = name -> null;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Run noPassword = run("--email", TwoCompanies.ANNE);
        assertThat(noPassword.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(noPassword.err()).contains("INTOWORK_PASSWORD");
    }

    @Test
    void helpListsTheOptionsAndWhereThePasswordComesFrom() {
        CommandLine cl = Cli.commandLine(settings);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("stats", "--help")).isZero();
        // the person's password is read from INTOWORK_PASSWORD or stdin; --password is the database login's (the
        // connection flags every command shares)
        assertThat(out.toString()).contains("--email", "--job", "--from", "--to", "--json", "INTOWORK_PASSWORD");
    }

    @Test
    void textReportForAHiringManager() {
        StatsCommand.environment = name -> StatsCommand.PASSWORD_VARIABLE.equals(name) ? TwoCompanies.PASSWORD : null;
        Run run = run("--email", TwoCompanies.HUGO);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Applications     6").contains("Active jobs      1")
                .contains("Not yet viewed   ").doesNotContain("New ");
    }
}
