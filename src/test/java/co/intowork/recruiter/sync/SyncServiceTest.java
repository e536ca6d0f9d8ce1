package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.interviews.InterviewRequest;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyncServiceTest {

    @Test
    void takingAJobOfflineCopiesOnlyWhatTheHiringManagerMaySee() {
        try (SyncFixture f = SyncFixture.create("sync_slice", TwoCompanies.HUGO)) {
            SyncService.PullReport report = f.sync().takeOffline(11);

            assertThat(report.applications()).isEqualTo(3);
            assertThat(SyncFixture.applications(f.replicaDb, 11)).isEqualTo(SyncFixture.applications(f.server, 11));
            assertThat(SyncFixture.events(f.replicaDb, 11)).isEqualTo(SyncFixture.events(f.server, 11));
            assertThat(SyncFixture.candidates(f.replicaDb, 11)).isEqualTo(SyncFixture.candidates(f.server, 11))
                    .contains("chloe@example.com");
            assertThat(SyncFixture.column(f.replicaDb, "SELECT id::text FROM public.jobs")).containsExactly("11");
            // Camille also applied to Beta's job 21: none of it comes along
            assertThat(SyncFixture.count(f.replicaDb, "SELECT count(*) FROM public.job_applications")).isEqualTo(3);
            assertThat(SyncFixture.count(f.replicaDb,
                    "SELECT count(*) FROM recruiter.job_hiring_managers WHERE user_id = 4")).isEqualTo(1);
            // the counts the pipeline and dashboard read (kept by triggers, which the copy runs without)
            String counts = "SELECT concat_ws(',', applied, viewed, shortlisted, interview, accepted, rejected)"
                    + " FROM recruiter.job_application_counts WHERE job_id = 11";
            assertThat(SyncFixture.text(f.replicaDb, counts)).isEqualTo(SyncFixture.text(f.server, counts));
        }
    }

    /**
     * Issue 21, point 6: an interview scheduled offline waits in the outbox and is scheduled by the push with the
     * server's checks, once; one the server refuses stays listed with the server's reason, nothing lost.
     */
    @Test
    void anInterviewScheduledOfflineIsSentByThePushOnce() {
        try (SyncFixture f = SyncFixture.create("sync_interview", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            java.time.ZonedDateTime slot = java.time.LocalDate.now().plusDays(3).atTime(10, 0)
                    .atZone(java.time.ZoneId.of("Africa/Libreville"));
            assertThat(f.offline().interview(new InterviewRequest(101, 11, "Entretien", slot, 45, "Libreville", null,
                    null, java.util.List.of(4)))).as("no id before the push").isZero();
            // Bruno is Beta's: the server refuses him as an interviewer of Alpha's job
            f.offline().interview(new InterviewRequest(102, 11, "Entretien", slot, 45, "Libreville", null, null,
                    java.util.List.of(3)));
            assertThat(sync.counts().pending()).isEqualTo(2);
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM public.interview_schedules"
                    + " WHERE title = 'Entretien'")).isZero();

            SyncService.PushReport push = sync.sync(p -> { }).push();
            assertThat(push.applied()).isEqualTo(1);
            assertThat(push.failed()).hasSize(1);
            assertThat(push.failed().get(0).toString()).contains("employer of the job's company");
            assertThat(SyncFixture.text(f.server, "SELECT concat_ws('|', application_id, created_by_user_id, status,"
                    + " timezone, interviewers -> 0 ->> 'user_id') FROM public.interview_schedules"
                    + " WHERE title = 'Entretien'")).isEqualTo("101|4|SCHEDULED|Africa/Libreville|4");

            sync.sync(p -> { });
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM public.interview_schedules"
                    + " WHERE title = 'Entretien'")).as("sent once").isEqualTo(1);
            assertThat(sync.counts().pending()).as("the refused one still waits, with its reason").isEqualTo(1);
        }
    }

    @Test
    void offlineWorkIsPushedThroughTheOnlineServicesAndServerChangesArePulled() {
        try (SyncFixture f = SyncFixture.create("sync_twoway", TwoCompanies.HUGO)) {
            SyncService sync = f.sync();
            sync.takeOffline(11);
            OfflineWork offline = f.offline();
            offline.markViewed(102);
            offline.move(102, ApplicationStatus.SHORTLISTED);
            offline.note(101, "Strong SQL.\nCalled her: available in May.");
            offline.rate(101, 5);
            offline.scorecard(101, new Scorecard(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4)));
            assertThat(sync.counts().pending()).isEqualTo(5);
            // the platform changes another application meanwhile
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'interview' WHERE id = 103");

            SyncService.SyncReport report = sync.sync(p -> { });

            assertThat(report.push().applied()).isEqualTo(5);
            assertThat(report.push().conflicts()).isZero();
            assertThat(SyncFixture.text(f.server, "SELECT concat_ws('|', status, notes, rating, "
                    + "scorecard->>'technical_skills', scorecard->>'average') FROM public.job_applications "
                    + "WHERE id = 101")).isEqualTo("applied|Strong SQL.\nCalled her: available in May.|5|4|4.0");
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                    .isEqualTo("shortlisted");
            // same code path as online: status events by Hugo from the client; the two moves, sent within one
            // undo window, are one message to the candidate with the final status (V38)
            assertThat(SyncFixture.column(f.server, "SELECT concat_ws('>', from_status, to_status, changed_by, source) "
                    + "FROM recruiter.application_status_events WHERE application_id = 102 ORDER BY id"))
                    .containsExactly("applied>insert", "applied>viewed>4>client", "viewed>shortlisted>4>client");
            assertThat(SyncFixture.column(f.server, "SELECT concat_ws('>', from_status, to_status) "
                    + "FROM recruiter.pending_status_notifications WHERE application_id = 102"))
                    .containsExactly("applied>shortlisted");
            assertThat(SyncFixture.count(f.server, "SELECT count(*) FROM recruiter.applied_operations")).isEqualTo(5);
            // and the replica mirrors the server again, the platform's change included
            assertThat(SyncFixture.applications(f.replicaDb, 11)).isEqualTo(SyncFixture.applications(f.server, 11));
            assertThat(SyncFixture.events(f.replicaDb, 11)).isEqualTo(SyncFixture.events(f.server, 11));
            assertThat(sync.counts()).isEqualTo(new SyncCounts(1, 3, 0, 0));
            assertThat(sync.lastSync()).isNotNull();
        }
    }
}
