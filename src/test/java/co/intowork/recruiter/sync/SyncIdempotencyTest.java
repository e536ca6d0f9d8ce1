package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays and crashes. A crash is simulated by a hook that throws between two steps (each step has committed
 * what it did); "restarting" is new sync objects over the same two databases. Afterwards the replica mirrors the
 * server and the server holds each operation exactly once.
 */
class SyncIdempotencyTest {
    static final class Crash extends RuntimeException {
        Crash(String step) {
            super("crash at " + step);
        }
    }

    @Test
    void pushingTheSameOperationTwiceAppliesItOnce() {
        try (SyncFixture f = SyncFixture.create("sync_replay", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            f.offline().move(102, ApplicationStatus.VIEWED);
            assertThat(sync.push().applied()).isEqualTo(1);
            // the laptop forgets it sent it (a restored backup, a crash before the local mark)
            SyncFixture.update(f.replicaDb, "UPDATE recruiter_replica.outbox SET state = 'pending'");

            SyncService.PushReport again = f.sync().push();

            assertThat(again.alreadyApplied()).isEqualTo(1);
            assertThat(again.applied()).isZero();
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.application_status_events "
                    + "WHERE application_id = 102 AND source = 'client'")).isEqualTo(1);
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM public.notifications "
                    + "WHERE related_application_id = 102")).isEqualTo(1);
            assertThat(SyncFixture.text(f.replicaDb, "SELECT concat_ws('|', state, result_version) "
                    + "FROM recruiter_replica.outbox")).isEqualTo("done|" + SyncFixture.text(f.server,
                    "SELECT version FROM public.job_applications WHERE id = 102"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull:job", "pull:applications", "pull:candidates", "pull:purged",
            "push:before-server", "push:after-server-commit", "push:after-local-mark"})
    void aCrashAtAnyStepIsRepairedByTheNextSync(String step) {
        try (SyncFixture f = SyncFixture.copy("sync_crash", TwoCompanies.HUGO)) {
            f.sync().takeOffline(11);
            f.offlineWorkAndPlatformChanges();

            boolean[] crashed = {false};
            SyncService crashing = f.sync(at -> {
                if (at.equals(step) && !crashed[0]) {
                    crashed[0] = true;
                    throw new Crash(at);
                }
            });
            assertThatThrownBy(() -> crashing.sync(p -> { })).isInstanceOf(Crash.class);

            SyncService restarted = f.sync();
            restarted.sync(p -> { });

            f.assertRepaired(restarted);
        }
    }

    @Test
    void revokedAccessPurgesTheSlice() {
        try (SyncFixture f = SyncFixture.create("sync_revoked", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM public.candidates")).isEqualTo(3);
            SyncFixture.update(f.server, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 11 AND user_id = 4");

            SyncService.PullReport report = sync.pull();

            assertThat(report.purgedJobs()).isEqualTo(1);
            for (String table : new String[]{"public.jobs", "public.job_applications", "public.candidates",
                    "public.experiences", "public.skills", "public.candidate_cvs",
                    "recruiter.application_status_events", "recruiter_replica.slice_jobs",
                    "recruiter_replica.watermarks"}) {
                assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(SyncFixture.column(f.replicaDb, "SELECT email FROM public.users WHERE role = 'CANDIDATE'"))
                    .isEmpty();
        }
    }

    @Test
    void aDeletedCandidateIsPurgedFromTheLaptop() {
        try (SyncFixture f = SyncFixture.create("sync_deleted_candidate", TwoCompanies.ANNE)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            SyncFixture.update(f.server, "UPDATE public.candidates SET deleted_at = now() WHERE id = 1");

            sync.pull();

            assertThat(SyncFixture.column(f.replicaDb, "SELECT id::text FROM public.candidates ORDER BY id"))
                    .containsExactly("2", "3");
            assertThat(SyncFixture.column(f.replicaDb, "SELECT id::text FROM public.job_applications ORDER BY id"))
                    .containsExactly("102", "103");
            assertThat(SyncFixture.column(f.replicaDb, "SELECT email FROM public.users WHERE id = 6")).isEmpty();
        }
    }
}
