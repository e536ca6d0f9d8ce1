package co.intowork.recruiter.common.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded database's record that its schema passed a full Flyway check with exactly the migrations this build
 * carries ({@link MigrationStamp}), kept as a file inside its PostgreSQL folder so that a new or replaced folder
 * never inherits it. A warm start that finds it skips Flyway's inspection (over a second with its class loading);
 * any other build, or a folder without it, is checked (and migrated) as before.
 */
public final class EmbeddedSchemaStamp {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaStamp.class);
    static final String FILE = "intowork-schema.stamp";

    private EmbeddedSchemaStamp() {
    }

    /** The schema version recorded with this build's migrations; empty when Flyway must check. */
    public static Optional<String> version(Path dataDir) {
        String current = MigrationStamp.current();
        Path file = dataDir.resolve(FILE);
        if (current == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(1).equals(current) && !lines.get(0).isBlank()) {
                return Optional.of(lines.get(0));
            }
        } catch (IOException e) {
            log.info("Schema stamp {} not read ({}); the schema is checked by Flyway", file, e.toString());
        }
        return Optional.empty();
    }

    /** Records that the schema is at {@code version} with this build's migrations, after Flyway said so. */
    public static void record(Path dataDir, String version) {
        String current = MigrationStamp.current();
        if (current == null) {
            return;
        }
        try {
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.writeString(tmp, version + "\n" + current + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.info("Schema stamp not written in {} ({}); the next start checks with Flyway", dataDir, e.toString());
        }
    }

    /** Forgets the stamp before the schema changes, so a migration that stops midway is checked next time. */
    public static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            log.warn("Schema stamp in {} could not be removed: {}", dataDir, e.toString());
        }
    }

    /** The status a stamped schema has: managed, at {@code version}, nothing pending. */
    public static Migrator.Status upToDate(String version) {
        return new Migrator.Status(Migrator.State.MANAGED, version, version, List.of(), false, List.of(), List.of(),
                List.of(), List.of());
    }
}
