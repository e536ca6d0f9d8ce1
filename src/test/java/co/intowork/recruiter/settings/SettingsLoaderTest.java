package co.intowork.recruiter.settings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four layers (machine file, user file, environment, command flags) override each other key by key, each
 * value says where it came from, and a malformed value is reported with its key and its file.
 */
class SettingsLoaderTest {

    @TempDir
    Path temp;

    Path home;
    Path machineFile;
    Path userFile;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        machineFile = temp.resolve("etc/machine.properties");
        userFile = temp.resolve("user/recruiter.properties");
    }

    private AppPaths paths() {
        return new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", machineFile.toString(),
                "INTOWORK_USER_CONFIG", userFile.toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", home);
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private ResolvedSettings load(Map<String, String> env, Map<SettingKey, String> flags) {
        return new SettingsLoader(paths(), env).load(flags);
    }

    private ResolvedSettings load(Map<String, String> env) {
        return load(env, new EnumMap<>(SettingKey.class));
    }

    // --------------------------------------------------------------------------------------------- precedence

    @Test
    void eachLayerOverridesTheOnesBelowItKeyByKey() throws IOException {
        write(machineFile,
                "db.url=jdbc:postgresql://machine/intowork",
                "db.user=machine-user",
                "db.password=machine-secret",
                "db.pool.size=2",
                "db.sslmode=require",
                "db.application.name=Machine App");
        write(userFile,
                "db.url=jdbc:postgresql://user/intowork",
                "db.user=user-user",
                "db.password=user-secret",
                "db.pool.size=3");
        Map<String, String> env = Map.of(
                "INTOWORK_DB_URL", "jdbc:postgresql://env/intowork",
                "INTOWORK_DB_USER", "env-user",
                "INTOWORK_DB_PASSWORD", "env-secret");
        Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
        flags.put(SettingKey.DB_URL, "jdbc:postgresql://flag/intowork");
        flags.put(SettingKey.DB_USER, null); // a flag that was not given must not hide the environment
        flags.put(SettingKey.DB_PASSWORD, null);

        ResolvedSettings s = load(env, flags);

        // all four layers set db.url: the flag wins
        assertThat(s.get(SettingKey.DB_URL)).contains("jdbc:postgresql://flag/intowork");
        assertThat(s.describe(SettingKey.DB_URL).source()).isEqualTo(SettingSource.COMMAND_LINE);
        // files and environment set db.user: the environment wins
        assertThat(s.get(SettingKey.DB_USER)).contains("env-user");
        assertThat(s.describe(SettingKey.DB_USER))
                .isEqualTo(new ResolvedSettings.Value("env-user", SettingSource.ENVIRONMENT, "INTOWORK_DB_USER"));
        assertThat(s.describe(SettingKey.DB_PASSWORD))
                .isEqualTo(new ResolvedSettings.Value("env-secret", SettingSource.ENVIRONMENT, "INTOWORK_DB_PASSWORD"));
        // both files set db.pool.size: the user file wins
        assertThat(s.getInt(SettingKey.POOL_SIZE)).isEqualTo(3);
        assertThat(s.describe(SettingKey.POOL_SIZE))
                .isEqualTo(new ResolvedSettings.Value("3", SettingSource.USER_FILE, userFile.toString()));
        // only the machine file sets these
        assertThat(s.describe(SettingKey.SSL_MODE))
                .isEqualTo(new ResolvedSettings.Value("require", SettingSource.MACHINE_FILE, machineFile.toString()));
        assertThat(s.get(SettingKey.APPLICATION_NAME)).contains("Machine App");
        assertThat(s.describe(SettingKey.APPLICATION_NAME).source()).isEqualTo(SettingSource.MACHINE_FILE);
        // nobody sets the lock timeout: built-in default, no origin
        assertThat(s.get(SettingKey.LOCK_TIMEOUT_MS)).contains("5000");
        assertThat(s.describe(SettingKey.LOCK_TIMEOUT_MS))
                .isEqualTo(new ResolvedSettings.Value("5000", SettingSource.DEFAULT, ""));
        // nobody sets the CA file and it has no default
        assertThat(s.get(SettingKey.SSL_ROOT_CERT)).isEmpty();
        assertThat(s.describe(SettingKey.SSL_ROOT_CERT).source()).isEqualTo(SettingSource.DEFAULT);
    }

    @Test
    void flagsBeatEnvironmentForEveryFlagGiven() throws IOException {
        write(userFile, "db.user=user-user", "db.sslmode=disable");
        Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
        flags.put(SettingKey.DB_USER, "flag-user");
        flags.put(SettingKey.DB_PASSWORD, "flag-secret");
        flags.put(SettingKey.SSL_MODE, "verify-full");

        ResolvedSettings s = load(Map.of("INTOWORK_DB_USER", "env-user", "INTOWORK_DB_PASSWORD", "env-secret",
                "INTOWORK_DB_SSLMODE", "require"), flags);

        assertThat(s.describe(SettingKey.DB_USER))
                .isEqualTo(new ResolvedSettings.Value("flag-user", SettingSource.COMMAND_LINE, ""));
        assertThat(s.get(SettingKey.DB_PASSWORD)).contains("flag-secret");
        assertThat(s.get(SettingKey.SSL_MODE)).contains("verify-full");
        assertThat(s.describe(SettingKey.SSL_MODE).source()).isEqualTo(SettingSource.COMMAND_LINE);
    }

    @Test
    void userFileBeatsMachineFileAndEnvironmentBeatsBoth() throws IOException {
        write(machineFile, "db.statement.timeout.ms=1000", "db.lock.timeout.ms=100", "db.connect.timeout.seconds=1");
        write(userFile, "db.statement.timeout.ms=2000", "db.lock.timeout.ms=200");
        ResolvedSettings s = load(Map.of("INTOWORK_DB_STATEMENT_TIMEOUT_MS", "3000"));

        assertThat(s.getInt(SettingKey.STATEMENT_TIMEOUT_MS)).isEqualTo(3000);
        assertThat(s.describe(SettingKey.STATEMENT_TIMEOUT_MS).origin()).isEqualTo("INTOWORK_DB_STATEMENT_TIMEOUT_MS");
        assertThat(s.getInt(SettingKey.LOCK_TIMEOUT_MS)).isEqualTo(200);
        assertThat(s.describe(SettingKey.LOCK_TIMEOUT_MS).origin()).isEqualTo(userFile.toString());
        assertThat(s.getInt(SettingKey.CONNECT_TIMEOUT_SECONDS)).isEqualTo(1);
        assertThat(s.describe(SettingKey.CONNECT_TIMEOUT_SECONDS).origin()).isEqualTo(machineFile.toString());
    }

    @Test
    void blankEnvironmentVariablesDoNotOverrideFiles() throws IOException {
        write(userFile, "db.user=from-file");
        ResolvedSettings s = load(Map.of("INTOWORK_DB_USER", "   "));
        assertThat(s.describe(SettingKey.DB_USER))
                .isEqualTo(new ResolvedSettings.Value("from-file", SettingSource.USER_FILE, userFile.toString()));
    }

    @Test
    void environmentVariablesOtherThanTheSettingsAreIgnored() {
        ResolvedSettings s = load(Map.of("DB_URL", "jdbc:postgresql://x/y", "PGUSER", "someone",
                "intowork_db_url", "jdbc:postgresql://lower/case"));
        for (SettingKey key : SettingKey.values()) {
            assertThat(s.describe(key).source()).as(key.property()).isEqualTo(SettingSource.DEFAULT);
        }
        assertThat(ConnectionSettings.wantsEmbedded(s)).isTrue();
    }

    @Test
    void missingFilesGiveTheBuiltInDefaults() {
        ResolvedSettings s = load(Map.of());
        for (SettingKey key : SettingKey.values()) {
            assertThat(s.describe(key))
                    .as(key.property())
                    .isEqualTo(new ResolvedSettings.Value(key.defaultValue(), SettingSource.DEFAULT, ""));
        }
        assertThat(s.getInt(SettingKey.POOL_SIZE)).isEqualTo(4);
        assertThat(s.getBoolean(SettingKey.EMBEDDED_DEMO)).isTrue();
    }

    @Test
    void valuesFromFilesAreTrimmedAndUtf8() throws IOException {
        write(userFile, "db.application.name =   Recrutement Côte d'Ivoire   ", "db.user=\tadmin\t");
        ResolvedSettings s = load(Map.of());
        assertThat(s.get(SettingKey.APPLICATION_NAME)).contains("Recrutement Côte d'Ivoire");
        assertThat(s.get(SettingKey.DB_USER)).contains("admin");
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        write(userFile, "db.colour=blue", "DB.URL=jdbc:postgresql://wrong-case/x", "db.user.name=nobody",
                "db.pool.size=5");
        ResolvedSettings s = load(Map.of());
        assertThat(s.getInt(SettingKey.POOL_SIZE)).isEqualTo(5);
        for (SettingKey key : SettingKey.values()) {
            if (key != SettingKey.POOL_SIZE) {
                assertThat(s.describe(key).source()).as(key.property()).isEqualTo(SettingSource.DEFAULT);
            }
        }
        assertThat(s.get(SettingKey.DB_URL)).isEmpty();
        assertThat(s.get(SettingKey.DB_USER)).isEmpty();
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsSkipped() throws IOException {
        Files.createDirectories(userFile);
        ResolvedSettings s = load(Map.of());
        assertThat(s.describe(SettingKey.DB_USER).source()).isEqualTo(SettingSource.DEFAULT);
    }

    // ------------------------------------------------------------------------------------------ malformed values

    @Test
    void aMalformedNumberInTheUserFileNamesTheKeyAndTheFile() throws IOException {
        write(userFile, "db.pool.size=four");
        ResolvedSettings s = load(Map.of());
        assertThatThrownBy(() -> s.getInt(SettingKey.POOL_SIZE))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("db.pool.size")
                .hasMessageContaining(userFile.toString())
                .hasMessageContaining("user settings file")
                .hasMessageContaining("'four'");
        // the same message reaches whoever builds the connection settings
        Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
        flags.put(SettingKey.DB_URL, "jdbc:postgresql://db/x");
        ResolvedSettings withUrl = load(Map.of(), flags);
        assertThatThrownBy(() -> ConnectionSettings.from(withUrl))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("db.pool.size")
                .hasMessageContaining(userFile.toString());
    }

    @Test
    void aNegativeNumberInTheMachineFileIsRejectedWithKeyAndFile() throws IOException {
        write(machineFile, "db.statement.timeout.ms=-5");
        ResolvedSettings s = load(Map.of());
        assertThatThrownBy(() -> s.getInt(SettingKey.STATEMENT_TIMEOUT_MS))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("db.statement.timeout.ms")
                .hasMessageContaining("machine-wide file")
                .hasMessageContaining(machineFile.toString())
                .hasMessageContaining("'-5'");
    }

    @Test
    void aMalformedNumberInTheEnvironmentNamesTheVariable() {
        ResolvedSettings s = load(Map.of("INTOWORK_DB_LOCK_TIMEOUT_MS", "5s"));
        assertThatThrownBy(() -> s.getInt(SettingKey.LOCK_TIMEOUT_MS))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("db.lock.timeout.ms")
                .hasMessageContaining("environment")
                .hasMessageContaining("INTOWORK_DB_LOCK_TIMEOUT_MS")
                .hasMessageContaining("'5s'");
    }

    @Test
    void aMalformedBooleanNamesTheKeyAndTheFile() throws IOException {
        write(userFile, "embedded.demo=perhaps");
        ResolvedSettings s = load(Map.of());
        assertThatThrownBy(() -> s.getBoolean(SettingKey.EMBEDDED_DEMO))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("embedded.demo")
                .hasMessageContaining(userFile.toString())
                .hasMessageContaining("'perhaps'");
    }

    @Test
    void aFileThatIsNotAValidPropertiesFileIsReportedWithItsName() throws IOException {
        // A Windows path typed as is: "\\u" starts a unicode escape that is not one.
        write(machineFile, "db.sslrootcert=C:\\users\\it\\ca.pem");
        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(machineFile.toString());
    }

    // ------------------------------------------------------------------------------------------ default paths

    @Nested
    class DefaultPaths {
        @Test
        void linuxFollowsXdgVariables() {
            AppPaths p = new AppPaths(Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "/xdg/data"),
                    "Linux", home);
            assertThat(p.userSettingsFile()).isEqualTo(Path.of("/xdg/config/intowork-recruiter/recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(Path.of("/xdg/data/intowork-recruiter"));
            assertThat(p.embeddedDatabaseDir()).isEqualTo(Path.of("/xdg/data/intowork-recruiter/demo-db"));
            assertThat(p.logDir()).isEqualTo(Path.of("/xdg/data/intowork-recruiter/logs"));
            assertThat(p.machineSettingsFile()).isEqualTo(Path.of("/etc/intowork-recruiter/recruiter.properties"));
        }

        @Test
        void linuxFallsBackToDotConfigAndDotLocalShare() {
            AppPaths p = new AppPaths(Map.of(), "Linux", home);
            assertThat(p.userSettingsFile()).isEqualTo(home.resolve(".config/intowork-recruiter/recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(home.resolve(".local/share/intowork-recruiter"));
            assertThat(p.machineSettingsFile()).isEqualTo(Path.of("/etc/intowork-recruiter/recruiter.properties"));
        }

        @Test
        void linuxTreatsBlankXdgVariablesAsUnset() {
            AppPaths p = new AppPaths(Map.of("XDG_CONFIG_HOME", "", "XDG_DATA_HOME", "  "), "Linux", home);
            assertThat(p.userSettingsFile()).isEqualTo(home.resolve(".config/intowork-recruiter/recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(home.resolve(".local/share/intowork-recruiter"));
        }

        @Test
        void windowsUsesAppDataLocalAppDataAndProgramData() {
            AppPaths p = new AppPaths(Map.of(
                    "APPDATA", "/win/Users/ama/AppData/Roaming",
                    "LOCALAPPDATA", "/win/Users/ama/AppData/Local",
                    "ProgramData", "/win/ProgramData"), "Windows 11", home);
            assertThat(p.userSettingsFile())
                    .isEqualTo(Path.of("/win/Users/ama/AppData/Roaming/IntoWork Recruiter/recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(Path.of("/win/Users/ama/AppData/Local/IntoWork Recruiter"));
            assertThat(p.embeddedDatabaseDir())
                    .isEqualTo(Path.of("/win/Users/ama/AppData/Local/IntoWork Recruiter/demo-db"));
            assertThat(p.machineSettingsFile())
                    .isEqualTo(Path.of("/win/ProgramData/IntoWork Recruiter/recruiter.properties"));
        }

        @Test
        void windowsFallsBackUnderTheHomeFolderAndProgramData() {
            AppPaths p = new AppPaths(Map.of(), "Windows 10", home);
            assertThat(p.userSettingsFile())
                    .isEqualTo(home.resolve("AppData/Roaming").resolve("IntoWork Recruiter").resolve("recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(home.resolve("AppData/Local").resolve("IntoWork Recruiter"));
            assertThat(p.machineSettingsFile().toString())
                    .startsWith("C:\\ProgramData")
                    .endsWith("IntoWork Recruiter" + java.io.File.separator + "recruiter.properties");
        }

        @Test
        void macOsUsesLibraryFolders() {
            AppPaths p = new AppPaths(Map.of("XDG_CONFIG_HOME", "/ignored", "XDG_DATA_HOME", "/ignored"),
                    "Mac OS X", home);
            assertThat(p.userSettingsFile())
                    .isEqualTo(home.resolve("Library/Preferences/IntoWork Recruiter/recruiter.properties"));
            assertThat(p.dataDir()).isEqualTo(home.resolve("Library/Application Support/IntoWork Recruiter"));
            assertThat(p.machineSettingsFile())
                    .isEqualTo(Path.of("/Library/Application Support/IntoWork Recruiter/recruiter.properties"));
        }

        @Test
        void environmentOverridesWinOnEverySystem() {
            for (String os : new String[]{"Linux", "Windows 11", "Mac OS X"}) {
                AppPaths p = new AppPaths(Map.of(
                        "INTOWORK_USER_CONFIG", "/o/user.properties",
                        "INTOWORK_MACHINE_CONFIG", "/o/machine.properties",
                        "INTOWORK_DATA_DIR", "/o/data",
                        "XDG_CONFIG_HOME", "/xdg", "APPDATA", "/appdata", "LOCALAPPDATA", "/local"), os, home);
                assertThat(p.userSettingsFile()).as(os).isEqualTo(Path.of("/o/user.properties"));
                assertThat(p.machineSettingsFile()).as(os).isEqualTo(Path.of("/o/machine.properties"));
                assertThat(p.dataDir()).as(os).isEqualTo(Path.of("/o/data"));
                assertThat(p.embeddedDatabaseDir()).as(os).isEqualTo(Path.of("/o/data/demo-db"));
            }
        }

        @Test
        void theLoaderReadsTheFilesAtTheDefaultLinuxLocations() throws IOException {
            Path xdg = temp.resolve("xdg-config");
            write(xdg.resolve("intowork-recruiter/recruiter.properties"), "db.user=xdg-user");
            AppPaths p = new AppPaths(Map.of("XDG_CONFIG_HOME", xdg.toString(),
                    "INTOWORK_MACHINE_CONFIG", temp.resolve("absent.properties").toString()), "Linux", home);
            ResolvedSettings s = new SettingsLoader(p, Map.of()).load(Map.of());
            assertThat(s.describe(SettingKey.DB_USER)).isEqualTo(new ResolvedSettings.Value("xdg-user",
                    SettingSource.USER_FILE, xdg.resolve("intowork-recruiter/recruiter.properties").toString()));
        }
    }

    // ------------------------------------------------------------------------------------ ConnectionSettings

    @Nested
    class ConnectionSettingsValidation {
        private ResolvedSettings with(Map<SettingKey, String> values) {
            Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
            flags.putAll(values);
            return load(Map.of(), flags);
        }

        private Map<SettingKey, String> base() {
            Map<SettingKey, String> m = new HashMap<>();
            m.put(SettingKey.DB_URL, "jdbc:postgresql://db.example.com:5432/intowork");
            return m;
        }

        @Test
        void buildsFromTheResolvedValues() throws IOException {
            write(userFile, "db.pool.size=6", "db.statement.timeout.ms=12000", "db.lock.timeout.ms=700",
                    "db.connect.timeout.seconds=7", "db.application.name=Recruiter QA", "db.sslrootcert=/ca.pem");
            Map<SettingKey, String> flags = base();
            flags.put(SettingKey.DB_USER, "ama");
            flags.put(SettingKey.DB_PASSWORD, "s3cret");
            flags.put(SettingKey.SSL_MODE, "Verify-Full");
            ConnectionSettings cs = ConnectionSettings.from(with(flags));
            assertThat(cs).isEqualTo(new ConnectionSettings("jdbc:postgresql://db.example.com:5432/intowork", "ama",
                    "s3cret", ConnectionSettings.SslMode.VERIFY_FULL, "/ca.pem", 6, 7, 12000, 700, "Recruiter QA"));
            assertThat(cs.sslMode().pgValue()).isEqualTo("verify-full");
            assertThat(cs.passwordIfSet()).contains("s3cret");
        }

        @Test
        void defaultsWhenOnlyTheUrlIsGiven() {
            ConnectionSettings cs = ConnectionSettings.from(with(base()));
            assertThat(cs.sslMode()).isEqualTo(ConnectionSettings.SslMode.PREFER);
            assertThat(cs.poolSize()).isEqualTo(4);
            assertThat(cs.connectTimeoutSeconds()).isEqualTo(10);
            assertThat(cs.statementTimeoutMs()).isEqualTo(30000);
            assertThat(cs.lockTimeoutMs()).isEqualTo(5000);
            assertThat(cs.applicationName()).isEqualTo("IntoWork Recruiter");
            assertThat(cs.user()).isNull();
            assertThat(cs.passwordIfSet()).isEmpty();
        }

        @Test
        void noUrlMeansEmbeddedAndCannotBuildServerSettings() {
            ResolvedSettings s = with(Map.of());
            assertThat(ConnectionSettings.wantsEmbedded(s)).isTrue();
            assertThatThrownBy(() -> ConnectionSettings.from(s))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("No database is configured")
                    .hasMessageContaining("INTOWORK_DB_URL");
            assertThat(ConnectionSettings.wantsEmbedded(with(base()))).isFalse();
        }

        @Test
        void rejectsAnUrlThatIsNotPostgres() {
            Map<SettingKey, String> m = base();
            m.put(SettingKey.DB_URL, "jdbc:mysql://db.example.com/intowork");
            assertThatThrownBy(() -> ConnectionSettings.from(with(m)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("PostgreSQL JDBC URL")
                    .hasMessageContaining("jdbc:mysql://db.example.com/intowork");
            m.put(SettingKey.DB_URL, "db.example.com:5432/intowork");
            assertThatThrownBy(() -> ConnectionSettings.from(with(m)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("PostgreSQL JDBC URL");
        }

        @Test
        void verifyFullAndVerifyCaNeedACaFile() {
            for (String mode : new String[]{"verify-full", "verify-ca"}) {
                Map<SettingKey, String> m = base();
                m.put(SettingKey.SSL_MODE, mode);
                assertThatThrownBy(() -> ConnectionSettings.from(with(m)))
                        .as(mode)
                        .isInstanceOf(SettingsException.class)
                        .hasMessageContaining("db.sslmode " + mode)
                        .hasMessageContaining("db.sslrootcert");
                m.put(SettingKey.SSL_ROOT_CERT, "   ");
                assertThatThrownBy(() -> ConnectionSettings.from(with(m))).as(mode + " blank CA")
                        .isInstanceOf(SettingsException.class);
                m.put(SettingKey.SSL_ROOT_CERT, "/etc/ssl/intowork-ca.pem");
                assertThat(ConnectionSettings.from(with(m)).sslRootCert()).isEqualTo("/etc/ssl/intowork-ca.pem");
            }
        }

        @Test
        void requireAndDisableNeedNoCaFile() {
            for (String mode : new String[]{"require", "disable", "prefer"}) {
                Map<SettingKey, String> m = base();
                m.put(SettingKey.SSL_MODE, mode);
                assertThat(ConnectionSettings.from(with(m)).sslMode().pgValue()).isEqualTo(mode);
            }
        }

        @Test
        void rejectsAnUnknownSslMode() {
            Map<SettingKey, String> m = base();
            m.put(SettingKey.SSL_MODE, "strict");
            assertThatThrownBy(() -> ConnectionSettings.from(with(m)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("db.sslmode")
                    .hasMessageContaining("'strict'");
        }

        @Test
        void poolSizeMustBeBetweenOneAndSixteen() throws IOException {
            for (String bad : new String[]{"0", "17", "100"}) {
                write(userFile, "db.pool.size=" + bad);
                assertThatThrownBy(() -> ConnectionSettings.from(with(base())))
                        .as(bad)
                        .isInstanceOf(SettingsException.class)
                        .hasMessageContaining("db.pool.size")
                        .hasMessageContaining("between 1 and 16")
                        .hasMessageContaining(bad);
            }
            for (String good : new String[]{"1", "16"}) {
                write(userFile, "db.pool.size=" + good);
                assertThat(ConnectionSettings.from(with(base())).poolSize()).isEqualTo(Integer.parseInt(good));
            }
        }

        @Test
        void embeddedDefaultsKeepTimeoutsButDisableSslAndPassword() throws IOException {
            write(userFile, "db.statement.timeout.ms=9000", "db.sslmode=verify-full", "db.password=x");
            ConnectionSettings cs = ConnectionSettings.embeddedDefaults(with(Map.of()), "jdbc:postgresql://localhost:1/d",
                    "postgres");
            assertThat(cs.sslMode()).isEqualTo(ConnectionSettings.SslMode.DISABLE);
            assertThat(cs.statementTimeoutMs()).isEqualTo(9000);
            assertThat(cs.password()).isNull();
            assertThat(cs.user()).isEqualTo("postgres");
        }
    }

    @Test
    void theUndoWindowOfNotificationsComesFromTheLayersAndIsBounded() {
        assertThat(co.intowork.recruiter.notifications.StatusNotificationDelivery.undoWindow(load(Map.of())))
                .isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(co.intowork.recruiter.notifications.StatusNotificationDelivery.undoWindow(
                load(Map.of("INTOWORK_NOTIFY_UNDO_SECONDS", "0")))).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> co.intowork.recruiter.notifications
                        .StatusNotificationDelivery.undoWindow(load(Map.of(), Map.of(SettingKey.NOTIFY_UNDO_SECONDS, "301"))))
                .isInstanceOf(SettingsException.class).hasMessage("notify.undo.seconds is at most 300 seconds (5 minutes);"
                        + " it is 301.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> co.intowork.recruiter.notifications
                        .StatusNotificationDelivery.undoWindow(load(Map.of("INTOWORK_NOTIFY_UNDO_SECONDS", "ten"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("notify.undo.seconds must be a whole number");
    }
}
