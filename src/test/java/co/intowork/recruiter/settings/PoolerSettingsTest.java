package co.intowork.recruiter.settings;

import co.intowork.recruiter.stats.StatsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * db.pooler (decision 0024): behind PgBouncer in transaction mode the driver must name no server-side statement
 * and send no startup options (PgBouncer 1.18 refuses them); without a pooler the timeouts travel as options.
 */
class PoolerSettingsTest {
    @TempDir
    Path temp;

    private ResolvedSettings load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("INTOWORK_MACHINE_CONFIG", temp.resolve("none-machine.properties").toString());
        env.put("INTOWORK_USER_CONFIG", temp.resolve("none-user.properties").toString());
        env.put("INTOWORK_DB_URL", "jdbc:postgresql://pgbouncer.example:6432/intowork");
        env.put("INTOWORK_DB_USER", "recruiter_site");
        return new SettingsLoader(new AppPaths(env, "Linux", temp), env).load(new EnumMap<>(SettingKey.class));
    }

    @Test
    void behindATransactionPoolerNoStatementIsPreparedAndNoStartupOptionIsSent() {
        ConnectionSettings settings = ConnectionSettings.from(load(Map.of("INTOWORK_DB_POOLER", "Transaction")));
        Properties props = DataSourceFactory.driverProperties(settings);

        assertThat(settings.pooler()).isEqualTo(ConnectionSettings.Pooler.TRANSACTION);
        assertThat(props.getProperty("prepareThreshold")).isEqualTo("0");
        assertThat(props).doesNotContainKey("options");
    }

    @Test
    void withoutAPoolerTheTimeoutsTravelAsStartupOptions() {
        ConnectionSettings settings = ConnectionSettings.from(load(Map.of()));
        Properties props = DataSourceFactory.driverProperties(settings);

        assertThat(settings.pooler()).isEqualTo(ConnectionSettings.Pooler.NONE);
        assertThat(props).doesNotContainKey("prepareThreshold");
        assertThat(props.getProperty("options")).contains("statement_timeout=30000", "lock_timeout=5000");
    }

    @Test
    void theReplicaHasItsOwnPoolerSettingAndAWrongValueIsASentence() {
        StatsSettings stats = StatsSettings.from(load(Map.of("INTOWORK_DB_REPLICA_URL",
                "jdbc:postgresql://pgbouncer.example:6433/intowork_standby", "INTOWORK_DB_REPLICA_POOLER",
                "transaction")));
        assertThat(stats.replica().pooler()).isEqualTo(ConnectionSettings.Pooler.TRANSACTION);
        assertThat(DataSourceFactory.driverProperties(stats.replica()).getProperty("prepareThreshold")).isEqualTo("0");

        assertThatThrownBy(() -> ConnectionSettings.from(load(Map.of("INTOWORK_DB_POOLER", "session"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("db.pooler must be none or transaction (a PgBouncer in transaction mode); 'session' is "
                        + "not one of them.");
    }
}
