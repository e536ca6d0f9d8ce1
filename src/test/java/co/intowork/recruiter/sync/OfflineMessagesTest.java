package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.messages.OutgoingMessage;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages written offline (issue 21, point 6): a rejection's letter waits in the copy's outbox with its move and
 * is queued on the server by the push under its own id, once, even when the push is repeated; it is held back
 * while its rejection is in conflict, and an undo on the copy takes it back before it ever leaves.
 */
class OfflineMessagesTest {
    private static final int JOB = 11;
    private static final int CLAUDE_APP = 102;

    /** Rejects the application on the copy, its letter queued in the same copy transaction, as the board does. */
    private static List<String> rejectWithLetter(SyncFixture f, int applicationId) {
        OfflineOperations operations = new OfflineOperations(f.replica.unitOfWork());
        ApplicationState now = f.replica.unitOfWork().inTransaction(
                s -> s.getMapper(ReplicaMapper.class).localState(applicationId));
        BoardCard card = new BoardCard(applicationId, now.version(), now.status(), null, null, null, null,
                now.rating());
        List<String> ids = new ArrayList<>();
        operations.move(JOB, List.of(new BoardService.Move(card, ApplicationStatus.REJECTED)), (s, moved) -> {
            for (int id : moved) {
                OutgoingMessage m = OutgoingMessage.of(id, JOB, null, "APPLICATION_REJECTED", "the role is filled",
                        "Alpha engineer at Alpha", "Hello Claude, not this time.", OutgoingMessage.SMTP);
                operations.enqueue(s, f.signedIn.user().userId(), 1, m);
                ids.add(m.id());
            }
        });
        return ids;
    }

    private static String serverMessages(SyncFixture f) {
        return String.join(";", SyncFixture.column(f.server, "SELECT concat_ws('|', id, application_id, to_address, "
                + "state, reason, sender_user_id) FROM recruiter.candidate_messages ORDER BY created_at"));
    }

    @Test
    void aLetterWrittenOfflineIsQueuedOnTheServerByThePushOnceEvenIfPushedAgain() {
        try (SyncFixture f = SyncFixture.create("offline_letter", TwoCompanies.ANNE)) {
            f.sync().takeOffline(JOB);
            String id = rejectWithLetter(f, CLAUDE_APP).get(0);
            assertThat(serverMessages(f)).as("nothing leaves the laptop before the push").isEmpty();

            f.sync().push();

            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = ?",
                    CLAUDE_APP)).isEqualTo("rejected");
            assertThat(serverMessages(f)).isEqualTo(id + "|102|claude@example.com|queued|the role is filled|1");
            // the laptop forgets it sent them (a crash before the local mark): the next push queues nothing more
            SyncFixture.update(f.replicaDb, "UPDATE recruiter_replica.outbox SET state = 'pending'");
            f.sync().push();
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.candidate_messages")).isEqualTo(1);
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM recruiter_replica.outbox "
                    + "WHERE state = 'pending'")).isZero();
        }
    }

    @Test
    void aLetterFollowsItsRejectionThroughAConflictAndAnUndoOnTheCopyTakesItBack() {
        try (SyncFixture f = SyncFixture.create("offline_letter_conflict", TwoCompanies.ANNE)) {
            f.sync().takeOffline(JOB);
            rejectWithLetter(f, CLAUDE_APP);
            // meanwhile a colleague shortlists Claude on the server
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'shortlisted', "
                    + "version = version + 1 WHERE id = ?", CLAUDE_APP);

            f.sync().push();

            assertThat(serverMessages(f)).as("no rejection letter to a shortlisted candidate").isEmpty();
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM recruiter_replica.outbox "
                    + "WHERE kind = 'MESSAGE' AND state = 'pending'")).isEqualTo(1);
            // Anne keeps the colleague's decision: her letter goes with her rejection, and never leaves
            SyncService sync = f.sync();
            sync.keepTheirs(sync.openConflicts().get(0));
            sync.push();
            assertThat(serverMessages(f)).isEmpty();
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM recruiter_replica.outbox "
                    + "WHERE kind = 'MESSAGE' AND state = 'pending'")).isZero();
        }
        try (SyncFixture f = SyncFixture.create("offline_letter_reapplied", TwoCompanies.ANNE)) {
            f.sync().takeOffline(JOB);
            String id = rejectWithLetter(f, CLAUDE_APP).get(0);
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'shortlisted', "
                    + "version = version + 1 WHERE id = ?", CLAUDE_APP);
            f.sync().push();
            // Anne maintains her rejection: the letter follows the re-applied move, not before it
            SyncService sync = f.sync();
            sync.reapplyMine(sync.openConflicts().get(0));
            sync.push();
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = ?",
                    CLAUDE_APP)).isEqualTo("rejected");
            assertThat(serverMessages(f)).startsWith(id + "|102|");
            assertThat(SyncFixture.text(f.server, "SELECT (SELECT m.created_at FROM recruiter.candidate_messages m) "
                    + ">= (SELECT max(e.changed_at) FROM recruiter.application_status_events e "
                    + "WHERE e.application_id = ? AND e.to_status = 'rejected')", CLAUDE_APP))
                    .as("queued after the rejection it goes with").isEqualTo("t");
        }
        try (SyncFixture f = SyncFixture.create("offline_letter_undo", TwoCompanies.ANNE)) {
            f.sync().takeOffline(JOB);
            rejectWithLetter(f, CLAUDE_APP);
            // the undo: the card goes back where it was, on the copy
            f.offline().move(CLAUDE_APP, ApplicationStatus.APPLIED);

            f.sync().push();

            assertThat(serverMessages(f)).isEmpty();
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = ?",
                    CLAUDE_APP)).isEqualTo("applied");
        }
    }
}
