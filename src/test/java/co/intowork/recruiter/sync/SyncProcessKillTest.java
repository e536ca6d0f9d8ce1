package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.BulkLoad;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crash safety with a real process death (decision 0010): the sync runs in a child JVM ({@link SyncChild}) over the
 * same two databases and is killed — halted at each step, or SIGKILLed inside a long pull's uncommitted transaction —
 * with no finally block, shutdown hook or rollback of our own running. Then this JVM syncs again with new objects: the
 * replica mirrors the server column by column and the server holds each offline operation exactly once.
 */
class SyncProcessKillTest {
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    /** More than SyncService.BATCH: the killed transaction has written several batches of each table. */
    private static final int LONG_PULL_APPLICATIONS = 1500;

    @ParameterizedTest
    @ValueSource(strings = {"pull:job", "pull:applications", "pull:candidates", "pull:purged", "pull:cv-files",
            "push:before-server", "push:after-server-commit", "push:after-local-mark"})
    void aProcessKilledAtAnyStepIsRepairedByTheNextSync(String step) throws Exception {
        try (SyncFixture f = SyncFixture.copy("sync_kill", TwoCompanies.HUGO)) {
            f.sync().takeOffline(11);
            f.offlineWorkAndPlatformChanges();

            Child child = Child.start(f, step);
            int exit = child.waitFor();
            assertThat(exit).as("the child halted at %s (stdout: %s, stderr: %s)", step, child.stdout(),
                    child.stderr()).isEqualTo(SyncChild.HALTED);
            assertThat(child.stdout()).contains("halting at " + step);
            if (step.equals("push:after-server-commit")) {
                // the hazard itself: the server applied the first operation, the laptop still calls it pending
                assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.applied_operations"))
                        .isEqualTo(1);
                assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM recruiter_replica.outbox "
                        + "WHERE state = 'pending'")).isEqualTo(3);
            }

            SyncService restarted = f.sync();
            restarted.sync(p -> { });
            f.assertRepaired(restarted);
        }
    }

    /**
     * SIGKILLed inside one of the long pull's replica transactions, its rows written and not committed: this JVM holds
     * the lock on that step's watermark row, so the child's transaction waits at its last statement, where it is
     * killed (a defined point: no timing, so a fast or a slow machine kills it at the same place).
     */
    @ParameterizedTest
    @EnumSource(value = SliceTable.class, names = {"APPLICATIONS", "CANDIDATES"})
    void aProcessKilledInTheMiddleOfALongPullIsRepairedByTheNextSync(SliceTable step) throws Exception {
        try (SyncFixture f = SyncFixture.copy("sync_kill_pull", TwoCompanies.HUGO)) {
            f.sync().takeOffline(11);
            f.offlineWorkAndPlatformChanges();
            // then many new applicants on the job: the child's pull copies thousands of rows in batches.
            // Their profiles are loaded without triggers (the search-document upkeep would take seconds); the
            // applications with their status events, counts and statistics, as on the platform.
            asOwnerWithoutTriggers(f.server,
                    "INSERT INTO public.users (id, email, role, first_name, last_name, is_active) SELECT 10000 + g, "
                            + "'applicant' || g || '@example.com', 'CANDIDATE', 'Applicant', 'No ' || g, true "
                            + "FROM generate_series(1, " + LONG_PULL_APPLICATIONS + ") g",
                    "INSERT INTO public.candidates (id, user_id, title, summary) SELECT 10000 + g, 10000 + g, "
                            + "'Engineer ' || g, repeat('Summary text. ', 20) "
                            + "FROM generate_series(1, " + LONG_PULL_APPLICATIONS + ") g",
                    "INSERT INTO public.experiences (candidate_id, title, company, start_date) SELECT 10000 + g, "
                            + "'Role ' || k, 'Company ' || k, '2019-01' "
                            + "FROM generate_series(1, " + LONG_PULL_APPLICATIONS + ") g, generate_series(1, 2) k",
                    "INSERT INTO public.skills (candidate_id, name, level, category) SELECT 10000 + g, 'Skill ' || k, "
                            + "3, 'TECHNICAL' FROM generate_series(1, " + LONG_PULL_APPLICATIONS + ") g, "
                            + "generate_series(1, 3) k");
            // loaded as the seeders load (the status events by their trigger, the counts and statistics rebuilt
            // after): row by row through every trigger these 1,500 took 8.5 s on the 2-core machine
            BulkLoad.applications(f.server, """
                    INSERT INTO public.job_applications (id, job_id, candidate_id, status, cover_letter)
                    SELECT 10000 + g, 11, 10000 + g,
                           (ARRAY['applied','viewed','shortlisted','interview'])[1 + g % 4]::public.applicationstatus,
                           repeat('Cover letter. ', 30)
                      FROM generate_series(1, ?) g""", LONG_PULL_APPLICATIONS);
            SyncFixture.update(f.server, "ANALYZE");

            Child child;
            int exit;
            try (Connection holder = f.replicaDb.superuser().getConnection()) {
                holder.setAutoCommit(false);
                assertThat(MigratedDatabases.strings(holder, "SELECT table_name FROM recruiter_replica.watermarks"
                        + " WHERE job_id = 11 AND table_name = ? FOR UPDATE", step.name()))
                        .as("the watermark row the step's transaction ends with").containsExactly(step.name());
                child = Child.start(f, "none");
                int backend = awaitBlockedBackend(f.replicaDb, holder, child);
                child.process.destroyForcibly();
                exit = child.waitFor();
                holder.rollback();
                awaitGone(f.replicaDb, backend);
            }
            // on stdout, so a failure's report says where the kill landed
            List<String> passed = child.stdout().lines().filter(l -> l.startsWith("at ")).toList();
            System.out.printf("Killed the sync inside its %s transaction; it had passed %s%n", step, passed);
            assertThat(passed).as("the steps the child had passed").endsWith(
                    step == SliceTable.APPLICATIONS ? "at pull:job" : "at pull:applications");
            assertThat(child.stdout()).as("killed before the sync finished").doesNotContain(SyncChild.DONE);
            assertThat(exit).as("SIGKILL").isEqualTo(128 + 9);

            SyncService restarted = f.sync();
            restarted.sync(p -> { });

            f.assertRepaired(restarted);
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM public.job_applications"))
                    .isEqualTo(4 + LONG_PULL_APPLICATIONS);
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM public.skills WHERE candidate_id >= 10000"))
                    .isEqualTo(3L * LONG_PULL_APPLICATIONS);
        }
    }

    /** The child's replica session once it waits for {@code holder}'s lock; its backend's pid. */
    private static int awaitBlockedBackend(TestDatabase.Db replica, Connection holder, Child child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        int holderPid = backendPid(holder);
        try (Connection observer = replica.superuser().getConnection()) {
            while (true) {
                List<String> blocked = MigratedDatabases.rows(observer, "SELECT pid, backend_xid IS NOT NULL"
                        + " FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND ? = ANY (pg_blocking_pids(pid))", holderPid);
                if (!blocked.isEmpty()) {
                    String[] pidAndWrote = blocked.get(0).split("\\|");
                    assertThat(pidAndWrote[1]).as("the waiting transaction has written (has a transaction id)")
                            .isEqualTo("t");
                    return Integer.parseInt(pidAndWrote[0]);
                }
                if (!child.process.isAlive()) {
                    fail("the sync child ended before reaching the held lock (exit " + child.process.exitValue()
                            + "); stdout: " + child.stdout() + "\nstderr: " + child.stderr());
                }
                if (System.nanoTime() > deadline) {
                    child.process.destroyForcibly();
                    fail("the sync child did not reach the held lock within " + CHILD_TIMEOUT_SECONDS
                            + " s; stdout: " + child.stdout() + "\nstderr: " + child.stderr());
                }
                Thread.sleep(20);
            }
        }
    }

    /** Until PostgreSQL has noticed the killed client and ended its session (rolling its transaction back). */
    private static void awaitGone(TestDatabase.Db replica, int backend) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        try (Connection observer = replica.superuser().getConnection()) {
            while (MigratedDatabases.count(observer, "SELECT count(*) FROM pg_stat_activity WHERE pid = ?",
                    backend) > 0) {
                assertThat(System.nanoTime()).as("the killed child's session ended within %d s", CHILD_TIMEOUT_SECONDS)
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        return Integer.parseInt(MigratedDatabases.string(c, "SELECT pg_backend_pid()"));
    }

    private static void asOwnerWithoutTriggers(TestDatabase.Db db, String... statements) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** A child JVM running {@link SyncChild}, its output in files (a full pipe would block it). */
    private record Child(Process process, Path out, Path err) {
        static Child start(SyncFixture f, String step) throws IOException {
            Path out = Files.createTempFile("sync-child", ".out");
            Path err = Files.createTempFile("sync-child", ".err");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(),
                    f.server.jdbcUrl(), TwoCompanies.CLIENT_LOGIN, TwoCompanies.HUGO, TwoCompanies.PASSWORD,
                    f.replicaDb.jdbcUrl(), step);
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            return new Child(process, out, err);
        }

        /** The exit code; a child still running after the timeout is killed and the test fails with its stderr. */
        int waitFor() throws InterruptedException {
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("the sync child did not end within " + CHILD_TIMEOUT_SECONDS + " s; stdout: " + stdout()
                        + "\nstderr: " + stderr());
            }
            return process.exitValue();
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        private static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
