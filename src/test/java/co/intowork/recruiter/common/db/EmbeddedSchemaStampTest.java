package co.intowork.recruiter.common.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSchemaStampTest {
    @TempDir
    Path dataDir;

    @Test
    void aFolderWithoutTheStampIsCheckedByFlyway() {
        assertThat(EmbeddedSchemaStamp.version(dataDir)).isEmpty();
    }

    @Test
    void theStampRecordedAfterACheckSkipsTheNextOneUntilCleared() {
        EmbeddedSchemaStamp.record(dataDir, "40");
        assertThat(EmbeddedSchemaStamp.version(dataDir)).contains("40");
        assertThat(EmbeddedSchemaStamp.upToDate("40").upToDate()).isTrue();
        EmbeddedSchemaStamp.clear(dataDir);
        assertThat(EmbeddedSchemaStamp.version(dataDir)).isEmpty();
    }

    /** Another build's migrations (a new or edited file) do not match: Flyway checks, and migrates if need be. */
    @Test
    void aStampOfOtherMigrationsIsIgnored() throws Exception {
        String current = MigrationStamp.current();
        assertThat(current).isNotNull();
        Files.writeString(dataDir.resolve(EmbeddedSchemaStamp.FILE), "39\n" + current.replace(':', '-') + "\n");
        assertThat(EmbeddedSchemaStamp.version(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve(EmbeddedSchemaStamp.FILE), "garbage");
        assertThat(EmbeddedSchemaStamp.version(dataDir)).isEmpty();
    }
}
