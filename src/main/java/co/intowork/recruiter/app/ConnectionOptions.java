package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsLoader;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The connection flags every command shares; they override files and environment. */
public final class ConnectionOptions {
    private final SettingsLoader settings;

    /** Built by {@link Cli#factory}: the files and environment the flags override. */
    ConnectionOptions(SettingsLoader settings) {
        this.settings = settings;
    }

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/intowork. "
                    + "Without one, the embedded database is used.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user.")
    String user;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "Database password (prefer INTOWORK_DB_PASSWORD: flags are visible to other users).")
    String password;

    @Option(names = "--sslmode", paramLabel = "MODE", description = "disable, prefer, require, verify-ca or verify-full.")
    String sslMode;

    @Option(names = "--sslrootcert", paramLabel = "FILE", description = "CA file for verify-ca / verify-full.")
    String sslRootCert;

    /** Opens the database these flags (over files and environment) point at, for one command. */
    public Database open(Consumer<String> progress) {
        return open(progress, List.of());
    }

    /** With mappers of the developer tools besides the app's (bench, seed --scale large). */
    public Database open(Consumer<String> progress, List<Class<?>> extraMappers) {
        List<Class<?>> mappers = new ArrayList<>(Mappers.all());
        mappers.addAll(extraMappers);
        return DatabaseConnector.open(resolved(), settings.paths(), mappers,
                () -> false, progress);
    }

    /** The settings in force for this command (flags over environment and files). */
    public ResolvedSettings resolved() {
        return resolve(settings);
    }

    /** Where this command's settings files and data live. */
    public AppPaths paths() {
        return settings.paths();
    }

    private ResolvedSettings resolve(SettingsLoader loader) {
        Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
        flags.put(SettingKey.DB_URL, jdbcUrl);
        flags.put(SettingKey.DB_USER, user);
        flags.put(SettingKey.DB_PASSWORD, password);
        flags.put(SettingKey.SSL_MODE, sslMode);
        flags.put(SettingKey.SSL_ROOT_CERT, sslRootCert);
        return loader.load(flags);
    }
}
