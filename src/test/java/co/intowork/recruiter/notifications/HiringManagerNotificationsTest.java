package co.intowork.recruiter.notifications;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hiring managers' inbox (issue 19, item 9; V38): new applications on their jobs and a colleague's note on one,
 * written by the database for every writer (the web platform or a desktop client), never their own notes.
 * Hugo is the hiring manager of Alpha's job 11; Anne and Albert recruit for Alpha.
 */
class HiringManagerNotificationsTest {
    final RecordingNavigator navigator = new RecordingNavigator();
    final List<Database> clients = new ArrayList<>();
    TestDatabase.Db db;

    @BeforeEach
    void create() {
        db = TwoCompanies.create("hm_inbox");
    }

    @AfterEach
    void close() {
        clients.forEach(Database::close);
    }

    private SignedIn signIn(String email) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        clients.add(client);
        return new SignedIn(new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, TwoCompanies.PASSWORD), client.unitOfWork(), new ImmediateTaskRunner());
    }

    private void asPlatform(String sql) throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> lines(InboxViewModel inbox) {
        inbox.reload();
        return inbox.items().stream().map(n -> n.type() + " " + InboxViewModel.displayTitle(n.title()) + " / "
                + n.message()).toList();
    }

    @Test
    void aNewApplicationOnHerJobReachesHerInboxAndOpensItsReview() throws Exception {
        SignedIn hugo = signIn(TwoCompanies.HUGO);
        InboxViewModel inbox = new InboxViewModel(hugo, navigator);
        assertThat(lines(inbox)).isEmpty();

        // the platform: Claude applies to job 11 (Hugo's) and to job 12 (not his)
        asPlatform("INSERT INTO public.job_applications (id, job_id, candidate_id, status)"
                + " VALUES (150, 11, 2, 'applied'), (151, 12, 2, 'applied')");

        assertThat(lines(inbox)).containsExactly(
                "NEW_APPLICATION Nouvelle candidature reçue / Claude Candidate a postulé pour le poste de Alpha engineer");
        assertThat(inbox.unreadCountProperty().get()).isEqualTo(1);
        inbox.open(inbox.items().get(0));
        assertThat(navigator.requests()).containsExactly("review 150");
        assertThat(inbox.unreadCountProperty().get()).isZero();
        // recruiters hear of applications from the platform itself, not twice from here
        SignedIn anne = signIn(TwoCompanies.ANNE);
        assertThat(new NotificationService(anne.unitOfWork(), anne.user()).page(false, null))
                .extracting(Notification::message).containsExactly("for Anne");
    }

    @Test
    void aColleaguesNoteOnAnApplicationOfHerJobReachesHerInboxOnceUntilRead() throws Exception {
        SignedIn anne = signIn(TwoCompanies.ANNE);
        SignedIn hugo = signIn(TwoCompanies.HUGO);
        InboxViewModel inbox = new InboxViewModel(hugo, navigator);
        ReviewService review = new ReviewService(anne);

        int version = review.load(101).application().version();
        version = review.saveAssessment(101, version, "Strong SQL", 4, Scorecard.EMPTY);
        assertThat(lines(inbox)).containsExactly("MESSAGE Nouvelle note sur une candidature / Anne Alpha a ajouté une"
                + " note sur la candidature de Chloé Candidate pour le poste de Alpha engineer");

        // more typing while the first is unread: still one; once read, the next note is news again
        version = review.saveAssessment(101, version, "Strong SQL. Called her.", 4, Scorecard.EMPTY);
        assertThat(lines(inbox)).hasSize(1);
        inbox.markAllRead();
        // a rating alone is not a note
        version = review.saveAssessment(101, version, "Strong SQL. Called her.", 5, Scorecard.EMPTY);
        assertThat(lines(inbox)).hasSize(1);
        review.saveAssessment(101, version, "Strong SQL. Called her. Available in May.", 5, Scorecard.EMPTY);
        assertThat(lines(inbox)).hasSize(2);
        assertThat(inbox.unreadCountProperty().get()).isEqualTo(1);

        // the platform appends to the notes thread (recruiter_notes): its author is named
        asPlatform("UPDATE public.job_applications SET recruiter_notes = coalesce(recruiter_notes, '[]'::jsonb)"
                + " || '[{\"user_id\": 2, \"user_name\": \"Albert Alpha\", \"note\": \"Met her\","
                + " \"created_at\": \"2026-12-07T10:00:00+01:00\"}]'::jsonb WHERE id = 101");
        inbox.markAllRead();
        asPlatform("UPDATE public.job_applications SET recruiter_notes = recruiter_notes"
                + " || '[{\"user_id\": 2, \"user_name\": \"Albert Alpha\", \"note\": \"Second\","
                + " \"created_at\": \"2026-12-07T11:00:00+01:00\"}]'::jsonb WHERE id = 101");
        assertThat(lines(inbox).get(0)).isEqualTo("MESSAGE Nouvelle note sur une candidature / Albert Alpha a ajouté"
                + " une note sur la candidature de Chloé Candidate pour le poste de Alpha engineer");
    }

    @Test
    void herOwnNoteIsNotNewsToHerAndOthersJobsAreNotHers() throws Exception {
        SignedIn hugo = signIn(TwoCompanies.HUGO);
        InboxViewModel inbox = new InboxViewModel(hugo, navigator);
        ReviewService review = new ReviewService(hugo);
        review.saveAssessment(101, review.load(101).application().version(), "My feedback", 3, Scorecard.EMPTY);
        // Bruno notes at Beta, where Hugo manages nothing
        SignedIn bruno = signIn(TwoCompanies.BRUNO);
        ReviewService beta = new ReviewService(bruno);
        beta.saveAssessment(201, beta.load(201).application().version(), "Beta note", 3, Scorecard.EMPTY);

        assertThat(lines(inbox)).isEmpty();
        // an inactive hiring manager is not written to
        asPlatform("INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (11, 5, 1)");
        asPlatform("INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES (150, 11, 2, 'applied')");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT string_agg(user_id::text, ',' ORDER BY user_id) FROM public.notifications"
                     + " WHERE related_application_id = 150")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("4");
        }
        // the platform hard-deletes an application, then a job, as before: her notifications stop pointing at them
        asPlatform("INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                + " status) VALUES (13, 1, 1, 'Alpha intern', 'd', 'internship', 'on_site', 'published')");
        asPlatform("INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (13, 4, 1)");
        asPlatform("INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES (160, 13, 2, 'applied')");
        assertThat(lines(inbox)).containsExactly(
                "NEW_APPLICATION Nouvelle candidature reçue / Claude Candidate a postulé pour le poste de Alpha intern",
                "NEW_APPLICATION Nouvelle candidature reçue / Claude Candidate a postulé pour le poste de Alpha engineer");
        asPlatform("DELETE FROM public.job_applications WHERE id = 160");
        asPlatform("DELETE FROM public.jobs WHERE id = 13");
        assertThat(lines(inbox)).hasSize(2);
        assertThat(inbox.items().get(0).relatedJobId()).isNull();
        assertThat(inbox.items().get(0).relatedApplicationId()).isNull();
    }

    @Test
    void aClientCannotForgeTheAuthorOfANoteToSilenceOrMisleadHer() throws Exception {
        SignedIn anne = signIn(TwoCompanies.ANNE);
        SignedIn hugo = signIn(TwoCompanies.HUGO);
        InboxViewModel inbox = new InboxViewModel(hugo, navigator);
        // as a client login with psql could: an element claiming to be by Hugo (to silence him). The thread is
        // written only through V39's functions, so the raw UPDATE is refused and nothing is notified
        assertThatThrownBy(() -> anne.unitOfWork().run(session -> {
            try (Statement st = session.getConnection().createStatement()) {
                st.execute("UPDATE public.job_applications SET recruiter_notes = '[{\"user_id\": 4, \"user_name\":"
                        + " \"Hugo Manager\", \"note\": \"x\", \"created_at\": \"2026-12-07T10:00:00Z\"}]'"
                        + " WHERE id = 101");
            }
        })).hasMessageContaining("not allowed");
        assertThat(lines(inbox)).isEmpty();
        // through the function the author is the session's person, whatever the text says
        anne.unitOfWork().run(session -> {
            try (Statement st = session.getConnection().createStatement()) {
                st.execute("SELECT recruiter.add_application_note(101, 'Le PDG: y')");
            }
        });
        assertThat(lines(inbox)).containsExactly("MESSAGE Nouvelle note sur une candidature / Anne Alpha a ajouté une"
                + " note sur la candidature de Chloé Candidate pour le poste de Alpha engineer");
    }
}
