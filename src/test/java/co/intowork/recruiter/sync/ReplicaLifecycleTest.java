package co.intowork.recruiter.sync;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-out closes the workspace's offline copy: its server stops, and the next sign-in opens the same folder. */
class ReplicaLifecycleTest {
    @TempDir
    Path temp;

    @Test
    void closingStopsTheCopysServerSoTheNextSessionCanOpenTheSameFolder() {
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        SettingsLoader loader = new SettingsLoader(paths, Map.of());
        Replica.Lazy replica = new Replica.Lazy(() -> Replica.open(loader.load(Map.of()), paths, Mappers.all(),
                () -> false, message -> { }));

        Database first = replica.get();
        assertThat(replica.get()).isSameAs(first);
        assertThat(Replica.exists(paths)).isTrue();
        replica.close();
        assertThatThrownBy(() -> first.unitOfWork().inTransaction(s -> s.getConnection().isValid(1)))
                .as("the first session's copy is closed").isNotNull();

        Database second = replica.get();
        try {
            assertThat(second).isNotSameAs(first);
            Boolean valid = second.unitOfWork().inTransaction(s -> s.getConnection().isValid(1));
            assertThat(valid).isTrue();
        } finally {
            replica.close();
        }
    }
}
