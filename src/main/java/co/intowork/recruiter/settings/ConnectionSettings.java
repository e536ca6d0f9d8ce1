package co.intowork.recruiter.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the data layer needs to open a pool; built from the resolved settings and validated there. */
public record ConnectionSettings(
        String jdbcUrl,
        String user,
        String password,
        SslMode sslMode,
        String sslRootCert,
        int poolSize,
        int connectTimeoutSeconds,
        int statementTimeoutMs,
        int lockTimeoutMs,
        String applicationName,
        Pooler pooler) {

    /** Without a pooler between the client and PostgreSQL (the default). */
    public ConnectionSettings(String jdbcUrl, String user, String password, SslMode sslMode, String sslRootCert,
                              int poolSize, int connectTimeoutSeconds, int statementTimeoutMs, int lockTimeoutMs,
                              String applicationName) {
        this(jdbcUrl, user, password, sslMode, sslRootCert, poolSize, connectTimeoutSeconds, statementTimeoutMs,
                lockTimeoutMs, applicationName, Pooler.NONE);
    }

    /**
     * What sits between the client and PostgreSQL (decision 0024). {@code TRANSACTION}: a PgBouncer in transaction
     * mode, which hands each transaction any server connection: no server-side prepared statements (PgBouncer 1.18
     * cannot carry them), and no {@code options} startup parameter (PgBouncer refuses it); the timeouts then come
     * from the login's own settings on the server (ALTER ROLE ... SET, see the README).
     */
    public enum Pooler {
        NONE, TRANSACTION;

        public static Pooler parse(String key, String raw) {
            String normalized = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            return switch (normalized) {
                case "", "none" -> NONE;
                case "transaction", "pgbouncer-transaction" -> TRANSACTION;
                default -> throw new SettingsException(key + " must be none or transaction (a PgBouncer in "
                        + "transaction mode); '" + raw + "' is not one of them.");
            };
        }
    }

    public enum SslMode {
        DISABLE, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

        public String pgValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static SslMode parse(String raw) {
            String normalized = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (SslMode m : values()) {
                if (m.name().equals(normalized)) {
                    return m;
                }
            }
            throw new SettingsException("db.sslmode must be one of disable, prefer, require, verify-ca, "
                    + "verify-full; '" + raw + "' is not one of them.");
        }
    }

    private static final Set<SslMode> NEEDS_CA = Set.of(SslMode.VERIFY_CA, SslMode.VERIFY_FULL);

    /** True when no server is configured and the app should run on its embedded database. */
    public static boolean wantsEmbedded(ResolvedSettings settings) {
        return settings.get(SettingKey.DB_URL).filter(s -> !s.isBlank()).isEmpty();
    }

    public static ConnectionSettings from(ResolvedSettings settings) {
        String url = settings.get(SettingKey.DB_URL).orElseThrow(
                () -> new SettingsException("No database is configured (db.url / INTOWORK_DB_URL / --jdbc-url)."));
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new SettingsException("The database address must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://db.example.com:5432/intowork, not '" + url + "'.");
        }
        SslMode ssl = SslMode.parse(settings.get(SettingKey.SSL_MODE).orElse("prefer"));
        String ca = settings.get(SettingKey.SSL_ROOT_CERT).orElse(null);
        if (NEEDS_CA.contains(ssl) && (ca == null || ca.isBlank())) {
            throw new SettingsException("db.sslmode " + ssl.pgValue() + " checks the server's certificate, so it "
                    + "needs db.sslrootcert: the CA file that signed the server certificate.");
        }
        int pool = settings.getInt(SettingKey.POOL_SIZE);
        if (pool < 1 || pool > 16) {
            throw new SettingsException("db.pool.size must be between 1 and 16 for a desktop client; it is " + pool
                    + ".");
        }
        return new ConnectionSettings(url,
                settings.get(SettingKey.DB_USER).orElse(null),
                settings.get(SettingKey.DB_PASSWORD).orElse(null),
                ssl, ca, pool,
                settings.getInt(SettingKey.CONNECT_TIMEOUT_SECONDS),
                settings.getInt(SettingKey.STATEMENT_TIMEOUT_MS),
                settings.getInt(SettingKey.LOCK_TIMEOUT_MS),
                settings.get(SettingKey.APPLICATION_NAME).orElse("IntoWork Recruiter"),
                Pooler.parse(SettingKey.DB_POOLER.property(), settings.get(SettingKey.DB_POOLER).orElse("none")));
    }

    /** Same server, other credentials or URL: used for the embedded database, whose address is known late. */
    public ConnectionSettings withUrlAndUser(String url, String newUser, String newPassword) {
        return new ConnectionSettings(url, newUser, newPassword, sslMode, sslRootCert, poolSize,
                connectTimeoutSeconds, statementTimeoutMs, lockTimeoutMs, applicationName, pooler);
    }

    public static ConnectionSettings embeddedDefaults(ResolvedSettings settings, String url, String user) {
        return new ConnectionSettings(url, user, null, SslMode.DISABLE, null,
                settings.getInt(SettingKey.POOL_SIZE),
                settings.getInt(SettingKey.CONNECT_TIMEOUT_SECONDS),
                settings.getInt(SettingKey.STATEMENT_TIMEOUT_MS),
                settings.getInt(SettingKey.LOCK_TIMEOUT_MS),
                settings.get(SettingKey.APPLICATION_NAME).orElse("IntoWork Recruiter"));
    }

    public Optional<String> passwordIfSet() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }
}
