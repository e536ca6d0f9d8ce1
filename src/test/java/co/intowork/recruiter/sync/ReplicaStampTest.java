package co.intowork.recruiter.sync;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.MigrationStamp;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy skips Flyway only while it carries the stamp of exactly the bundled migrations. */
class ReplicaStampTest {

    @Test
    void aCopyStampedWithOtherMigrationsIsCheckedAgainAndStampedAnew(@TempDir Path temp) {
        AppPaths paths = new AppPaths(Map.of("INTOWORK_DATA_DIR", temp.resolve("data").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString()), "Linux", temp);
        SettingsLoader loader = new SettingsLoader(paths, Map.of());
        String current = MigrationStamp.current();
        assertThat(current).matches("\\d+:[0-9a-f]{64}");

        try (Database copy = Replica.open(loader.load(Map.of()), paths, Mappers.all(), () -> false, m -> { })) {
            assertThat(stamp(copy)).isEqualTo(current);
            // as if an older build had checked it: the next open must not trust it
            copy.unitOfWork().run(s -> s.getMapper(ReplicaMapper.class).saveState(Replica.SCHEMA_STAMP, "1:old"));
            copy.unitOfWork().run(s -> s.getMapper(ReplicaMapper.class).addSliceJob(11));
        }
        try (Database copy = Replica.open(loader.load(Map.of()), paths, Mappers.all(), () -> false, m -> { })) {
            assertThat(stamp(copy)).isEqualTo(current);
            assertThat(SyncService.countsIn(copy.unitOfWork()).jobs()).isEqualTo(1);
        }
    }

    private static String stamp(Database copy) {
        return copy.unitOfWork().inTransaction(s -> s.getMapper(ReplicaMapper.class).stateValue(Replica.SCHEMA_STAMP));
    }
}
