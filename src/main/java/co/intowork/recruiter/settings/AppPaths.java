package co.intowork.recruiter.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps things on each operating system. Every location can be moved by an environment
 * variable so IT (and tests) can relocate it without code changes.
 */
public final class AppPaths {
    static final String APP_DIR = "intowork-recruiter";
    static final String APP_DIR_PRETTY = "IntoWork Recruiter";
    static final String SETTINGS_FILE = "recruiter.properties";

    private final Map<String, String> env;
    private final String osName;
    private final Path home;

    public AppPaths(Map<String, String> env, String osName, Path home) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    public static AppPaths system() {
        return new AppPaths(System.getenv(), System.getProperty("os.name", "linux"),
                Path.of(System.getProperty("user.home")));
    }

    private boolean windows() {
        return osName.startsWith("windows");
    }

    private boolean mac() {
        return osName.startsWith("mac");
    }

    /** Per-user data: the embedded database, the offline replica, logs. */
    public Path dataDir() {
        String override = env.get("INTOWORK_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (windows()) {
            String local = env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString());
            return Path.of(local, APP_DIR_PRETTY);
        }
        if (mac()) {
            return home.resolve("Library/Application Support").resolve(APP_DIR_PRETTY);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve(APP_DIR);
    }

    public Path embeddedDatabaseDir() {
        return dataDir().resolve("demo-db");
    }

    public Path logDir() {
        return dataDir().resolve("logs");
    }

    /** Per-user settings file, written by the app's settings screen. */
    public Path userSettingsFile() {
        String override = env.get("INTOWORK_USER_CONFIG");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (windows()) {
            String roaming = env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString());
            return Path.of(roaming, APP_DIR_PRETTY, SETTINGS_FILE);
        }
        if (mac()) {
            return home.resolve("Library/Preferences").resolve(APP_DIR_PRETTY).resolve(SETTINGS_FILE);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve(APP_DIR).resolve(SETTINGS_FILE);
    }

    /** Machine-wide settings deployed by IT; read first, so users can refine but IT sets the defaults. */
    public Path machineSettingsFile() {
        String override = env.get("INTOWORK_MACHINE_CONFIG");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (windows()) {
            String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, APP_DIR_PRETTY, SETTINGS_FILE);
        }
        if (mac()) {
            return Path.of("/Library/Application Support", APP_DIR_PRETTY, SETTINGS_FILE);
        }
        return Path.of("/etc", APP_DIR, SETTINGS_FILE);
    }
}
