package co.intowork.recruiter.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 15 for the whole test JVM; each test gets its own database in it, so tests stay
 * independent without paying for a server start each. Databases that many tests need (migrated, two companies,
 * demo data) are built once as templates and copied ({@link Templates}).
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("intowork-test-pg");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        // removed by the shutdown hook below, not by close(): see there
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temp folder is cleaned by the OS
                    }
                    // A run leaves up to 1.4 GB of test databases here. Deleted inside the JVM's exit, that took
                    // over the 30 s surefire grants a fork to exit in 4 of 8 runs (the fork killed, its folder left
                    // behind); a process of its own deletes it while the run goes on.
                    try {
                        new ProcessBuilder("rm", "-rf", dir.toString()).redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    } catch (IOException noRm) {
                        // no rm on this system: the temp folder is left to the OS
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty database (no schema beyond PostgreSQL's own). */
    public static Db newEmptyDatabase(String purpose) {
        return create(purpose, "template0 ENCODING 'UTF8'");
    }

    /**
     * A new database holding what {@code template} holds (CREATE DATABASE ... TEMPLATE: a file copy, a fraction of
     * a second where migrating takes seconds). Nobody may be connected to the template meanwhile.
     */
    public static Db copyOf(Db template, String purpose) {
        return create(purpose, template.name());
    }

    private static Db create(String purpose, String template) {
        String name = "t_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + COUNTER.incrementAndGet();
        if (name.length() > 63) {
            // PostgreSQL cuts longer names, and two cut names could clash: keep the counter at the end
            name = name.substring(0, 50) + "_" + COUNTER.incrementAndGet();
        }
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // name and template are built here from [a-z0-9_] only
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " from " + template, e);
        }
        return new Db(name, server().getJdbcUrl("postgres", name), server().getDatabase("postgres", name));
    }

    public record Db(String name, String jdbcUrl, DataSource superuser) {
        public String user() {
            return "postgres";
        }
    }
}
