package co.intowork.recruiter.common.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseLifecycleTest {
    @TempDir
    Path temp;

    private static void write(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void firstStartCreatesTheDatabaseAndARestartKeepsItsData() throws Exception {
        Path dir = temp.resolve("demo-db");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            assertThat(Files.exists(dir.resolve("PG_VERSION"))).isTrue();
            assertThat(Files.readString(dir.resolve("PG_VERSION")).trim()).isEqualTo("15");
            write(db.jdbcUrl(), "CREATE TABLE kept(id int); INSERT INTO kept VALUES (1), (2)");
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            assertThat(count(db.jdbcUrl(), "SELECT count(*) FROM kept")).isEqualTo(2);
        }
    }

    @Test
    void recoversWhenTheAppWasKilledAndItsServerLeftRunning() throws Exception {
        Path dir = temp.resolve("demo-db");
        Process holder = startHolder(dir);
        String url = awaitReady(holder);
        write(url, "CREATE TABLE survivor(id int); INSERT INTO survivor VALUES (42)");
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());

        holder.destroyForcibly().waitFor();
        // the app is gone, its PostgreSQL child is not: that is the crash we recover from
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            assertThat(count(db.jdbcUrl(), "SELECT count(*) FROM survivor")).isEqualTo(1);
            assertThat(db.serverPid()).isPresent().get().isNotEqualTo(orphanPid);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void recoversAfterTheServerProcessWasKilled() throws Exception {
        Path dir = temp.resolve("demo-db");
        long pid;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            write(db.jdbcUrl(), "CREATE TABLE crashed(id int); INSERT INTO crashed VALUES (1)");
            pid = db.serverPid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        } catch (RuntimeException ignoredStopFailure) {
            // stopping a server that was killed may complain; the next start is what matters
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            assertThat(count(db.jdbcUrl(), "SELECT count(*) FROM crashed")).isEqualTo(1);
        }
    }

    @Test
    void aStalePidFileNamingAReusedPidDoesNotBlockTheStart() throws Exception {
        Path dir = temp.resolve("demo-db");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            write(db.jdbcUrl(), "CREATE TABLE t(id int)");
        }
        // a pid that is certainly not running PostgreSQL: our own JVM's
        Files.write(dir.resolve("postmaster.pid"),
                List.of(String.valueOf(ProcessHandle.current().pid()), dir.toString(), "0", "5432"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            assertThat(count(db.jdbcUrl(), "SELECT count(*) FROM t")).isZero();
        }
    }

    @Test
    void aSecondInstanceIsRefusedAndTheFirstKeepsWorking() throws Exception {
        Path dir = temp.resolve("demo-db");
        Process holder = startHolder(dir);
        try {
            String url = awaitReady(holder);
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("Another copy of IntoWork Recruiter");
            write(url, "CREATE TABLE still_fine(id int)");
            assertThat(count(url, "SELECT count(*) FROM still_fine")).isZero();
        } finally {
            holder.destroyForcibly().waitFor();
            EmbeddedDatabase.stopOrphanedServer(dir);
        }
    }

    private Process startHolder(Path dir) throws Exception {
        Path ready = temp.resolve("ready-" + System.nanoTime());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedHolderMain.class.getName(), dir.toString(), ready.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(temp.resolve("holder.log").toFile());
        Process p = pb.start();
        p.info();
        readyFiles.put(p, ready);
        return p;
    }

    private final java.util.Map<Process, Path> readyFiles = new java.util.HashMap<>();

    private String awaitReady(Process p) throws Exception {
        Path ready = readyFiles.get(p);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(ready) && Files.size(ready) > 0) {
                return Files.readString(ready);
            }
            if (!p.isAlive()) {
                throw new AssertionError("holder died: " + Files.readString(temp.resolve("holder.log")));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("holder did not start: " + Optional.of(temp.resolve("holder.log"))
                .filter(Files::exists).map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (Exception e) {
                        return "";
                    }
                }).orElse(""));
    }
}
