package co.intowork.recruiter.sync;

import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags and the platform's evaluation columns offline: the copy holds the same fields (tags, scorecard, AI score and
 * details, the notes thread), a tag changed offline waits in the outbox, and at push it is added to / removed from
 * the server's list as it is then, so a tag the web added meanwhile stays (tags merge as notes do).
 */
class OfflineTagsTest {
    @Test
    void tagsChangedOfflineMergeWithTheWebsAndTheCopyHoldsThePlatformsColumns() {
        try (SyncFixture f = SyncFixture.create("sync_tags", TwoCompanies.ANNE)) {
            SyncFixture.update(f.server, "UPDATE public.job_applications SET tags = '[\"relance\", \"junior\"]',"
                    + " ai_score = 77.5, ai_analyzed_at = now(), ai_score_details = '{\"score\": 77.5, \"strengths\": [\"SQL\"]}',"
                    + " scorecard = '{\"technical_skills\": 4, \"average\": 4.0}',"
                    + " recruiter_notes = '[{\"user_id\": 1, \"user_name\": \"Anne Alpha\", \"note\": \"Vue.\","
                    + " \"created_at\": \"2026-12-01T09:00:00+00:00\"}]' WHERE id = 101");
            SyncService sync = f.sync();
            sync.takeOffline(11);
            String columns = "SELECT concat_ws('|', tags, ai_score, ai_score_details, scorecard, recruiter_notes,"
                    + " ai_analyzed_at) FROM public.job_applications WHERE id = 101";
            assertThat(SyncFixture.text(f.replicaDb, columns)).isEqualTo(SyncFixture.text(f.server, columns));

            OfflineWork offline = f.offline();
            assertThat(offline.tag(101, "bilingue", true).tags()).containsExactly("relance", "junior", "bilingue");
            offline.tag(101, "junior", false);
            // meanwhile on the web: another tag added
            SyncFixture.update(f.server, "UPDATE public.job_applications SET tags = tags || '[\"salon\"]' WHERE id = 101");

            SyncService.PushReport push = sync.push();
            assertThat(push.conflicts()).isZero();
            assertThat(push.failed()).isEmpty();
            assertThat(SyncFixture.text(f.server, "SELECT tags::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("[\"relance\", \"salon\", \"bilingue\"]");
            // sent once: a second push has nothing to send
            assertThat(sync.push().applied()).isZero();
            sync.pull();
            assertThat(SyncFixture.text(f.replicaDb, "SELECT tags::text FROM public.job_applications WHERE id = 101"))
                    .isEqualTo("[\"relance\", \"salon\", \"bilingue\"]");
        }
    }
}
