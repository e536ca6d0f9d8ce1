package co.intowork.recruiter.sync;

import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crash safety with a real process death (decision 0010): the sync runs in a child JVM ({@link SyncChild}) over the
 * same two databases and is killed — halted at each step, or SIGKILLed at a random moment of a long pull — with no
 * finally block, shutdown hook or rollback of our own running. Then this JVM syncs again with new objects: the
 * replica mirrors the server column by column and the server holds each offline operation exactly once.
 */
class SyncProcessKillTest {
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final int LONG_PULL_APPLICATIONS = 3000;

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

    @Test
    void aProcessKilledAtARandomMomentOfALongPullIsRepairedByTheNextSync() throws Exception {
        try (SyncFixture f = SyncFixture.copy("sync_kill_random", TwoCompanies.HUGO)) {
            f.sync().takeOffline(11);
            f.offlineWorkAndPlatformChanges();
            // then thousands of new applicants on the job: the child's pull takes seconds. Their profiles are
            // loaded without triggers (the search-document upkeep would take 15 s here); the applications with
            // them, so each has its status event and counts as on the platform.
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
            SyncFixture.update(f.server, """
                    INSERT INTO public.job_applications (id, job_id, candidate_id, status, cover_letter)
                    SELECT 10000 + g, 11, 10000 + g,
                           (ARRAY['applied','viewed','shortlisted','interview'])[1 + g % 4]::public.applicationstatus,
                           repeat('Cover letter. ', 30)
                      FROM generate_series(1, ?) g""", LONG_PULL_APPLICATIONS);
            SyncFixture.update(f.server, "ANALYZE");

            long seed = System.nanoTime();
            long delayMs = new Random(seed).nextInt(1200);
            Child child = Child.start(f, "none");
            // the push is done and the job row copied: the applications and candidates (seconds) come next
            child.awaitOutput("at pull:job");
            Thread.sleep(delayMs);
            child.process.destroyForcibly();
            int exit = child.waitFor();
            // on stdout, so a failure's report says where the kill landed
            System.out.printf("Killed the sync %d ms after its pull:job step (seed %d); it had passed %s%n", delayMs,
                    seed, child.stdout().lines().filter(l -> l.startsWith("at ")).toList());
            assertThat(child.stdout()).as("killed %d ms after pull:job, before the sync finished (seed %d)", delayMs,
                    seed).doesNotContain(SyncChild.DONE);
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

        void awaitOutput(String line) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            while (!stdout().contains(line)) {
                if (!process.isAlive()) {
                    fail("the sync child ended before printing " + line + " (exit " + process.exitValue() + "); stderr: " + stderr());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    fail("the sync child did not print " + line + " within " + CHILD_TIMEOUT_SECONDS + " s; stderr: "
                            + stderr());
                }
                Thread.sleep(20);
            }
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
