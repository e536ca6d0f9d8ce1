package co.intowork.recruiter.review;

import co.intowork.recruiter.board.AiMatch;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardFilter;
import co.intowork.recruiter.board.BoardOrder;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's evaluation formats both ways on real PostgreSQL: what the web writes (its exact JSON) is what the
 * client shows, and what the client writes has the web's shapes (keys, types, ranges) and merges as the web merges
 * an update (its object merged into the stored one, the average recomputed). Board order and filters by AI score
 * and tag as the recruiter login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CRITERIA = Set.of("technical_skills", "soft_skills", "experience", "culture_fit",
            "motivation", "overall");
    private TestDatabase.Db db;
    private ReviewService anne;
    private ReviewService albert;
    private BoardService board;

    @BeforeAll
    void seed() {
        db = ReviewFixture.create("platform_formats");
        anne = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.ANNE));
        albert = new ReviewService(ReviewFixture.signIn(db, "albert@alpha.example"));
        board = new BoardService(ReviewFixture.signIn(db, TwoCompanies.ANNE));
    }

    @BeforeEach
    void clean() {
        ReviewFixture.update(db, "UPDATE public.job_applications SET scorecard = NULL, tags = NULL, ai_score = NULL,"
                + " ai_score_details = NULL, ai_analyzed_at = NULL WHERE job_id = 11");
    }

    private JsonNode stored(String column, int app) throws Exception {
        String text = ReviewFixture.value(db, "SELECT " + column + "::text FROM public.job_applications WHERE id = ?", app);
        return text == null ? null : JSON.readTree(text);
    }

    /** The web's scorecard update, as its API does it: merged into the stored object, the average recomputed. */
    private void webUpdatesScorecard(int app, String update) {
        ReviewFixture.update(db, "UPDATE public.job_applications SET scorecard = (SELECT s || jsonb_build_object("
                + "'average', round((round(avg(v::float8) * 10) / 10)::numeric, 1)) FROM (SELECT coalesce(scorecard, '{}')"
                + " - 'average' || ?::jsonb AS s FROM public.job_applications WHERE id = ?) m,"
                + " LATERAL (SELECT value #>> '{}' FROM jsonb_each(m.s) WHERE jsonb_typeof(value) = 'number') e(v)"
                + " GROUP BY s) WHERE id = ?", update, app, app);
    }

    @Test
    void aScorecardTheWebWroteIsShownAndTheClientsSaveKeepsItsKeysWithThePlatformsAverage() throws Exception {
        webUpdatesScorecard(101, "{\"technical_skills\": 4, \"culture_fit\": 5, \"overall\": 4}");
        assertThat(stored("scorecard", 101).get("average").decimalValue()).isEqualByComparingTo("4.3");
        Review.Application a = anne.load(101).application();
        Scorecard shown = Scorecard.parse(a.scorecard());
        assertThat(shown.scores()).containsExactlyInAnyOrderEntriesOf(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4,
                Scorecard.Criterion.CULTURE_FIT, 5, Scorecard.Criterion.OVERALL, 4));
        assertThat(shown.average()).isEqualByComparingTo("4.3");

        // the client changes one score and adds one: 4 + 3 + 5 + 4 = 16 / 4 = 4.0
        Scorecard mine = shown.withScores(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4,
                Scorecard.Criterion.SOFT_SKILLS, 3, Scorecard.Criterion.CULTURE_FIT, 5, Scorecard.Criterion.OVERALL, 4));
        anne.saveAssessment(101, a.version(), null, 4, mine);
        JsonNode card = stored("scorecard", 101);
        assertPlatformShape(card);
        assertThat(card.get("soft_skills").asInt()).isEqualTo(3);
        assertThat(card.get("average").decimalValue()).isEqualByComparingTo("4.0");

        // then the web merges an update into what the client wrote, as its API does; the client shows the result
        webUpdatesScorecard(101, "{\"motivation\": 2}");
        JsonNode merged = stored("scorecard", 101);
        assertPlatformShape(merged);
        assertThat(merged.get("average").decimalValue()).isEqualByComparingTo("3.6"); // 18 / 5
        Scorecard again = Scorecard.parse(anne.load(101).application().scorecard());
        assertThat(again.scores()).hasSize(5).containsEntry(Scorecard.Criterion.MOTIVATION, 2);
        assertThat(again.average()).isEqualByComparingTo(merged.get("average").decimalValue());
    }

    @Test
    void keysTheClientDoesNotKnowSurviveItsSaveAndATieRoundsAsThePlatformRounds() throws Exception {
        ReviewFixture.update(db, "UPDATE public.job_applications SET scorecard = ?::jsonb WHERE id = 101",
                "{\"technical_skills\": 4, \"leadership\": \"strong\", \"average\": 4.0}");
        Review.Application a = anne.load(101).application();
        Scorecard mine = Scorecard.parse(a.scorecard()).withScores(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4,
                Scorecard.Criterion.SOFT_SKILLS, 3, Scorecard.Criterion.EXPERIENCE, 3, Scorecard.Criterion.OVERALL, 3));
        assertThat(mine.average()).as("13 / 4 = 3.25, half to even").isEqualByComparingTo("3.2");
        anne.saveAssessment(101, a.version(), null, null, mine);
        JsonNode card = stored("scorecard", 101);
        assertThat(card.get("leadership").asText()).isEqualTo("strong");
        assertThat(card.get("average").decimalValue()).isEqualByComparingTo("3.2");
        // and a Python-style round of the same mean, to be sure both sides agree
        assertThat(new BigDecimal(13.0 / 4).setScale(1, RoundingMode.HALF_EVEN)).isEqualByComparingTo("3.2");
    }

    private static void assertPlatformShape(JsonNode card) {
        assertThat(card.isObject()).isTrue();
        Iterator<Map.Entry<String, JsonNode>> fields = card.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("average")) {
                assertThat(f.getValue().isNumber()).isTrue();
                assertThat(f.getValue().decimalValue().scale()).isLessThanOrEqualTo(1);
                continue;
            }
            assertThat(CRITERIA).contains(f.getKey());
            assertThat(f.getValue().isInt()).as(f.getKey()).isTrue();
            assertThat(f.getValue().asInt()).isBetween(1, 5);
        }
    }

    @Test
    void tagsAreStoredAsThePlatformKeepsThemAndTwoPeoplesTagsBothStay() throws Exception {
        ReviewFixture.update(db, "UPDATE public.job_applications SET tags = '[\"relance\"]' WHERE id = 101");
        ReviewService.TagChange first = anne.addTag(101, "  Bilingue ");
        ReviewService.TagChange second = albert.addTag(101, "SQL");
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(anne.addTag(101, "bilingue").tags()).as("already there").containsExactly("relance", "bilingue", "sql");
        JsonNode tags = stored("tags", 101);
        assertThat(tags.isArray()).isTrue();
        tags.forEach(t -> {
            assertThat(t.isTextual()).isTrue();
            assertThat(t.asText()).isEqualTo(t.asText().strip().toLowerCase(java.util.Locale.ROOT));
        });
        assertThat(anne.removeTag(101, "relance").tags()).containsExactly("bilingue", "sql");

        for (int i = 0; i < 8; i++) {
            anne.addTag(101, "t" + i);
        }
        assertThatThrownBy(() -> anne.addTag(101, "eleventh")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("10");
        assertThat(stored("tags", 101)).hasSize(10);
        assertThatThrownBy(() -> anne.addTag(101, "x".repeat(51))).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> anne.addTag(201, "beta")).as("another company's application")
                .isInstanceOf(UserFacingException.class);
        assertThat(ReviewFixture.value(db, "SELECT tags::text FROM public.job_applications WHERE id = 201")).isNull();
    }

    @Test
    void theAiAnalysisIsShownWithItsDetailsAndItsTwoOtherStatesAsSuch() {
        ReviewFixture.update(db, "UPDATE public.job_applications SET ai_score = 82.5, ai_analyzed_at = "
                + "'2026-11-30T10:15:00+00'::timestamptz, ai_score_details = ?::jsonb WHERE id = 101",
                "{\"score\": 82.5, \"strengths\": [\"SQL avancé\", \"Python\"], \"weaknesses\": [\"Peu de management\"],"
                        + " \"skills_match\": {\"matched\": [\"SQL\", \"Python\"], \"missing\": [\"Spark\"], \"percentage\": 66.7},"
                        + " \"experience_match\": \"6 ans pour 5 demandés\", \"recommendation\": \"À convoquer\"}");
        ReviewFixture.update(db, "UPDATE public.job_applications SET ai_score = NULL, ai_analyzed_at = now(),"
                + " ai_score_details = ?::jsonb WHERE id = 102",
                "{\"score\": null, \"strengths\": [], \"weaknesses\": [], \"skills_match\": {\"matched\": [],"
                        + " \"missing\": [], \"percentage\": 0}, \"experience_match\": \"Analyse non disponible\","
                        + " \"recommendation\": \"Analyse IA indisponible\"}");
        Review.Application a = anne.load(101).application();
        AiAnalysis ai = AiAnalysis.of(a.aiScore(), a.aiScoreDetails(), a.aiAnalyzedAt());
        assertThat(ai.state()).isEqualTo(AiMatch.SCORED);
        assertThat(ai.score()).isEqualTo(82.5);
        assertThat(ai.strengths()).containsExactly("SQL avancé", "Python");
        assertThat(ai.missingSkills()).containsExactly("Spark");
        assertThat(ai.skillsPercentage()).isEqualTo(66.7);
        assertThat(ai.recommendation()).isEqualTo("À convoquer");
        assertThat(ai.analyzedAt().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-30T10:15:00Z"));

        Review.Application b = anne.load(102).application();
        AiAnalysis unavailable = AiAnalysis.of(b.aiScore(), b.aiScoreDetails(), b.aiAnalyzedAt());
        assertThat(unavailable.state()).isEqualTo(AiMatch.UNAVAILABLE);
        assertThat(unavailable.recommendation()).as("the placeholder is not shown as advice").isNull();
        Review.Application c = anne.load(103).application();
        assertThat(AiAnalysis.of(c.aiScore(), c.aiScoreDetails(), c.aiAnalyzedAt()).state())
                .isEqualTo(AiMatch.NOT_ANALYSED);

        List<BoardCard> cards = board.page(11, ApplicationStatus.APPLIED, null, 50, BoardFilter.NONE);
        assertThat(cards).extracting(BoardCard::aiMatch).containsExactlyInAnyOrder(AiMatch.SCORED,
                AiMatch.UNAVAILABLE, AiMatch.NOT_ANALYSED);
    }

    @Test
    void aColumnSortsByAiScorePagesByKeysetAndFiltersByAMinimumAndATag() {
        ReviewFixture.update(db, "UPDATE public.job_applications SET ai_score = 40 WHERE id = 101");
        ReviewFixture.update(db, "UPDATE public.job_applications SET ai_score = 91.5, tags = '[\"bilingue\"]' WHERE id = 102");
        BoardFilter byScore = new BoardFilter(null, null, List.of(), List.of(), null, BoardOrder.AI_SCORE);
        List<BoardCard> all = board.page(11, ApplicationStatus.APPLIED, null, 50, byScore);
        assertThat(all).extracting(BoardCard::applicationId).containsExactly(102, 101, 103);
        assertThat(all.get(0).tags()).containsExactly("bilingue");

        // page by page (1 card a page): the keyset carries the score, the unscored card comes last
        BoardCard first = board.page(11, ApplicationStatus.APPLIED, null, 1, byScore).get(0);
        BoardCard second = board.page(11, ApplicationStatus.APPLIED, first, 1, byScore).get(0);
        BoardCard third = board.page(11, ApplicationStatus.APPLIED, second, 1, byScore).get(0);
        assertThat(List.of(first.applicationId(), second.applicationId(), third.applicationId()))
                .containsExactly(102, 101, 103);
        assertThat(board.page(11, ApplicationStatus.APPLIED, third, 1, byScore)).isEmpty();

        BoardFilter min50 = new BoardFilter(null, null, List.of(), List.of(), 50, BoardOrder.AI_SCORE);
        assertThat(board.page(11, ApplicationStatus.APPLIED, null, 50, min50)).extracting(BoardCard::applicationId)
                .containsExactly(102);
        BoardFilter min30Newest = new BoardFilter(null, null, List.of(), List.of(), 30, BoardOrder.NEWEST);
        assertThat(board.page(11, ApplicationStatus.APPLIED, null, 50, min30Newest))
                .extracting(BoardCard::applicationId).containsExactly(102, 101);
        BoardFilter tagged = new BoardFilter(null, null, List.of("bilingue"), List.of(), null, BoardOrder.AI_SCORE);
        assertThat(board.page(11, ApplicationStatus.APPLIED, null, 50, tagged)).extracting(BoardCard::applicationId)
                .containsExactly(102);
    }
}
