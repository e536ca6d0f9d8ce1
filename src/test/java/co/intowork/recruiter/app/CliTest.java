package co.intowork.recruiter.app;

import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line end to end against the embedded test server: what each command prints, its exit code, and
 * that a refusal changes nothing.
 */
class CliTest {
    private static final Pattern APPLIED = Pattern.compile("Applied (\\d+) migration\\(s\\): schema now at version (\\S+)\\.");

    @TempDir
    Path temp;

    private static SettingsLoader settings;
    private Path userFile;
    private Path machineFile;
    private AppPaths paths;

    record Run(int exit, String out, String err) {
        /** The line of {@code config}'s table for one setting. */
        String settingLine(String property) {
            return out.lines().filter(l -> l.trim().startsWith(property + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + property + " in:\n" + out));
        }
    }

    @BeforeEach
    void isolateSettings() {
        userFile = temp.resolve("user/recruiter.properties");
        machineFile = temp.resolve("machine/recruiter.properties");
        paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", machineFile.toString(),
                "INTOWORK_USER_CONFIG", userFile.toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        settings = new SettingsLoader(paths, Map.of());
    }

    @AfterEach
    void restoreSettings() {
    }

    private static Run run(String... args) {
        CommandLine cl = Cli.commandLine(settings);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] with(TestDatabase.Db db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--jdbc-url", db.jdbcUrl(), "--user", db.user()));
        return all.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void exec(TestDatabase.Db db, String... sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static List<String> strings(TestDatabase.Db db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static boolean recruiterSchemaExists(TestDatabase.Db db) throws SQLException {
        return strings(db, "SELECT to_regnamespace('recruiter') IS NOT NULL").equals(List.of("t"));
    }

    /** Successful versioned migrations in Flyway's history, in order. */
    private static List<String> appliedVersions(TestDatabase.Db db) throws SQLException {
        return strings(db, "SELECT version FROM recruiter.flyway_schema_history WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank");
    }

    private static String v1Sql() throws IOException {
        try (InputStream in = CliTest.class.getResourceAsStream("/db/migration/V1__platform_schema.sql")) {
            assertThat(in).as("V1 on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The platform as the web app left it: V1's objects and some rows, but no Flyway history. */
    private static TestDatabase.Db unadoptedPlatformDatabase() throws Exception {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_platform");
        exec(db, v1Sql(),
                "INSERT INTO public.companies (name, city, country, is_verified) VALUES ('Sahel Logistique', 'Dakar', 'SN', true)",
                "INSERT INTO public.users (email, role, first_name, last_name, is_active, password_hash)"
                        + " VALUES ('awa.ndiaye@sahel-logistique.sn', 'EMPLOYER', 'Awa', 'Ndiaye', true, '$2b$12$x')",
                "INSERT INTO public.employers (user_id, company_id, position, is_admin)"
                        + " SELECT u.id, c.id, 'DRH', true FROM public.users u, public.companies c",
                "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type, status,"
                        + " salary_min, salary_max, currency, country)"
                        + " SELECT e.id, e.company_id, 'Chef de quai', 'Supervision des quais', 'full_time', 'onsite',"
                        + " 'published', 250000, 400000, 'XOF', 'SN' FROM public.employers e");
        return db;
    }

    private static final List<String> PLATFORM_TABLES = List.of("companies", "users", "employers", "jobs");

    /** The columns V1 gave the four tables (later migrations may add columns; they must not touch these). */
    private static Map<String, String> v1Columns(TestDatabase.Db db) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String table : PLATFORM_TABLES) {
            columns.put(table, String.join(", ", strings(db, "SELECT quote_ident(attname) FROM pg_attribute"
                    + " WHERE attrelid = 'public." + table + "'::regclass AND attnum > 0 AND NOT attisdropped"
                    + " ORDER BY attnum")));
        }
        return columns;
    }

    /** Every row of the four tables, as text, over the given columns. */
    private static Map<String, List<String>> platformRows(TestDatabase.Db db, Map<String, String> columns)
            throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : PLATFORM_TABLES) {
            rows.put(table, strings(db, "SELECT ROW(" + columns.get(table) + ")::text FROM public." + table
                    + " ORDER BY id"));
        }
        return rows;
    }

    private static TestDatabase.Db migratedDatabase(String purpose) {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase(purpose);
        Run r = run(with(db, "migrate"));
        assertThat(r.exit()).as(r.err()).isZero();
        return db;
    }

    // --------------------------------------------------------------------------------------------------- help

    @Test
    void everyCommandHasHelpThatListsItsOptions() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("migrate", List.of("--baseline", "--target", "--status", "--jdbc-url", "--user", "--password",
                "--sslmode", "--sslrootcert"));
        options.put("seed", List.of("--scale", "--random-seed", "--anchor-date", "--cv-folder", "--jdbc-url", "--user"));
        options.put("version", List.of("--verbose", "--jdbc-url"));
        options.put("config", List.of("--jdbc-url", "--user", "--password"));
        options.forEach((command, expected) -> {
            Run r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: intowork-recruiter " + command).contains(expected);
            assertThat(r.err()).as(command).isEmpty();
            Run viaHelp = run("help", command);
            assertThat(viaHelp.exit()).as("help " + command).isZero();
            assertThat(viaHelp.out()).as("help " + command).contains(expected);
        });
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("migrate", "seed", "version", "config");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAnotherExitCode() {
        Run r = run("migrate", "--bogus");
        assertThat(r.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    // ------------------------------------------------------------------------------------------------ migrate

    @Test
    void migrateAppliesEverythingOnAnEmptyDatabaseThenHasNothingToDo() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_migrate");

        Run first = run(with(db, "migrate"));
        assertThat(first.exit()).as(first.err()).isZero();
        Matcher m = APPLIED.matcher(first.out());
        assertThat(m.find()).as(first.out()).isTrue();
        List<String> versions = appliedVersions(db);
        assertThat(versions).startsWith("1");
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(versions.size());
        assertThat(m.group(2)).isEqualTo(versions.get(versions.size() - 1));
        assertThat(strings(db, "SELECT to_regclass('public.job_applications') IS NOT NULL")).containsExactly("t");
        assertThat(first.out()).contains("Database: localhost:");

        Run second = run(with(db, "migrate"));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Schema already at version " + m.group(2) + "; nothing to do.")
                .doesNotContain("Applied");
        assertThat(appliedVersions(db)).isEqualTo(versions);
    }

    @Test
    void migrateStatusShowsStateAndPendingWithoutChangingAnything() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_status");

        Run before = run(with(db, "migrate", "--status"));
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("State: EMPTY, schema version none")
                .contains("  pending: 1 platform schema");
        assertThat(recruiterSchemaExists(db)).as("--status must not create anything").isFalse();
        assertThat(strings(db, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
                .containsExactly("0");

        assertThat(run(with(db, "migrate")).exit()).isZero();
        List<String> versions = appliedVersions(db);
        String latest = versions.get(versions.size() - 1);

        Run after = run(with(db, "migrate", "--status"));
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("State: MANAGED, schema version " + latest + ", latest " + latest)
                .doesNotContain("pending:");
    }

    @Test
    void aFailedMigrationShowsItsCauseAndStatusExitsNonZeroUntilARerunFinishes() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_failed");
        assertThat(run(with(db, "migrate", "--target", "15")).exit()).isZero();
        exec(db, "CREATE FUNCTION recruiter.purge_expired_sessions() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$");

        Run failed = run(with(db, "migrate"));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).startsWith("Error: Migration V16 (housekeeping) failed: cannot change return type")
                .contains("database is at version 15").doesNotContain("current transaction is aborted")
                .doesNotContain("Try again");

        Run status = run(with(db, "migrate", "--status"));
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("State: MANAGED, schema version 15")
                .contains("FAILED: ").contains("V16 housekeeping failed: cannot change return type")
                .contains("  pending: 16 housekeeping");

        exec(db, "DROP FUNCTION recruiter.purge_expired_sessions()");
        assertThat(run(with(db, "migrate")).exit()).isZero();
        Run after = run(with(db, "migrate", "--status"));
        assertThat(after.exit()).as(after.out()).isZero();
        assertThat(after.out()).doesNotContain("FAILED");
    }

    @Test
    void statusOfAPlatformDatabaseThatCannotBeAdoptedExitsFour() throws SQLException {
        TestDatabase.Db db = co.intowork.recruiter.common.db.shapes.PlatformShapes.build("cli_cannot_adopt",
                co.intowork.recruiter.common.db.shapes.PlatformShapes.Shape.CURRENT,
                "ALTER TABLE public.employers DROP CONSTRAINT employers_user_id_key");
        Run status = run(with(db, "migrate", "--status"));
        assertThat(status.exit()).isEqualTo(4);
        assertThat(status.out()).contains("cannot adopt: Table public.employers has no unique key on (user_id)")
                .contains("differs (adoptable): public.jobs.status is character varying(9)");
        Run refused = run(with(db, "migrate", "--baseline"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot be adopted").contains("nothing was changed");
        assertThat(recruiterSchemaExists(db)).isFalse();
    }

    @Test
    void migrateTargetStopsAtThatVersion() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_target");
        Run r = run(with(db, "migrate", "--target", "1"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("schema now at version 1.");
        assertThat(appliedVersions(db)).containsExactly("1");

        Run status = run(with(db, "migrate", "--status"));
        assertThat(status.out()).contains("State: MANAGED, schema version 1,");
    }

    @Test
    void anUnadoptedPlatformDatabaseIsRefusedUntilBaselineAndThenKeepsEveryRow() throws Exception {
        TestDatabase.Db db = unadoptedPlatformDatabase();
        Map<String, String> columns = v1Columns(db);
        Map<String, List<String>> rowsBefore = platformRows(db, columns);
        assertThat(rowsBefore.values()).allSatisfy(rows -> assertThat(rows).hasSize(1));

        Run status = run(with(db, "migrate", "--status"));
        assertThat(status.out()).contains("State: PLATFORM_UNMANAGED");

        Run refused = run(with(db, "migrate"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: ").contains("migrate --baseline").contains("nothing was changed");
        assertThat(refused.out()).doesNotContain("Applied");
        assertThat(recruiterSchemaExists(db)).isFalse();
        assertThat(platformRows(db, columns)).isEqualTo(rowsBefore);
        assertThat(v1Columns(db)).as("no column added by a refused migrate").isEqualTo(columns);

        Run adopted = run(with(db, "migrate", "--baseline"));
        assertThat(adopted.exit()).as(adopted.err()).isZero();
        assertThat(adopted.out()).contains("Adopted the existing platform schema as version 1.");
        assertThat(strings(db, "SELECT type || ' ' || version FROM recruiter.flyway_schema_history"
                + " ORDER BY installed_rank LIMIT 1")).containsExactly("BASELINE 1");
        // the migrations after V1 were applied on top of the adopted schema
        List<String> versions = appliedVersions(db);
        assertThat(versions.get(0)).isEqualTo("1");
        if (versions.size() > 1) {
            Matcher m = APPLIED.matcher(adopted.out());
            assertThat(m.find()).as(adopted.out()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(versions.size() - 1);
            assertThat(m.group(2)).isEqualTo(versions.get(versions.size() - 1));
        }
        assertThat(platformRows(db, columns)).isEqualTo(rowsBefore);

        Run again = run(with(db, "migrate"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to do");
        assertThat(platformRows(db, columns)).isEqualTo(rowsBefore);
    }

    @Test
    void aDatabaseThatIsNotIntoworkIsRefusedEvenWithBaseline() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_foreign");
        exec(db, "CREATE TABLE public.foo(id int)", "INSERT INTO public.foo VALUES (7)");

        for (String[] args : List.of(with(db, "migrate"), with(db, "migrate", "--baseline"))) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).contains("neither empty nor an INTOWORK platform database")
                    .contains("nothing was changed");
        }
        assertThat(recruiterSchemaExists(db)).isFalse();
        assertThat(strings(db, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
                .containsExactly("foo");
        assertThat(strings(db, "SELECT id::text FROM public.foo")).containsExactly("7");
    }

    // ------------------------------------------------------------------------------------- connection failures

    @Test
    void anUnreachableServerExitsOneWithASentenceAboutReachingIt() {
        for (String command : List.of("migrate", "seed", "version")) {
            List<String> args = new ArrayList<>(List.of(command, "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x"));
            if (command.equals("version")) {
                args.add("--verbose");
            }
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.err()).as(command).startsWith("Error: The database server could not be reached (")
                    .contains("Check that the address and port are right");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistExitsOneWithThe3D000Sentence() {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_nodb");
        String url = db.jdbcUrl().replace("/" + db.name() + "?", "/" + db.name() + "_missing?");
        assertThat(url).contains("_missing");
        Run r = run("migrate", "--jdbc-url", url, "--user", "postgres");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: The database named in the server address does not exist (")
                .contains(db.name() + "_missing")
                .contains("Check the database name in db.url.");
    }

    @Test
    void invalidSettingsExitOneWithTheSettingsMessage() throws IOException {
        Run notPostgres = run("migrate", "--jdbc-url", "jdbc:mysql://db.example.com/intowork");
        assertThat(notPostgres.exit()).isEqualTo(1);
        assertThat(notPostgres.err()).contains("must be a PostgreSQL JDBC URL");

        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "db.pool.size=lots\n");
        Run badFile = run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
        assertThat(badFile.exit()).isEqualTo(1);
        assertThat(badFile.err()).contains("db.pool.size").contains(userFile.toString()).contains("'lots'");
    }

    // ------------------------------------------------------------------------------------------------ version

    @Test
    void versionPrintsTheBuildVersionWithoutConnecting() {
        String version = BuildInfo.version();
        assertThat(version).as("filtered from the pom").matches("\\d+\\.\\d+\\.\\d+.*");
        // an unreachable server does not matter: plain `version` never connects
        Run r = run("version", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("IntoWork Recruiter " + version + System.lineSeparator())
                .contains("Java " + System.getProperty("java.version"))
                .doesNotContain("Server version");

        Run flag = run("--version");
        assertThat(flag.exit()).isZero();
        assertThat(flag.out().trim()).isEqualTo("IntoWork Recruiter " + version);
    }

    @Test
    void versionVerboseShowsSettingsServerAndSchemaVersion() throws SQLException {
        TestDatabase.Db db = migratedDatabase("cli_version");
        String serverVersion = strings(db, "SHOW server_version").get(0);
        List<String> versions = appliedVersions(db);
        String latest = versions.get(versions.size() - 1);

        Run r = run(with(db, "version", "--verbose"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("IntoWork Recruiter " + BuildInfo.version())
                .contains("Server version:  PostgreSQL " + serverVersion)
                .contains("Schema:          MANAGED, version " + latest + " (this app knows up to " + latest + ")")
                .contains("Database:        localhost:")
                .contains("/" + db.name());
        assertThat(r.settingLine("db.url")).contains(db.jdbcUrl()).contains("[command line]");
    }

    // ------------------------------------------------------------------------------------------------- config

    @Test
    void configShowsEachSettingWithItsSourceAndMasksThePassword() throws IOException {
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "db.user=recruteur_fichier\ndb.password=secret-from-file\ndb.pool.size=2\n");

        Run r = run("config", "--jdbc-url", "jdbc:postgresql://db.example.com:5432/intowork");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("User file:         " + userFile + System.lineSeparator())
                .contains("Machine-wide file: " + machineFile + " (absent)");
        assertThat(r.settingLine("db.url")).contains("jdbc:postgresql://db.example.com:5432/intowork")
                .contains("[command line]");
        assertThat(r.settingLine("db.user")).contains("recruteur_fichier")
                .contains("[user settings file — " + userFile + "]");
        assertThat(r.settingLine("db.pool.size")).contains(" 2 ").contains("[user settings file");
        assertThat(r.settingLine("db.password")).contains("********").contains("[user settings file");
        assertThat(r.settingLine("db.lock.timeout.ms")).contains("5000").contains("[built-in default]");
        assertThat(r.settingLine("db.sslrootcert")).contains("(not set)");
        assertThat(r.out()).doesNotContain("secret-from-file").doesNotContain("No server configured");

        Run flagPassword = run("config", "--password", "secret-from-flag");
        assertThat(flagPassword.settingLine("db.password")).contains("********").contains("[command line]");
        assertThat(flagPassword.out()).doesNotContain("secret-from-flag")
                .contains("No server configured: the embedded database in " + paths.embeddedDatabaseDir());
    }

    @Test
    void configShowsTheEnvironmentVariableThatSetASetting() {
        Map<String, String> env = new HashMap<>();
        env.put("INTOWORK_DB_USER", "from_env");
        env.put("INTOWORK_DB_PASSWORD", "env-secret");
        settings = new SettingsLoader(paths, env);
        Run r = run("config", "--user", "from_flag");
        assertThat(r.exit()).isZero();
        assertThat(r.settingLine("db.user")).contains("from_flag").contains("[command line]");
        assertThat(r.settingLine("db.password")).contains("********").contains("[environment — INTOWORK_DB_PASSWORD]");
        assertThat(r.out()).doesNotContain("env-secret").doesNotContain("from_env");
    }

    // --------------------------------------------------------------------------------------------------- seed

    @Test
    void seedRefusesADatabaseThatIsNotMigrated() throws SQLException {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase("cli_seed_empty");
        Run r = run(with(db, "seed"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not up to date").contains("intowork-recruiter migrate");
        assertThat(recruiterSchemaExists(db)).isFalse();
    }

    @Test
    void seedLoadsDemoDataPrintsTheLoginsAndRefusesASecondTime() throws SQLException {
        TestDatabase.Db db = migratedDatabase("cli_seed");

        Run first = run(with(db, "seed", "--random-seed", "7", "--anchor-date", "2026-06-01"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Demo data loaded in")
                .contains("Demo recruiter logins (password for all: " + DemoSeeder.DEMO_RECRUITER_PASSWORD + "):");
        List<String> logins = strings(db, "SELECT u.email FROM public.users u JOIN public.employers e ON e.user_id = u.id"
                + " WHERE u.role = 'EMPLOYER' AND u.email LIKE '%.demo' ORDER BY 1");
        assertThat(logins).isNotEmpty();
        String loginSection = first.out().substring(first.out().indexOf("Demo recruiter logins"));
        assertThat(loginSection).contains(logins);
        assertThat(loginSection.lines().skip(1).filter(l -> l.startsWith("  ")).count()).isEqualTo(logins.size());
        // the anchor date is respected: nothing is dated after it
        assertThat(strings(db, "SELECT count(*) FROM public.job_applications"
                + " WHERE applied_at > '2026-06-01T00:00:00Z' OR updated_at > '2026-06-01T00:00:00Z'"))
                .containsExactly("0");
        assertThat(strings(db, "SELECT count(*) > 0 FROM public.job_applications"
                + " WHERE applied_at > '2026-06-01T00:00:00Z'::timestamptz - interval '60 days'")).containsExactly("t");
        List<String> countsAfterFirst = strings(db, "SELECT count(*)::text FROM public.users UNION ALL "
                + "SELECT count(*)::text FROM public.jobs UNION ALL SELECT count(*)::text FROM public.job_applications");

        Run second = run(with(db, "seed", "--random-seed", "7", "--anchor-date", "2026-06-01"));
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("already holds").contains("nothing was changed");
        assertThat(strings(db, "SELECT count(*)::text FROM public.users UNION ALL "
                + "SELECT count(*)::text FROM public.jobs UNION ALL SELECT count(*)::text FROM public.job_applications"))
                .isEqualTo(countsAfterFirst);
    }

    // ------------------------------------------------------------------------------------------------ client-login

    @Test
    void clientLoginCreatesAScramLoginInRecruiterAppListsAndDropsIt() throws Exception {
        TestDatabase.Db db = co.intowork.recruiter.testing.MigratedDatabase.create("cli_login");
        java.io.InputStream stdin = System.in;
        Run created;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Site-Libreville-2026!\n".getBytes(StandardCharsets.UTF_8)));
            created = run(with(db, "client-login", "create", "recruiter_site_lbv", "--password-stdin",
                    "--connection-limit", "40"));
        } finally {
            System.setIn(stdin);
        }
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created client login recruiter_site_lbv");
        assertThat(strings(db, "SELECT rolcanlogin::text || ' ' || rolconnlimit || ' ' || left(rolpassword, 14)"
                + " || ' ' || pg_has_role('recruiter_site_lbv', 'recruiter_app', 'MEMBER')"
                + " FROM pg_authid WHERE rolname = 'recruiter_site_lbv'"))
                .containsExactly("true 40 SCRAM-SHA-256$ true");

        Run list = run(with(db, "client-login", "list"));
        assertThat(list.out()).contains("recruiter_site_lbv").contains("at most 40");

        Run refused = run(with(db, "client-login", "drop", "postgres"));
        assertThat(refused.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(refused.err()).contains("not an IntoWork Recruiter client login");

        Run dropped = run(with(db, "client-login", "drop", "recruiter_site_lbv"));
        assertThat(dropped.out()).contains("Dropped client login recruiter_site_lbv.");
        assertThat(strings(db, "SELECT rolname FROM pg_roles WHERE rolname = 'recruiter_site_lbv'")).isEmpty();

        // an administrator without CREATEROLE is told what is missing, in the app's language
        exec(db, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cli_no_createrole') THEN"
                + " CREATE ROLE cli_no_createrole LOGIN; END IF; END $$",
                "GRANT EXECUTE ON FUNCTION recruiter.create_client_login(text, integer, text, text, text) TO cli_no_createrole");
        co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.FRANCE);
        Run notAdmin;
        try {
            notAdmin = run("client-login", "create", "someone_else", "--no-password", "--jdbc-url", db.jdbcUrl()
                    .replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", ""), "--user", "cli_no_createrole");
        } finally {
            co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.UK);
        }
        assertThat(notAdmin.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(notAdmin.err()).contains("needs a database role with CREATEROLE");

        Run badName = run(with(db, "client-login", "create", "Robert'); DROP TABLE jobs;--", "--no-password"));
        assertThat(badName.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(badName.err()).contains("lower-case letters, digits or underscores");
    }

    // ------------------------------------------------------------------------------------------ doctor, maintain

    @Test
    void doctorReportsAHealthyDatabaseThenNoticesADroppedIndexAsTextAndJson() throws Exception {
        TestDatabase.Db db = co.intowork.recruiter.testing.MigratedDatabase.create("cli_doctor");
        Run healthy = run(with(db, "doctor"));
        assertThat(healthy.out()).contains("Expected indexes missing: none", "Server: PostgreSQL 15");
        assertThat(healthy.out()).doesNotContain("INVALID indexes");

        exec(db, "DROP INDEX public.ix_job_applications_board");
        Run text = run(with(db, "doctor"));
        assertThat(text.exit()).isEqualTo(DoctorCommand.EXIT_WARNINGS);
        assertThat(text.out()).contains("Expected indexes missing: public.ix_job_applications_board");

        Run json = run(with(db, "doctor", "--json"));
        assertThat(json.exit()).isEqualTo(DoctorCommand.EXIT_WARNINGS);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree.get("connected").asBoolean()).isTrue();
        assertThat(tree.get("missingIndexes").toString()).contains("ix_job_applications_board");
    }

    @Test
    void doctorOnAnUnreachableServerSaysSoInJson() throws Exception {
        Run json = run("doctor", "--json", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x", "--user", "x");
        assertThat(json.exit()).isEqualTo(Cli.EXIT_FAILURE);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree.get("connected").asBoolean()).isFalse();
        assertThat(tree.get("connection_error").asText()).contains("could not be reached");
    }

    @Test
    void maintainPurgesExpiredSessionsAndPrintsWhatItDid() throws Exception {
        TestDatabase.Db db = co.intowork.recruiter.testing.MigratedDatabase.create("cli_maintain");
        exec(db, "INSERT INTO users (email, role, first_name, last_name) VALUES ('a@b.demo', 'CANDIDATE', 'A', 'B')",
                "INSERT INTO sessions (user_id, session_token, expires) SELECT id, 'old', now() - interval '1 day' FROM users",
                "INSERT INTO sessions (user_id, session_token, expires) SELECT id, 'live', now() + interval '1 day' FROM users");
        Run r = run(with(db, "maintain"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("1 expired session purged", "Job summary figures refreshed");
        try (Connection c = db.superuser().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(session_token, ',') FROM sessions")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("live");
        }
    }
}
