package co.intowork.recruiter.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example IT copies to deploy machine-wide settings (installer/recruiter.properties.example) must keep up with
 * SettingKey: a renamed key would otherwise be ignored with only a log line, and IT would never know.
 */
class MachineConfigExampleTest {
    private static final Path EXAMPLE = Path.of("installer/recruiter.properties.example");
    /** Documented ahead of the statistics feature, which adds them to SettingKey. */
    private static final Set<String> ANNOUNCED = Set.of("db.replica.url", "db.replica.user", "db.replica.password");
    private static final Pattern SETTING_LINE = Pattern.compile("^#?\\s*([a-z][a-z.]*[a-z])=");

    @TempDir
    Path temp;

    @Test
    void everyKeyTheExampleMentionsIsASetting() throws IOException {
        List<String> keys = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8).stream()
                .map(SETTING_LINE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();

        assertThat(keys).contains("db.url", "db.user", "db.password", "db.sslmode", "db.sslrootcert",
                "embedded.demo", "db.replica.url");
        assertThat(keys).allSatisfy(key -> assertThat(SettingKey.byProperty(key).isPresent()
                || ANNOUNCED.contains(key)).as(key).isTrue());
    }

    @Test
    void copiedAsTheMachineFileItConfiguresTheServerAndTheUserFileStillOverridesIt() throws IOException {
        Path machine = temp.resolve("etc/intowork-recruiter/recruiter.properties");
        Path user = temp.resolve("home/.config/intowork-recruiter/recruiter.properties");
        Files.createDirectories(machine.getParent());
        Files.createDirectories(user.getParent());
        Files.copy(EXAMPLE, machine);
        Files.writeString(user, "db.sslmode=require\n", StandardCharsets.UTF_8);
        AppPaths paths = new AppPaths(Map.of("INTOWORK_MACHINE_CONFIG", machine.toString(),
                "INTOWORK_USER_CONFIG", user.toString()), "Linux", temp.resolve("home"));

        ResolvedSettings s = new SettingsLoader(paths, Map.of()).load(new EnumMap<>(SettingKey.class));

        assertThat(s.describe(SettingKey.DB_URL))
                .isEqualTo(new ResolvedSettings.Value("jdbc:postgresql://db.intowork.example:5432/intowork",
                        SettingSource.MACHINE_FILE, machine.toString()));
        assertThat(s.get(SettingKey.EMBEDDED_DEMO)).contains("false");
        assertThat(s.describe(SettingKey.SSL_MODE).source()).isEqualTo(SettingSource.USER_FILE);
        assertThat(ConnectionSettings.from(s).sslRootCert()).isEqualTo("/etc/intowork-recruiter/intowork-ca.pem");
    }
}
