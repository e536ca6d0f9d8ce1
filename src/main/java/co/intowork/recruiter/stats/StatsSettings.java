package co.intowork.recruiter.stats;

import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsException;

/** The statistics settings: the stale threshold, and the read replica (null when none is configured). */
public record StatsSettings(int staleDays, ConnectionSettings replica) {
    public static final int DEFAULT_STALE_DAYS = 14;
    // a dead replica must cost the screen a few seconds at most before it falls back to the main database
    private static final int REPLICA_CONNECT_TIMEOUT_SECONDS = 3;

    public static StatsSettings defaults() {
        return new StatsSettings(DEFAULT_STALE_DAYS, null);
    }

    public static StatsSettings from(ResolvedSettings settings) {
        int stale = settings.getInt(SettingKey.STATS_STALE_DAYS);
        if (stale < 1) {
            throw new SettingsException("stats.stale.days must be at least 1; it is " + stale + ".");
        }
        String url = settings.get(SettingKey.DB_REPLICA_URL).filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            return new StatsSettings(stale, null);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new SettingsException("db.replica.url must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://replica.example.com:5432/intowork, not '" + url + "'.");
        }
        // the replica holds the same roles as its primary: by default the same login
        String user = settings.get(SettingKey.DB_REPLICA_USER).or(() -> settings.get(SettingKey.DB_USER)).orElse(null);
        String password = settings.get(SettingKey.DB_REPLICA_PASSWORD)
                .or(() -> settings.get(SettingKey.DB_PASSWORD)).orElse(null);
        String sslMode = settings.get(SettingKey.SSL_MODE).orElse("prefer");
        ConnectionSettings.SslMode ssl = ConnectionSettings.SslMode.parse(sslMode);
        return new StatsSettings(stale, new ConnectionSettings(url, user, password, ssl,
                settings.get(SettingKey.SSL_ROOT_CERT).orElse(null), 2,
                Math.min(REPLICA_CONNECT_TIMEOUT_SECONDS, settings.getInt(SettingKey.CONNECT_TIMEOUT_SECONDS)),
                settings.getInt(SettingKey.STATEMENT_TIMEOUT_MS), settings.getInt(SettingKey.LOCK_TIMEOUT_MS),
                settings.get(SettingKey.APPLICATION_NAME).orElse("IntoWork Recruiter") + " (statistics)",
                ConnectionSettings.Pooler.parse(SettingKey.DB_REPLICA_POOLER.property(),
                        settings.get(SettingKey.DB_REPLICA_POOLER).orElse("none"))));
    }
}
