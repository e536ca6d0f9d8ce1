package co.intowork.recruiter.app.bench.load;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (Debian's package) in transaction mode on loopback, started and stopped by the harness. Its
 * settings are the ones the README gives IT, except authentication: trust on loopback here, SCRAM or an
 * auth_query at a site.
 */
public final class PgBouncer implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/pgbouncer";
    public static final String ADMIN_USER = "postgres";
    static final String PSQL = "/usr/bin/psql";

    /** One entry of [databases]: the name clients use, where it leads. */
    public record Target(String name, int port, String dbname) {
    }

    private final Path dir;
    private final int port;
    private final int poolSize;
    private final List<Target> targets;
    private final List<String> users;
    private final int queryWaitTimeoutSeconds;
    private Process process;

    public PgBouncer(Path dir, int port, int poolSize, List<Target> targets, List<String> users) {
        this(dir, port, poolSize, targets, users, 30);
    }

    /**
     * @param queryWaitTimeoutSeconds how long a client waits for a server connection; PgBouncer 1.18 has one value
     *                                per instance, hence the standby's own instance with a short one (decision 0024)
     */
    public PgBouncer(Path dir, int port, int poolSize, List<Target> targets, List<String> users,
                     int queryWaitTimeoutSeconds) {
        this.queryWaitTimeoutSeconds = queryWaitTimeoutSeconds;
        this.dir = Unprivileged.ownedDirectory(dir);
        this.port = port;
        this.poolSize = poolSize;
        this.targets = List.copyOf(targets);
        this.users = List.copyOf(users);
    }

    /** Whether Debian's PgBouncer is installed here. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public static Optional<String> version() {
        try {
            Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            p.waitFor(5, TimeUnit.SECONDS);
            return Optional.of(out.strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public int port() {
        return port;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path log() {
        return dir.resolve("pgbouncer.log");
    }

    public synchronized void start() {
        try {
            StringBuilder ini = new StringBuilder("[databases]\n");
            for (Target t : targets) {
                ini.append(t.name()).append(" = host=127.0.0.1 port=").append(t.port()).append(" dbname=")
                        .append(t.dbname()).append('\n');
            }
            ini.append("""
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    admin_users = %s
                    stats_users = %s
                    pool_mode = transaction
                    default_pool_size = %d
                    min_pool_size = 0
                    reserve_pool_size = 0
                    max_client_conn = 5000
                    max_db_connections = 0
                    ; pgjdbc sends it at start-up; PgBouncer 1.18 knows no better than to refuse it
                    ignore_startup_parameters = extra_float_digits
                    ; a server that refused a login is tried again after a second, not the default 15
                    server_login_retry = 1
                    query_wait_timeout = %d
                    server_idle_timeout = 60
                    log_connections = 0
                    log_disconnections = 0
                    stats_period = 10
                    logfile = %s
                    """.formatted(port, dir.resolve("userlist.txt"), ADMIN_USER, ADMIN_USER, poolSize,
                    queryWaitTimeoutSeconds, log()));
            Files.writeString(dir.resolve("pgbouncer.ini"), ini);
            StringBuilder list = new StringBuilder();
            for (String u : users) {
                list.append('"').append(u).append("\" \"\"\n");
            }
            Files.writeString(dir.resolve("userlist.txt"), list);
            Unprivileged.ownedDirectory(dir);
            process = new ProcessBuilder(Unprivileged.command(List.of(BINARY, dir.resolve("pgbouncer.ini").toString())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("pgbouncer.out").toFile())).start();
            Unprivileged.waitForPort(port, 10_000, process, log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Immediate shutdown (SIGTERM): every client connection drops, as when the pooler's host restarts. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }

    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * SHOW POOLS on the admin console, one map per pool (database, user), read with psql: pgjdbc always sends
     * extra_float_digits, which the console refuses as an unknown setting (PgBouncer 1.18 ignores it only for
     * server databases). Empty when psql is not installed.
     */
    public List<Map<String, Object>> pools() {
        if (!Files.isExecutable(Path.of(PSQL))) {
            return List.of();
        }
        try {
            Process p = new ProcessBuilder(PSQL, "-X", "-A", "-F", "\t", "-P", "footer=off", "-h", "127.0.0.1",
                    "-p", String.valueOf(port), "-U", ADMIN_USER, "-d", "pgbouncer", "-c", "SHOW POOLS")
                    .redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || lines.isEmpty()) {
                throw new IllegalStateException("SHOW POOLS failed: " + String.join(" ", lines));
            }
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
