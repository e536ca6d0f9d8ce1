package co.intowork.recruiter.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL 15 the app runs on when no server is configured: bundled binaries, data kept in the user's
 * data folder across runs. One app instance owns a data folder at a time (an OS file lock beside it); a server
 * left running by a crashed instance is stopped before a new one starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE_NAME = "intowork";
    public static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dataDir.getParent());
            Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
            channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel();
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserFacingException("Another copy of IntoWork Recruiter is already using the local "
                        + "database in " + dataDir + ". Switch to that window, or close it and start again.");
            }
            stopOrphanedServer(dataDir);
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = startWithRetry(dataDir);
            EmbeddedDatabase db = new EmbeddedDatabase(dataDir, channel, lock, postgres);
            db.ensureApplicationDatabase();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            return db;
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            releaseQuietly(lock, channel);
            throw new StartFailure("The local demo database could not be started (" + rootMessage(e)
                    + "). Check that " + dataDir + " is writable and the disk is not full, then start again.", e);
        }
    }

    /** PostgreSQL did not start on the folder (as opposed to the folder being in use by another window). */
    public static final class StartFailure extends UserFacingException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The innermost message: zonky's own exceptions often carry none ("null" reached the user, issue 18). */
    public static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }

    private static EmbeddedPostgres startWithRetry(Path dataDir) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(true)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // zonky is built for throw-away test databases (-F, synchronous_commit=off); this
                        // folder holds the user's work, so durability comes back on.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("max_connections", "30")
                        .setServerConfig("shared_buffers", "128MB")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .start();
            } catch (IOException | IllegalStateException e) {
                // After a crash, server processes of the dead postmaster may hold its shared memory for a
                // moment; PostgreSQL refuses to start until they are gone, which takes a second or two.
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                log.warn("Embedded PostgreSQL did not start (attempt {} of 3): {}", attempt, e.getMessage());
                if (attempt == 3) {
                    break;
                }
                try {
                    Thread.sleep(2_000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    /**
     * A crashed app can leave its postmaster running (it is a child process, not killed with the JVM). We hold
     * the folder lock, so any live postmaster on this folder is an orphan of ours: stop it. A postmaster.pid
     * naming a dead process is left to PostgreSQL, which checks that no old server process still uses its
     * shared memory before it starts; one naming a live process that is not PostgreSQL (the pid was reused)
     * would block the start for ever, so it is removed.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        boolean isPostgres = handle.flatMap(h -> h.info().command())
                .map(cmd -> cmd.contains("postgres")).orElse(false);
        if (handle.isPresent() && isPostgres) {
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier session", pid.get(), dataDir);
            ProcessHandle process = handle.get();
            process.destroy();
            try {
                process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception timeoutOrInterrupt) {
                log.warn("PostgreSQL pid {} did not stop within 20 s; killing it (it recovers from WAL)", pid.get());
                process.destroyForcibly();
                try {
                    process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported below if the start fails
                }
            }
        }
        if (handle.isPresent() && !isPostgres && Files.exists(pidFile)) {
            log.warn("Removing stale {}", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    private void ensureApplicationDatabase() {
        EmbeddedAdmin.ensureDatabase(postgres.getPostgresDatabase(), DATABASE_NAME);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE_NAME);
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** The app's own database as another login (the demo's client login in recruiter_app). */
    public String jdbcUrlAs(String user) {
        return postgres.getJdbcUrl(user, DATABASE_NAME);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public DataSource superuserDataSource() {
        return postgres.getDatabase(SUPERUSER, DATABASE_NAME);
    }

    public Optional<Long> serverPid() {
        return readPid(dataDir.resolve("postmaster.pid"));
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly; it will recover on the next start", e);
        } finally {
            releaseQuietly(lock, lockChannel);
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
