package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interviews on real PostgreSQL as a client login (the two companies): what each person sees, schedules and
 * changes, in the platform's format, and the invitations parsed back with ical4j.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterviewServiceTest {
    static final ZoneId LIBREVILLE = ZoneId.of("Africa/Libreville");
    private TestDatabase.Db db;
    private final List<Database> opened = new ArrayList<>();
    private InterviewService anne;
    private InterviewService hugo;
    private InterviewService bruno;

    @BeforeAll
    void seed() {
        db = TwoCompanies.create("interviews");
        anne = new InterviewService(signIn(TwoCompanies.ANNE));
        hugo = new InterviewService(signIn(TwoCompanies.HUGO));
        bruno = new InterviewService(signIn(TwoCompanies.BRUNO));
    }

    @AfterAll
    void close() {
        opened.forEach(Database::close);
    }

    private SignedIn signIn(String email) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        opened.add(client);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, TwoCompanies.PASSWORD);
        return new SignedIn(user, client.unitOfWork(), new ImmediateTaskRunner());
    }

    private static ZonedDateTime at(int daysAhead, int hour) {
        return LocalDate.now(LIBREVILLE).plusDays(daysAhead).atTime(hour, 0).atZone(LIBREVILLE);
    }

    private static InterviewRequest request(int applicationId, ZonedDateTime start, Integer... interviewers) {
        return new InterviewRequest(applicationId, 0, "Entretien technique", start, 60, "Bureau 3, Libreville",
                "https://meet.example/abc", "Apporter le portfolio", List.of(interviewers));
    }

    private String sql(String query) {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScheduledInterviewIsWrittenAsTheWebWritesIt() {
        int id = anne.schedule(request(101, at(3, 10), 1, 4));
        assertThat(sql("SELECT concat_ws('|', application_id, created_by_user_id, title, location, meeting_link,"
                + " duration_minutes, timezone, candidate_email, status, reminder_sent, confirmation_received,"
                + " created_at IS NOT NULL, updated_at IS NOT NULL) FROM public.interview_schedules WHERE id = " + id))
                .isEqualTo("101|1|Entretien technique|Bureau 3, Libreville|https://meet.example/abc|60|"
                        + "Africa/Libreville|chloe@example.com|SCHEDULED|f|f|t|t");
        assertThat(sql("SELECT interviewers::text FROM public.interview_schedules WHERE id = " + id)).isEqualTo(
                "[{\"name\": \"Anne Alpha\", \"email\": \"anne@alpha.example\", \"user_id\": 1}, "
                        + "{\"name\": \"Hugo Manager\", \"email\": \"hugo@freelance.example\", \"user_id\": 4}]");
        Interview read = anne.find(id);
        assertThat(read.interviewers()).extracting(Interviewer::userId).containsExactly(1, 4);
        assertThat(read.start()).isEqualTo(at(3, 10));
        assertThat(read.sequence()).isZero();
        assertThat(anne.ofApplication(101)).extracting(Interview::id).contains(id);
    }

    @Test
    void otherCompaniesInterviewsAreInvisibleAndUnwritable() {
        int beta = bruno.schedule(request(201, at(4, 9), 3));
        assertThat(anne.calendar(LocalDate.now(LIBREVILLE), LocalDate.now(LIBREVILLE).plusDays(10), LIBREVILLE, false))
                .extracting(Interview::applicationId).doesNotContain(201, 202);
        assertThatThrownBy(() -> anne.find(beta)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> anne.setStatus(beta, 0, InterviewStatus.CANCELED))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("no longer visible");
        assertThatThrownBy(() -> anne.reschedule(beta, 0, request(201, at(5, 9), 1)))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> anne.schedule(request(201, at(5, 9), 1)))
                .as("another company's application").isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> anne.schedule(request(101, at(5, 9), 3)))
                .as("Bruno is not Alpha's").isInstanceOf(UserFacingException.class)
                .hasMessageContaining("employer of the job's company");
        assertThat(anne.people(11)).extracting(Interviewer::userId).containsExactlyInAnyOrder(1, 2, 4);
        assertThat(anne.people(21)).as("a job she cannot see").isEmpty();
        assertThat(sql("SELECT status::text FROM public.interview_schedules WHERE id = " + beta)).isEqualTo("SCHEDULED");
    }

    @Test
    void aHiringManagerSeesOnlyHerJobsInterviews() {
        int onHers = anne.schedule(request(101, at(6, 14), 1));
        int notHers = anne.schedule(request(121, at(6, 15), 2));
        List<Interview> seen = hugo.calendar(LocalDate.now(LIBREVILLE), LocalDate.now(LIBREVILLE).plusDays(10),
                LIBREVILLE, false);
        assertThat(seen).extracting(Interview::id).contains(onHers).doesNotContain(notHers);
        assertThat(seen).extracting(Interview::jobId).containsOnly(11);
        assertThatThrownBy(() -> hugo.setStatus(notHers, 0, InterviewStatus.CANCELED))
                .isInstanceOf(UserFacingException.class);
        // she can schedule on her job, with Alpha's recruiters
        int hers = hugo.schedule(request(101, at(7, 9), 4, 2));
        assertThat(hugo.calendar(LocalDate.now(LIBREVILLE), LocalDate.now(LIBREVILLE).plusDays(10), LIBREVILLE, true))
                .extracting(Interview::id).contains(hers).doesNotContain(onHers);
    }

    @Test
    void rescheduleAndCancelBumpTheSequenceAndAStaleChangeIsRefused() {
        int id = anne.schedule(request(101, at(8, 10), 1));
        int seq = anne.reschedule(id, 0, request(101, at(8, 11), 1, 2));
        assertThat(seq).isEqualTo(1);
        assertThat(anne.find(id).state()).isEqualTo(InterviewStatus.RESCHEDULED);
        assertThatThrownBy(() -> anne.setStatus(id, 0, InterviewStatus.CANCELED))
                .isInstanceOf(InterviewChangedException.class);
        // the web changes the time too: the sequence follows
        sql("UPDATE public.interview_schedules SET scheduled_at = scheduled_at + interval '30 minutes' WHERE id = "
                + id + " RETURNING id");
        assertThat(anne.find(id).sequence()).isEqualTo(2);
        assertThat(anne.setStatus(id, 2, InterviewStatus.CANCELED)).isEqualTo(3);
        assertThat(anne.find(id).state()).isEqualTo(InterviewStatus.CANCELED);
        assertThatThrownBy(() -> anne.setStatus(id, 3, InterviewStatus.COMPLETED))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("canceled or done");
    }

    @Test
    void anInterviewerAlreadyBookedIsReported() {
        int first = anne.schedule(request(121, at(9, 10), 2));
        List<Booking> clash = anne.conflicts(List.of(1, 2), at(9, 10).plusMinutes(30).toOffsetDateTime(), 60, null);
        assertThat(clash).extracting(Booking::interviewId, Booking::userId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, 2));
        assertThat(anne.conflicts(List.of(2), at(9, 11).toOffsetDateTime(), 30, null)).as("back to back").isEmpty();
        assertThat(anne.conflicts(List.of(2), at(9, 10).toOffsetDateTime(), 30, first)).as("itself").isEmpty();
        assertThat(bruno.conflicts(List.of(2), at(9, 10).toOffsetDateTime(), 30, null)).as("not Beta's to see").isEmpty();
        anne.setStatus(first, 0, InterviewStatus.CANCELED);
        assertThat(anne.conflicts(List.of(2), at(9, 10).toOffsetDateTime(), 30, null)).as("canceled frees").isEmpty();
    }

    @Test
    void badValuesAreRefusedWithASentence() {
        assertThatThrownBy(() -> anne.schedule(new InterviewRequest(101, 0, "x", at(2, 10), 60, null,
                "javascript:alert(1)", null, List.of(1)))).hasMessageContaining("https://");
        assertThatThrownBy(() -> anne.schedule(new InterviewRequest(101, 0, "x", at(2, 10), 60, null, null, null,
                List.of(1)))).hasMessageContaining("place or a meeting link");
        assertThatThrownBy(() -> anne.schedule(new InterviewRequest(101, 0, "x", at(2, 10), 2000, "b", null, null,
                List.of(1)))).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> anne.schedule(new InterviewRequest(101, 0, "x", at(2, 10), 60, "b", null, null,
                List.of()))).hasMessageContaining("1 to 20");
    }

    @Test
    void theInvitationParsesBackWithAStableUidAndItsSequence() throws Exception {
        int id = anne.schedule(request(101, at(10, 10), 1, 4));
        Invitations invitations = new Invitations();
        Calendar first = parse(invitations.write(List.of(anne.find(id)), "Anne Alpha", "anne@alpha.example"));
        VEvent event = first.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(first.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("interview-" + id + "@recruiter.intowork");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
                .isEqualTo(at(10, 10).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime().toString()
                        .replace("-", "").replace(":", "") + "00Z");
        assertThat(event.<net.fortuna.ical4j.model.Property>getProperties("ATTENDEE").stream().map(net.fortuna.ical4j.model.Property::getValue).toList())
                .containsExactly("mailto:chloe@example.com", "mailto:anne@alpha.example", "mailto:hugo@freelance.example");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:anne@alpha.example");

        anne.reschedule(id, 0, request(101, at(10, 15), 1, 4));
        Calendar moved = parse(invitations.write(List.of(anne.find(id)), "Anne Alpha", "anne@alpha.example"));
        VEvent again = moved.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(again.getProperty("UID").orElseThrow().getValue()).isEqualTo(event.getProperty("UID").orElseThrow().getValue());
        assertThat(again.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");

        anne.setStatus(id, 1, InterviewStatus.CANCELED);
        Calendar canceled = parse(invitations.write(List.of(anne.find(id)), "Anne Alpha", "anne@alpha.example"));
        VEvent gone = canceled.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(canceled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(gone.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
    }

    private static Calendar parse(String ics) throws Exception {
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar;
    }
}
