package co.intowork.recruiter.settings;

import java.util.Arrays;
import java.util.Optional;

/** Every connection setting, with its name in settings files, its environment variable and its default. */
public enum SettingKey {
    DB_URL("db.url", "INTOWORK_DB_URL", null, false),
    DB_USER("db.user", "INTOWORK_DB_USER", null, false),
    DB_PASSWORD("db.password", "INTOWORK_DB_PASSWORD", null, true),
    SSL_MODE("db.sslmode", "INTOWORK_DB_SSLMODE", "prefer", false),
    SSL_ROOT_CERT("db.sslrootcert", "INTOWORK_DB_SSLROOTCERT", null, false),
    POOL_SIZE("db.pool.size", "INTOWORK_DB_POOL_SIZE", "4", false),
    CONNECT_TIMEOUT_SECONDS("db.connect.timeout.seconds", "INTOWORK_DB_CONNECT_TIMEOUT", "10", false),
    STATEMENT_TIMEOUT_MS("db.statement.timeout.ms", "INTOWORK_DB_STATEMENT_TIMEOUT_MS", "30000", false),
    LOCK_TIMEOUT_MS("db.lock.timeout.ms", "INTOWORK_DB_LOCK_TIMEOUT_MS", "5000", false),
    APPLICATION_NAME("db.application.name", "INTOWORK_DB_APPLICATION_NAME", "IntoWork Recruiter", false),
    EMBEDDED_DEMO("embedded.demo", "INTOWORK_EMBEDDED_DEMO", "true", false),
    UI_LANGUAGE("ui.language", "INTOWORK_LANGUAGE", "system", false),
    // statistics (issue 6): optional read replica, and when an application counts as stale
    DB_REPLICA_URL("db.replica.url", "INTOWORK_DB_REPLICA_URL", null, false),
    DB_REPLICA_USER("db.replica.user", "INTOWORK_DB_REPLICA_USER", null, false),
    DB_REPLICA_PASSWORD("db.replica.password", "INTOWORK_DB_REPLICA_PASSWORD", null, true),
    STATS_STALE_DAYS("stats.stale.days", "INTOWORK_STATS_STALE_DAYS", "14", false),
    // offline review (sync, decision 0010)
    OFFLINE_ENABLED("offline.enabled", "INTOWORK_OFFLINE_ENABLED", "true", false),
    OFFLINE_SIGN_IN_DAYS("offline.signin.days", "INTOWORK_OFFLINE_SIGNIN_DAYS", "14", false),
    OFFLINE_PULL_OVERLAP_SECONDS("offline.pull.overlap.seconds", "INTOWORK_OFFLINE_PULL_OVERLAP_SECONDS", "120", false),
    // offline CV files (sync, decision 0010): the web platform's address for its relative /uploads/ paths, and the
    // largest CV file kept on the laptop
    PLATFORM_FILES_URL("platform.files.url", "INTOWORK_PLATFORM_FILES_URL", null, false),
    OFFLINE_CV_MAX_MB("offline.cv.max.mb", "INTOWORK_OFFLINE_CV_MAX_MB", "10", false),
    // how long a candidate's notification of a move waits, so that an undo cancels it (decision 0018)
    NOTIFY_UNDO_SECONDS("notify.undo.seconds", "INTOWORK_NOTIFY_UNDO_SECONDS", "10", false),
    // a PgBouncer in transaction mode between the client and the server, or the replica (decision 0024)
    DB_POOLER("db.pooler", "INTOWORK_DB_POOLER", "none", false),
    DB_REPLICA_POOLER("db.replica.pooler", "INTOWORK_DB_REPLICA_POOLER", "none", false),
    // candidates' messages (issue 21, decision 0023): the SMTP server IT configures; without smtp.host the user's
    // own mail program is opened instead
    SMTP_HOST("smtp.host", "INTOWORK_SMTP_HOST", null, false),
    SMTP_PORT("smtp.port", "INTOWORK_SMTP_PORT", "587", false),
    SMTP_TLS("smtp.tls", "INTOWORK_SMTP_TLS", "starttls", false),
    SMTP_USER("smtp.user", "INTOWORK_SMTP_USER", null, false),
    SMTP_PASSWORD("smtp.password", "INTOWORK_SMTP_PASSWORD", null, true),
    SMTP_FROM("smtp.from", "INTOWORK_SMTP_FROM", null, false),
    // the live board (decision 0021): auto (LISTEN when a self-test passes, else poll), listen, poll or off; and
    // the address of the dedicated listener connection when the pool's goes through a transaction-mode pooler
    LIVE_MODE("live.mode", "INTOWORK_LIVE_MODE", "auto", false),
    LIVE_LISTEN_URL("live.listen.url", "INTOWORK_LIVE_LISTEN_URL", null, false);

    private final String property;
    private final String environmentVariable;
    private final String defaultValue;
    private final boolean secret;

    SettingKey(String property, String environmentVariable, String defaultValue, boolean secret) {
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    public String property() {
        return property;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public static Optional<SettingKey> byProperty(String property) {
        return Arrays.stream(values()).filter(k -> k.property.equals(property)).findFirst();
    }
}
