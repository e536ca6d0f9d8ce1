package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V47 turns scorecards that earlier clients wrote in their own format into the platform's flat object, on a
 * database at V41 holding such rows, with nothing lost: the comment (and scores that cannot move) become notes of
 * the thread by the best author known, a platform-format scorecard is left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformScorecardMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "Très bon entretien. ".repeat(225); // 4,500 characters
    private TestDatabase.Db db;
    private String app4Version;

    @BeforeAll
    void migrateOldScorecards() throws SQLException {
        db = MigratedDatabases.migratedTo("scorecard_v47", "41");
        try (Connection c = db.superuser().getConnection()) {
            MigratedDatabases.runScript(c, MigratedDatabases.BASIC_SEED);
            exec(c, "INSERT INTO public.users (id, email, role, first_name, last_name, is_active)"
                    + " VALUES (5, 'paul@example.com', 'EMPLOYER', 'Paul', 'Mba', true)");
            exec(c, "INSERT INTO public.employers (id, user_id, company_id) VALUES (5, 5, 1)");
            exec(c, "INSERT INTO recruiter.application_status_events (application_id, from_status, to_status,"
                    + " changed_at, changed_by, source) VALUES (2, 'applied', 'viewed', now() - interval '1 day', 5, 'client')");
            exec(c, "INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES (4, 2, 1, 'applied')");
            exec(c, "UPDATE public.job_applications SET scorecard = ?::jsonb WHERE id = 1",
                    "{\"criteria\": {\"skills\": 4, \"experience\": 3, \"communication\": 2, \"motivation\": 4},"
                            + " \"comment\": \"Solid Java; slow on SQL.\"}");
            // the web merged its own keys into a client scorecard; a score out of range cannot move
            exec(c, "UPDATE public.job_applications SET scorecard = ?::jsonb WHERE id = 2",
                    "{\"criteria\": {\"skills\": 5, \"communication\": 7, \"motivation\": null}, \"comment\": \"\","
                            + " \"overall\": 4, \"average\": 4.0}");
            exec(c, "UPDATE public.job_applications SET scorecard = ?::jsonb, recruiter_notes = ?::jsonb WHERE id = 3",
                    "{\"criteria\": {\"skills\": 3, \"motivation\": 4}, \"comment\": \"" + LONG + "\"}",
                    "[{\"user_id\": 1, \"user_name\": \"Marie Obiang\", \"note\": \"Vu au salon.\","
                            + " \"created_at\": \"2026-06-01T09:00:00+00:00\"}]");
            exec(c, "UPDATE public.job_applications SET scorecard = ?::jsonb WHERE id = 4",
                    "{\"technical_skills\": 4, \"average\": 4.0}");
            app4Version = string(c, "SELECT version::text FROM public.job_applications WHERE id = 4");
        }
        new Migrator(db.superuser()).migrate(false, null, msg -> { });
    }

    private JsonNode json(String sql, Object... params) throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            String text = string(c, sql, params);
            return text == null ? null : JSON.readTree(text);
        }
    }

    @Test
    void criteriaMoveToThePlatformsKeysWithItsAverageAndTheCommentBecomesTheJobPostersNote() throws Exception {
        JsonNode card = json("SELECT scorecard::text FROM public.job_applications WHERE id = 1");
        assertThat(card.toString()).isEqualTo(
                "{\"average\":3.2,\"experience\":3,\"motivation\":4,\"soft_skills\":2,\"technical_skills\":4}"); // 13/4, half to even
        JsonNode thread = json("SELECT recruiter_notes::text FROM public.job_applications WHERE id = 1");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("user_id").asInt()).as("no client move: the recruiter who posted the job").isEqualTo(1);
        assertThat(thread.get(0).get("user_name").asText()).isEqualTo("Marie Obiang");
        assertThat(thread.get(0).get("note").asText()).isEqualTo("Solid Java; slow on SQL.");
        assertThat(java.time.OffsetDateTime.parse(thread.get(0).get("created_at").asText())).isNotNull();
    }

    @Test
    void webKeysStayAStrayScoreBecomesANoteByTheLastClientUserAndTheAverageIsRecomputed() throws Exception {
        JsonNode card = json("SELECT scorecard::text FROM public.job_applications WHERE id = 2");
        assertThat(card.get("technical_skills").asInt()).isEqualTo(5);
        assertThat(card.get("overall").asInt()).isEqualTo(4);
        assertThat(card.get("average").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(card.has("criteria")).isFalse();
        assertThat(card.has("comment")).isFalse();
        assertThat(card.has("soft_skills")).isFalse();
        JsonNode thread = json("SELECT recruiter_notes::text FROM public.job_applications WHERE id = 2");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("user_id").asInt()).isEqualTo(5);
        assertThat(thread.get(0).get("note").asText()).isEqualTo("Scorecard (IntoWork Recruiter): communication 7");
    }

    @Test
    void aLongCommentIsAppendedAfterTheThreadInNotesOfAtMostTwoThousandCharacters() throws Exception {
        JsonNode thread = json("SELECT recruiter_notes::text FROM public.job_applications WHERE id = 3");
        assertThat(thread).hasSize(4);
        assertThat(thread.get(0).get("note").asText()).isEqualTo("Vu au salon.");
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i < 4; i++) {
            assertThat(thread.get(i).get("note").asText().length()).isBetween(1, 2000);
            joined.append(thread.get(i).get("note").asText());
        }
        assertThat(joined.toString()).isEqualTo(LONG.strip());
        JsonNode card = json("SELECT scorecard::text FROM public.job_applications WHERE id = 3");
        assertThat(card.toString()).isEqualTo("{\"average\":3.5,\"motivation\":4,\"technical_skills\":3}");
    }

    @Test
    void aScorecardAlreadyInThePlatformsFormatIsNotTouched() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(string(c, "SELECT scorecard::text FROM public.job_applications WHERE id = 4"))
                    .isEqualTo("{\"average\": 4.0, \"technical_skills\": 4}");
            assertThat(string(c, "SELECT version::text FROM public.job_applications WHERE id = 4")).isEqualTo(app4Version);
        }
    }

    @Test
    void theAverageIsRoundedAsPythonsRoundDoes() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            // 13/4 = 3.25 -> 3.2 and 15/4 = 3.75 -> 3.8 (half to even); 10/3 -> 3.3; no scores -> no average
            assertThat(string(c, "SELECT recruiter.platform_scorecard('{\"a\":4,\"b\":4,\"c\":3,\"d\":2}')->>'average'"))
                    .isEqualTo("3.2");
            assertThat(string(c, "SELECT recruiter.platform_scorecard('{\"a\":4,\"b\":4,\"c\":4,\"d\":3}')->>'average'"))
                    .isEqualTo("3.8");
            assertThat(string(c, "SELECT recruiter.platform_scorecard('{\"a\":4,\"b\":3,\"c\":3}')->>'average'"))
                    .isEqualTo("3.3");
            assertThat(string(c, "SELECT recruiter.platform_scorecard('{\"a\":5}')::text")).isEqualTo("{\"a\": 5, \"average\": 5.0}");
            assertThat(string(c, "SELECT recruiter.platform_scorecard('{\"average\":3.0}')::text")).isNull();
        }
    }
}
