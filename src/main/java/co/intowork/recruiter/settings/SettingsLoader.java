package co.intowork.recruiter.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Layers the settings: machine-wide file, then the user's file, then the environment, then command flags;
 * each later layer overrides the earlier ones key by key.
 */
public final class SettingsLoader {
    private static final Logger log = LoggerFactory.getLogger(SettingsLoader.class);

    private final AppPaths paths;
    private final Map<String, String> environment;

    public SettingsLoader(AppPaths paths, Map<String, String> environment) {
        this.paths = paths;
        this.environment = environment;
    }

    public static SettingsLoader system() {
        return new SettingsLoader(AppPaths.system(), System.getenv());
    }

    public AppPaths paths() {
        return paths;
    }

    public ResolvedSettings load(Map<SettingKey, String> commandLine) {
        Map<SettingKey, ResolvedSettings.Value> values = new EnumMap<>(SettingKey.class);
        readFile(paths.machineSettingsFile(), SettingSource.MACHINE_FILE, values);
        readFile(paths.userSettingsFile(), SettingSource.USER_FILE, values);
        for (SettingKey key : SettingKey.values()) {
            String fromEnv = environment.get(key.environmentVariable());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, new ResolvedSettings.Value(fromEnv, SettingSource.ENVIRONMENT,
                        key.environmentVariable()));
            }
        }
        commandLine.forEach((key, value) -> {
            if (value != null) {
                values.put(key, new ResolvedSettings.Value(value, SettingSource.COMMAND_LINE, ""));
            }
        });
        return new ResolvedSettings(values);
    }

    private static void readFile(Path file, SettingSource source, Map<SettingKey, ResolvedSettings.Value> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("The settings file " + file + " could not be read (" + e.getMessage()
                    + "). Check its permissions, or remove it to use the defaults.", e);
        } catch (IllegalArgumentException e) {
            // Properties.load rejects a malformed unicode escape, e.g. a Windows path typed with single backslashes
            throw new SettingsException("The settings file " + file + " is not a valid settings file ("
                    + e.getMessage() + "). Write backslashes in paths twice (C:\\\\certs\\\\ca.pem) or use "
                    + "forward slashes (C:/certs/ca.pem).", e);
        }
        for (String name : properties.stringPropertyNames()) {
            SettingKey.byProperty(name).ifPresentOrElse(
                    key -> into.put(key, new ResolvedSettings.Value(properties.getProperty(name).trim(), source,
                            file.toString())),
                    () -> log.warn("Ignoring unknown setting '{}' in {}", name, file));
        }
    }
}
