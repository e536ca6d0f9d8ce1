package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job with 5,000 applications (candidates with two experiences and three skills each) taken offline, then
 * synced after 50 platform changes and 20 offline operations, then synced with nothing to do. Times are measured
 * and written to target/sync-benchmark.md, not asserted: the machine decides them.
 *
 * <p>The benchmark is tagged out of the ordinary suite ({@code mvn -B test -Pbenchmarks} runs it); the suite runs
 * the same steps and checks on a job of 300 applications, without the report.
 */
class SyncBenchmarkTest {
    static final int APPLICATIONS = 5_000;
    static final int SUITE_APPLICATIONS = 300;

    @Test
    @Tag("benchmark")
    void aLargeSliceSyncs() throws IOException {
        String report = syncASlice(APPLICATIONS);
        Path out = Path.of("target", "sync-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    @Test
    void aSliceOfHundredsOfApplicationsSyncsBothWays() {
        syncASlice(SUITE_APPLICATIONS);
    }

    /** The benchmark's steps and checks with {@code applications} new applicants on the job; the report. */
    private static String syncASlice(int applications) {
        try (SyncFixture f = SyncFixture.create("sync_bench", TwoCompanies.ANNE)) {
            // rows as the platform left them a day ago, so the incremental pulls see only what changes below
            SyncFixture.update(f.server, """
                    INSERT INTO public.users (id, email, role, first_name, last_name, is_active, created_at, updated_at)
                    SELECT 10000 + g, 'bench' || g || '@example.com', 'CANDIDATE', 'Bench', 'Candidate ' || g, true,
                           now() - interval '1 day', now() - interval '1 day'
                      FROM generate_series(1, ?) g""", applications);
            SyncFixture.update(f.server, """
                    INSERT INTO public.candidates (id, user_id, title, summary, created_at, updated_at)
                    SELECT 10000 + g, 10000 + g, 'Engineer ' || g, repeat('Summary text. ', 20),
                           now() - interval '1 day', now() - interval '1 day'
                      FROM generate_series(1, ?) g""", applications);
            SyncFixture.update(f.server, """
                    INSERT INTO public.experiences (candidate_id, title, company, start_date, description, updated_at)
                    SELECT 10000 + g, 'Role ' || k, 'Company ' || k, '2019-01', repeat('Did things. ', 10),
                           now() - interval '1 day'
                      FROM generate_series(1, ?) g, generate_series(1, 2) k""", applications);
            SyncFixture.update(f.server, """
                    INSERT INTO public.skills (candidate_id, name, level, category, updated_at)
                    SELECT 10000 + g, 'Skill ' || k, 3, 'TECHNICAL', now() - interval '1 day'
                      FROM generate_series(1, ?) g, generate_series(1, 3) k""", applications);
            SyncFixture.update(f.server, """
                    INSERT INTO public.job_applications (id, job_id, candidate_id, status, cover_letter, applied_at,
                                                         updated_at)
                    SELECT 10000 + g, 11, 10000 + g,
                           (ARRAY['applied','viewed','shortlisted','interview'])[1 + g % 4]::public.applicationstatus,
                           repeat('Cover letter. ', 30), now() - interval '2 days', now() - interval '1 day'
                      FROM generate_series(1, ?) g""", applications);
            SyncFixture.update(f.server, "ANALYZE");
            SyncService sync = f.sync();

            long t0 = System.nanoTime();
            SyncService.PullReport first = sync.takeOffline(11);
            long firstMs = (System.nanoTime() - t0) / 1_000_000;

            SyncFixture.update(f.server, "UPDATE public.job_applications SET rating = 4 "
                    + "WHERE id IN (SELECT 10000 + g FROM generate_series(1, 50) g)");
            OfflineWork offline = f.offline();
            long t1 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                offline.move(10_000 + 4 * (i + 1), ApplicationStatus.VIEWED);
            }
            long opsMs = (System.nanoTime() - t1) / 1_000_000;

            long t2 = System.nanoTime();
            SyncService.SyncReport second = sync.sync(p -> { });
            long secondMs = (System.nanoTime() - t2) / 1_000_000;

            long t3 = System.nanoTime();
            SyncService.SyncReport idle = sync.sync(p -> { });
            long idleMs = (System.nanoTime() - t3) / 1_000_000;

            assertThat(first.applications()).isEqualTo(applications + 3);
            assertThat(second.push().applied()).isEqualTo(20);
            assertThat(SyncFixture.applications(f.replicaDb, 11)).isEqualTo(SyncFixture.applications(f.server, 11));
            assertThat(SyncFixture.candidates(f.replicaDb, 11)).isEqualTo(SyncFixture.candidates(f.server, 11));

            return """
                    # Offline sync benchmark

                    Run %s by `mvn -B test -Pbenchmarks -Dtest=SyncBenchmarkTest` (server and replica: two databases on the
                    test JVM's embedded PostgreSQL 15, fsync off; signed in as a recruiter through a recruiter_app
                    login, so row-level security applies to every read).

                    | step | rows moved | time |
                    | --- | --- | --- |
                    | take job offline (first pull) | %d applications, %d candidates (+ 2 experiences, 3 skills each), %d status events | %d ms |
                    | 20 offline moves on the replica (outbox) | 20 | %d ms |
                    | sync after 50 platform changes and the 20 moves | pushed %d, pulled %d applications, %d candidates | %d ms |
                    | sync with nothing changed (within the 2-minute overlap) | pulled %d applications | %d ms |
                    """.formatted(LocalDateTime.now().withNano(0), first.applications(), first.candidates(),
                    first.events(), firstMs, opsMs, second.push().applied(), second.pull().applications(),
                    second.pull().candidates(), secondMs, idle.pull().applications(), idleMs);
        }
    }
}
