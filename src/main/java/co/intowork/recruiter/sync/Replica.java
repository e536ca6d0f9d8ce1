package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedDatabase;
import co.intowork.recruiter.common.db.MigrationStamp;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.settings.ResolvedSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The laptop's replica: a second embedded PostgreSQL (the demo's bundled binaries, its own data folder), migrated
 * with the same migrations and opened as its owner. Row-level security does not apply to the owner; the replica
 * only ever holds what the signed-in person could see on the server, and the folder is the user's alone.
 */
public final class Replica {
    private static final Logger log = LoggerFactory.getLogger(Replica.class);
    static final String SCHEMA_STAMP = "schema_stamp";

    private Replica() {
    }

    public static Path folder(AppPaths paths) {
        return paths.dataDir().resolve("offline-replica");
    }

    public static boolean exists(AppPaths paths) {
        return Files.isDirectory(folder(paths).resolve("PG_VERSION").getParent())
                && Files.exists(folder(paths).resolve("PG_VERSION"));
    }

    public static Database open(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers,
                                BooleanSupplier onUiThread, Consumer<String> progress) {
        Path dir = folder(paths);
        progress.accept("Starting the offline copy");
        long t0 = System.nanoTime();
        Database db = start(settings, paths, mappers, onUiThread);
        try {
            long t1 = System.nanoTime();
            // Flyway's inspection costs over a second at every start: a copy stamped with exactly these
            // migrations after a full check skips it
            String stamp = MigrationStamp.current();
            boolean stamped = stamp != null && stamp.equals(storedStamp(db));
            String how = "schema stamp current";
            if (!stamped) {
                Migrator migrator = new Migrator(db.dataSource());
                how = "schema checked by Flyway";
                if (!migrator.inspect().upToDate()) {
                    progress.accept("Preparing the offline copy");
                    migrator.migrate(false, null, progress);
                    how = "migrated";
                }
                if (stamp != null) {
                    db.unitOfWork().run(s -> s.getMapper(ReplicaMapper.class).saveState(SCHEMA_STAMP, stamp));
                }
            }
            log.info("Offline copy opened in {} ms: PostgreSQL and connection pool ready in {} ms, {} in {} ms",
                    ms(t0), (t1 - t0) / 1_000_000, how, ms(t1));
            return db;
        } catch (RuntimeException e) {
            // what waits is exported while the copy still lets it be read, before it is closed
            RuntimeException reported = CopyDamage.isDamage(e) ? CopyDamage.report(e, db.unitOfWork(), paths) : e;
            db.close();
            throw reported;
        }
    }

    /**
     * The copy's PostgreSQL started on its folder as it is, no schema check: to read a damaged copy before its
     * rebuild. A folder it will not start on is reported as the copy's damage, not the demo database's.
     */
    static Database openAsFound(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers) {
        return start(settings, paths, mappers, () -> false);
    }

    private static Database start(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers,
                                  BooleanSupplier onUiThread) {
        Path dir = folder(paths);
        Optional<String> missing = CopyDamage.missingFiles(dir);
        if (missing.isPresent()) {
            throw CopyDamage.report(Sentence.of("sync.copy.fileMissing", missing.get()),
                    new IllegalStateException(dir.resolve(missing.get()) + " is missing"), null, paths);
        }
        EmbeddedDatabase embedded;
        try {
            embedded = EmbeddedDatabase.start(dir);
        } catch (EmbeddedDatabase.StartFailure e) {
            throw CopyDamage.report(e, null, paths);
        }
        try {
            lockDown(dir);
            ConnectionSettings cs = ConnectionSettings.embeddedDefaults(settings, embedded.jdbcUrl(),
                    EmbeddedDatabase.SUPERUSER);
            return new Database(DataSourceFactory.create(cs, "intowork-replica"),
                    new Database.Target(true, "localhost", embedded.port(), EmbeddedDatabase.DATABASE_NAME,
                            cs.user()), mappers, onUiThread, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    /** The stamp recorded by the last full check; null for a new copy (no replica schema yet). */
    private static String storedStamp(Database db) {
        try {
            return db.unitOfWork().inTransaction(s -> s.getMapper(ReplicaMapper.class).stateValue(SCHEMA_STAMP));
        } catch (RuntimeException e) {
            log.debug("No schema stamp in the offline copy: {}", e.getMessage());
            return null;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Owner-only (0700) on POSIX systems; on Windows the user's profile folder already is the user's. */
    static void lockDown(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UserFacingException("The offline copy's folder " + dir + " could not be made private to you ("
                    + e.getMessage() + "); nothing was copied.", e);
        }
    }

    /** Opens the replica on first use; closing stops its server (at sign-out, so the next sign-in can open it). */
    public static final class Lazy implements Supplier<Database>, AutoCloseable {
        private final Supplier<Database> opener;
        private Database opened;

        Lazy(Supplier<Database> opener) {
            this.opener = opener;
        }

        public static Lazy of(Supplier<Database> opener) {
            return new Lazy(opener);
        }

        @Override
        public synchronized Database get() {
            if (opened == null) {
                opened = opener.get();
            }
            return opened;
        }

        /** The copy if it is open now (null: not opened yet, or closed); never starts it. */
        public synchronized Database ifOpen() {
            return opened;
        }

        @Override
        public synchronized void close() {
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
    }

    /** Deletes the replica's folder; the replica must be closed. */
    public static void wipe(AppPaths paths) {
        Path dir = folder(paths);
        if (!Files.exists(dir)) {
            CvFiles.wipe(paths);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".lock"));
            log.info("Offline copy wiped from {}", dir);
        } catch (IOException e) {
            throw new UserFacingException("The offline copy in " + dir + " could not be deleted (" + e.getMessage()
                    + "). Delete that folder by hand.", e);
        }
        CvFiles.wipe(paths);
    }
}
