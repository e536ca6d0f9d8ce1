package co.intowork.recruiter.app.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Debian's PostgreSQL 15 run by the harness as an unprivileged user, on loopback: the primary, or a streaming hot
 * standby cloned from it with pg_basebackup (which zonky's embedded binaries lack). Trust authentication on
 * 127.0.0.1 only.
 */
public final class PgServer {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Path commands;

    private PgServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        // the server's own log is written by the unprivileged user; the commands' output by this process
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        this.commands = dataDir.resolveSibling(dataDir.getFileName() + "-commands.log");
    }

    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("pg_basebackup")) && Files.isExecutable(BIN.resolve("postgres"));
    }

    /** A primary in {@code dataDir}: created (initdb) unless it exists from an earlier run. */
    public static PgServer primary(Path dataDir, int port) {
        PgServer server = new PgServer(dataDir, port);
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Unprivileged.ownedDirectory(dataDir.getParent());
            Unprivileged.run(server.commands, BIN.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
            server.appendConfig("""
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = '%s'
                    max_connections = 300
                    shared_buffers = 512MB
                    effective_cache_size = 4GB
                    work_mem = 8MB
                    maintenance_work_mem = 256MB
                    wal_level = replica
                    max_wal_senders = 4
                    wal_keep_size = 1GB
                    hot_standby = on
                    hot_standby_feedback = on
                    max_standby_streaming_delay = 30s
                    shared_preload_libraries = 'pg_stat_statements'
                    """.formatted(dataDir.getParent()));
            try {
                Files.writeString(dataDir.resolve("pg_hba.conf"), """
                        local all all trust
                        host all all 127.0.0.1/32 trust
                        host replication all 127.0.0.1/32 trust
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A streaming hot standby of {@code primary}, cloned afresh (pg_basebackup -R) into {@code dataDir}. */
    public static PgServer standbyOf(PgServer primary, Path dataDir, int port) {
        PgServer server = new PgServer(dataDir, port);
        if (Files.exists(dataDir)) {
            Unprivileged.run(server.commands, "rm", "-rf", dataDir.toString());
        }
        Unprivileged.run(server.commands, BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(primary.port), "-U", "postgres", "-D", dataDir.toString(), "-R", "-X", "stream",
                "-c", "fast");
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void start() {
        Unprivileged.run(commands, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(),
                "-o", "-p " + port, "-w", "-t", "120", "start");
    }

    /** {@code mode}: smart, fast or immediate (pg_ctl's). */
    public void stop(String mode) {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            Unprivileged.run(commands, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", mode, "-w",
                    "-t", "120", "stop");
        }
    }

    public void restart(String mode) {
        Unprivileged.run(commands, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(),
                "-o", "-p " + port, "-m", mode, "-w", "-t", "120", "restart");
    }

    /** The postmaster's process id, for the CPU figures; -1 when it is not running. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void appendConfig(String lines) {
        try {
            Files.writeString(dataDir.resolve("postgresql.conf"), "\n# load test (decision 0024)\n" + lines,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
