package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notes thread (recruiter_notes) in the platform's format, through V39's functions, on real PostgreSQL:
 * through the service as each person, then attacked with raw SQL as the client login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesThreadTest {
    private static final int APP = ReviewFixture.CHLOE_APP;
    private TestDatabase.Db db;
    private ReviewService anne;
    private ReviewService albert;
    private ReviewService hugo;
    private ReviewService bruno;

    @BeforeAll
    void seed() {
        db = ReviewFixture.create("notes_thread");
        anne = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.ANNE));
        albert = new ReviewService(ReviewFixture.signIn(db, "albert@alpha.example"));
        hugo = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.HUGO));
        bruno = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.BRUNO));
    }

    @BeforeEach
    void emptyThread() {
        ReviewFixture.update(db, "UPDATE public.job_applications SET recruiter_notes = NULL, notes = NULL WHERE id = ?",
                APP);
    }

    private JsonNode stored() throws Exception {
        return new ObjectMapper().readTree(ReviewFixture.value(db,
                "SELECT recruiter_notes::text FROM public.job_applications WHERE id = ?", APP));
    }

    @Test
    void aNoteIsAppendedInThePlatformsFormatWithTheServersAuthorAndTime() throws Exception {
        int before = Integer.parseInt(ReviewFixture.value(db, "SELECT version FROM public.job_applications WHERE id = ?",
                APP));
        ReviewService.ThreadChange first = anne.addNote(APP, "  Strong SQL; call her back.  ");
        ReviewService.ThreadChange second = albert.addNote(APP, "Agreed.");
        assertThat(first.version()).isEqualTo(before + 1);
        assertThat(second.version()).isEqualTo(before + 2);

        JsonNode thread = stored();
        assertThat(thread.isArray()).isTrue();
        assertThat(thread).hasSize(2);
        JsonNode note = thread.get(0);
        assertThat(note.get("user_id").isInt()).isTrue();
        assertThat(note.get("user_id").asInt()).isEqualTo(1);
        assertThat(note.get("user_name").asText()).isEqualTo("Anne Alpha");
        assertThat(note.get("note").asText()).as("trimmed").isEqualTo("Strong SQL; call her back.");
        OffsetDateTime at = OffsetDateTime.parse(note.get("created_at").asText());
        assertThat(at).isBetween(OffsetDateTime.now().minusMinutes(5), OffsetDateTime.now().plusMinutes(1));
        assertThat(thread.get(1).get("user_name").asText()).isEqualTo("Albert Alpha");

        assertThat(second.notes()).extracting(Review.Note::userName, Review.Note::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Anne Alpha", "Strong SQL; call her back."),
                        org.assertj.core.groups.Tuple.tuple("Albert Alpha", "Agreed."));
    }

    @Test
    void aHiringManagersFeedbackIsShownAsTheirs() {
        hugo.addNote(APP, "Good fit for my team.");
        List<Review.Note> seen = anne.load(APP).notes();
        assertThat(seen).singleElement().satisfies(n -> {
            assertThat(n.userName()).isEqualTo("Hugo Manager");
            assertThat(n.hiringManager()).isTrue();
        });
        anne.addNote(APP, "Thanks");
        assertThat(anne.load(APP).notes()).extracting(Review.Note::hiringManager).containsExactly(true, false);
    }

    @Test
    void oneDeletesOnlyOnesOwnNote() {
        anne.addNote(APP, "mine");
        List<Review.Note> thread = albert.addNote(APP, "his").notes();
        assertThatThrownBy(() -> anne.deleteNote(APP, thread.get(1))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("author");
        ReviewService.ThreadChange after = anne.deleteNote(APP, thread.get(0));
        assertThat(after.notes()).extracting(Review.Note::text).containsExactly("his");
        assertThat(after.notes().get(0).index()).isZero();
    }

    @Test
    void aDeleteAgainstAThreadChangedMeanwhileIsRefusedNotMisapplied() {
        Review.Note mine = anne.addNote(APP, "first").notes().get(0);
        // someone deletes... no: the platform rewrites the thread, putting another note first
        ReviewFixture.update(db, "UPDATE public.job_applications SET recruiter_notes = "
                + "jsonb_build_array(jsonb_build_object('user_id', 1, 'user_name', 'Anne Alpha', 'note', 'other', "
                + "'created_at', '2026-01-01T10:00:00+00:00')) || recruiter_notes WHERE id = ?", APP);
        assertThatThrownBy(() -> anne.deleteNote(APP, mine)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("meanwhile");
        assertThat(anne.load(APP).notes()).extracting(Review.Note::text).containsExactly("other", "first");
    }

    @Test
    void aThreadWrittenByThePlatformIsShownAndKept() {
        ReviewFixture.update(db, "UPDATE public.job_applications SET recruiter_notes = ?::jsonb WHERE id = ?",
                "[{\"user_id\": 2, \"user_name\": \"Albert Alpha\", \"note\": \"From the web\","
                        + " \"created_at\": \"2026-07-01T09:30:00.123456\"}, 42]", APP);
        Review review = anne.load(APP);
        assertThat(review.notes()).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("From the web");
            assertThat(n.createdAt()).isEqualTo(OffsetDateTime.parse("2026-07-01T09:30:00.123456Z"));
        });
        anne.addNote(APP, "From the desktop");
        assertThat(ReviewFixture.value(db, "SELECT jsonb_array_length(recruiter_notes) FROM public.job_applications "
                + "WHERE id = ?", APP)).as("nothing dropped, not even the stray 42").isEqualTo("3");
    }

    @Test
    void theOldNotesFieldIsSavedAsBeforeAndLeavesTheThreadAlone() {
        anne.addNote(APP, "thread note");
        Review r = anne.load(APP);
        anne.saveAssessment(APP, r.application().version(), "old field text", 4, Scorecard.parse(null));
        Review again = anne.load(APP);
        assertThat(again.application().notes()).isEqualTo("old field text");
        assertThat(again.notes()).extracting(Review.Note::text).containsExactly("thread note");
    }

    @Test
    void anotherCompanyCannotWriteAndTheLengthIsChecked() {
        assertThatThrownBy(() -> bruno.addNote(APP, "hello")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("#" + APP);
        assertThatThrownBy(() -> anne.addNote(APP, "x".repeat(2001))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("2000");
        assertThatThrownBy(() -> anne.addNote(APP, "   ")).isInstanceOf(UserFacingException.class);
        assertThat(ReviewFixture.value(db, "SELECT recruiter_notes FROM public.job_applications WHERE id = ?", APP))
                .isNull();
    }

    // ---- attacks as the client login, raw SQL --------------------------------------------------------------

    private Connection client() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", TwoCompanies.CLIENT_LOGIN);
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(false);
        return c;
    }

    private String token(String email) throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(true);
            String handle = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, TwoCompanies.PASSWORD);
            return string(c, "SELECT token FROM recruiter.sign_in_finish(?)", handle);
        }
    }

    @Test
    void theClientCannotForgeAnAuthorNorTouchOthersNotesNorOtherCompanies() throws Exception {
        albert.addNote(APP, "Albert's");
        String anneToken = token(TwoCompanies.ANNE);
        String brunoToken = token(TwoCompanies.BRUNO);
        String createdAt = stored().get(0).get("created_at").asText();
        try (Connection c = client()) {
            exec(c, "SELECT recruiter.use_session(?)", anneToken);
            // writing the column directly (a forged author) is not granted any more
            SQLException direct = failure(c, "UPDATE public.job_applications SET recruiter_notes = "
                    + "'[{\"user_id\": 2, \"user_name\": \"Albert Alpha\", \"note\": \"forged\", "
                    + "\"created_at\": \"2026-01-01T00:00:00Z\"}]' WHERE id = ?", APP);
            assertThat(direct.getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anneToken);
            SQLException others = failure(c, "SELECT * FROM recruiter.delete_application_note(?, 0, ?::timestamptz)",
                    APP, createdAt);
            assertThat(others.getSQLState()).isEqualTo("IW403");
            assertThat(others.getMessage()).doesNotContain("Albert's");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anneToken);
            // rollback games change nothing: the note is appended only when the transaction commits
            exec(c, "SELECT * FROM recruiter.add_application_note(?, 'rolled back')", APP);
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", brunoToken);
            SQLException otherCompany = failure(c, "SELECT * FROM recruiter.add_application_note(?, 'spam')", APP);
            assertThat(otherCompany.getSQLState()).isEqualTo("IW404");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", brunoToken);
            SQLException otherDelete = failure(c,
                    "SELECT * FROM recruiter.delete_application_note(?, 0, ?::timestamptz)", APP, createdAt);
            assertThat(otherDelete.getSQLState()).isEqualTo("IW404");
            c.rollback();
            // without a session
            SQLException noSession = failure(c, "SELECT * FROM recruiter.add_application_note(?, 'anonymous')", APP);
            assertThat(noSession.getSQLState()).isEqualTo("IW401");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anneToken);
            SQLException huge = failure(c, "SELECT * FROM recruiter.add_application_note(?, repeat('x', 10000000))",
                    APP);
            assertThat(huge.getMessage()).hasSizeLessThan(200);
            c.rollback();
        }
        JsonNode thread = stored();
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("note").asText()).isEqualTo("Albert's");
    }
}
