package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server row locked by another connection past the client's lock timeout (5 s in the tests' client login): the
 * push reports exactly what went, carries on with the other applications, and sends the rest once the lock is gone.
 */
class SyncLockTest {

    @Test
    void aLockedApplicationFailsAloneAndItsLaterChangesWaitBehindIt() throws Exception {
        try (SyncFixture f = SyncFixture.copy("sync_lock", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            OfflineWork offline = f.offline();
            offline.move(102, ApplicationStatus.SHORTLISTED);
            offline.rate(101, 4);
            offline.note(101, "Called back.");
            offline.note(103, "Met at the fair.");

            SyncService.PushReport push;
            try (Connection holder = f.server.superuser().getConnection();
                 Statement st = holder.createStatement()) {
                holder.setAutoCommit(false);
                st.execute("SELECT 1 FROM public.job_applications WHERE id = 101 FOR UPDATE");
                push = sync.push();
                holder.rollback();
            }

            assertThat(push.applied()).isEqualTo(2);
            assertThat(push.conflicts()).isZero();
            assertThat(push.failed()).singleElement().satisfies(failure -> {
                assertThat(failure.applicationId()).isEqualTo(101);
                assertThat(failure.kind()).isEqualTo(OperationKind.RATE);
                assertThat(failure.reason()).contains("locked past the lock timeout");
            });
            assertThat(push.heldBack()).isEqualTo(1);
            assertThat(push.unsent()).isEqualTo(2);
            assertThat(SyncService.describeUnsent(push))
                    .startsWith("Application 101 (Rating): someone else's change kept the application locked")
                    .contains("1 later change to the same applications waits behind them");
            // what the report says went, went: once each, and nothing of 101
            assertThat(SyncFixture.column(f.server, "SELECT application_id || ':' || kind "
                    + "FROM recruiter.applied_operations ORDER BY application_id"))
                    .containsExactly("102:MOVE", "103:NOTE");
            assertThat(SyncFixture.text(f.server, "SELECT concat_ws('|', rating, notes) FROM public.job_applications "
                    + "WHERE id = 101")).isEqualTo("3|Strong SQL.");
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                    .isEqualTo("shortlisted");
            assertThat(sync.counts().pending()).isEqualTo(2);

            SyncService.PushReport again = sync.push();
            assertThat(again.applied()).isEqualTo(2);
            assertThat(again.unsent()).isZero();
            assertThat(SyncFixture.text(f.server, "SELECT concat_ws('|', rating, notes) FROM public.job_applications "
                    + "WHERE id = 101")).isEqualTo("4|Called back.");
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.applied_operations")).isEqualTo(4);
            assertThat(sync.counts().pending()).isZero();
        }
    }
}
