package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline work against changes the web platform made meanwhile with plain SQL. */
class SyncConflictTest {

    @Test
    void aMoveWhoseStatusChangedMeanwhileGoesToTheInboxAndTheServerKeepsTheirs() {
        try (SyncFixture f = SyncFixture.create("sync_conflict_move", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            f.offline().move(101, ApplicationStatus.SHORTLISTED);
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'rejected' WHERE id = 101");

            SyncService.SyncReport report = sync.sync(p -> { });

            assertThat(report.push().conflicts()).isEqualTo(1);
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("rejected");
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.applied_operations")).isZero();
            Conflict c = sync.openConflicts().get(0);
            assertThat(c.reason()).isEqualTo("status");
            assertThat(c.base()).contains("\"status\": \"applied\"");
            assertThat(c.theirs()).contains("\"status\": \"rejected\"");
            assertThat(c.mine()).contains("shortlisted");
            assertThat(c.candidateName()).isEqualTo("Chloé Candidate");
            // the laptop shows the server's state, mine waits in the inbox
            assertThat(SyncFixture.text(f.replicaDb, "SELECT status::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("rejected");

            // re-applying mine on theirs: reopening a rejection to shortlisted is an allowed move
            sync.reapplyMine(c);
            SyncService.SyncReport again = sync.sync(p -> { });
            assertThat(again.push().applied()).isEqualTo(1);
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("shortlisted");
            assertThat(sync.counts().conflicts()).isZero();
        }
    }

    @Test
    void aChainOfMovesOnOneApplicationIsOneConflictWithTheLastMoveAsMine() {
        try (SyncFixture f = SyncFixture.create("sync_conflict_chain", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            f.offline().move(101, ApplicationStatus.SHORTLISTED);
            f.offline().move(101, ApplicationStatus.INTERVIEW);
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");

            SyncService.SyncReport report = sync.sync(p -> { });

            assertThat(report.push().conflicts()).as("inbox entries").isEqualTo(1);
            assertThat(sync.openConflicts()).hasSize(1);
            Conflict c = sync.openConflicts().get(0);
            assertThat(c.base()).contains("\"status\": \"applied\"");
            assertThat(c.theirs()).contains("\"status\": \"viewed\"");
            assertThat(c.mine()).contains("interview");

            sync.reapplyMine(c);
            assertThat(sync.sync(p -> { }).push().applied()).isEqualTo(1);
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("interview");
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.application_status_events "
                    + "WHERE application_id = 101 AND source = 'client'")).isEqualTo(1);
            assertThat(sync.counts().conflicts()).isZero();
        }
    }

    @Test
    void notesAreMergedAndRatingsConflictPerField() {
        try (SyncFixture f = SyncFixture.create("sync_conflict_fields", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            OfflineWork offline = f.offline();
            offline.note(101, "Strong SQL.\nMine: good references.");
            offline.rate(101, 5);
            offline.scorecard(101, new Scorecard(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4,
                    Scorecard.Criterion.MOTIVATION, 2)));
            SyncFixture.update(f.server, "UPDATE public.job_applications SET notes = 'Strong SQL.\nTheirs: salary ok.', "
                    + "rating = 2, scorecard = '{\"technical_skills\": 3, \"experience\": 5, \"average\": 4.0}' "
                    + "WHERE id = 101");

            SyncService.PushReport push = sync.push();

            assertThat(push.merged()).isEqualTo(1);
            assertThat(push.conflicts()).isEqualTo(2);
            assertThat(SyncFixture.text(f.server, "SELECT notes FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("Strong SQL.\nTheirs: salary ok.\n\nMine: good references.");
            assertThat(SyncFixture.text(f.server, "SELECT rating::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("2");
            assertThat(sync.openConflicts()).extracting(Conflict::reason)
                    .containsExactly("rating", "scorecard:technical_skills");

            // keep theirs for the rating; re-apply mine for the scorecard: skills mine, experience theirs kept
            Conflict rating = sync.openConflicts().get(0);
            Conflict scorecard = sync.openConflicts().get(1);
            sync.keepTheirs(rating);
            sync.reapplyMine(scorecard);
            assertThat(sync.push().applied()).isEqualTo(1);
            assertThat(SyncFixture.text(f.server, "SELECT concat_ws('|', rating, scorecard->>'technical_skills', "
                    + "scorecard->>'experience', scorecard->>'motivation', scorecard->>'average') "
                    + "FROM public.job_applications WHERE id = 101")).isEqualTo("2|4|5|2|3.7");
            assertThat(sync.counts().conflicts()).isZero();
        }
    }

    @Test
    void anOperationOnAnApplicationDeletedMeanwhileIsAConflictNotAFailure() {
        try (SyncFixture f = SyncFixture.create("sync_conflict_gone", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            f.offline().rate(102, 4);
            SyncFixture.update(f.server, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 102");

            sync.sync(p -> { });

            assertThat(sync.openConflicts()).extracting(Conflict::reason).containsExactly("gone");
            assertThat(SyncFixture.applications(f.replicaDb, 11)).isEqualTo(SyncFixture.applications(f.server, 11));
        }
    }
}
