package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real calendar and scheduling dialog, headless, as a client login: cards with the double-booking warning,
 * keyboard navigation, rescheduling through the dialog and scheduling a new interview from it.
 */
@ExtendWith(ApplicationExtension.class)
class CalendarViewTest {
    static final ZoneId LIBREVILLE = ZoneId.of("Africa/Libreville");
    private static TestDatabase.Db db;
    private static InterviewService setup;
    private static final List<Database> opened = new ArrayList<>();

    private FxTaskRunner tasks;
    private CalendarViewModel calendar;
    private InterviewPlanner planner;
    private Stage stage;
    private int first;
    private int second;

    @BeforeAll
    static void database() {
        db = TwoCompanies.create("calendar_view");
        setup = new InterviewService(signIn(new ImmediateTaskRunner()));
    }

    @AfterAll
    static void close() {
        opened.forEach(Database::close);
    }

    private static SignedIn signIn(TaskRunner tasks) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        opened.add(client);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        return new SignedIn(user, client.unitOfWork(), tasks);
    }

    /** Today in Libreville at this hour: always in the shown week, and within what the server accepts. */
    private static ZonedDateTime today(int hour, int minute) {
        return LocalDate.now(LIBREVILLE).atTime(hour, minute).atZone(LIBREVILLE);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        first = setup.schedule(new InterviewRequest(101, 11, "Entretien technique", today(6, 0), 60, "Bureau 3",
                null, null, List.of(1)));
        second = setup.schedule(new InterviewRequest(121, 12, "Entretien RH", today(6, 30), 45, null,
                "https://meet.example/rh", null, List.of(1, 2)));
        tasks = new FxTaskRunner(1);
        SignedIn anne = signIn(tasks);
        InterviewService service = new InterviewService(anne);
        planner = new InterviewPlanner(service, service);
        calendar = new CalendarViewModel(planner, anne, new RecordingNavigator(), Clock.systemUTC(), LIBREVILLE);
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(CalendarView.load(calendar), 1280, 720);
        scene.getStylesheets().add(CalendarView.class.getResource("/co/intowork/recruiter/app/app.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        tasks.close();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM public.interview_schedules WHERE id IN (" + first + ", " + second + ")"
                    + " OR title = 'Dialog test'");
        }
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !calendar.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String sql(String query) throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String labels(FxRobot robot, String id) {
        StringBuilder all = new StringBuilder();
        robot.lookup(id).queryAll().forEach(n -> robot.from(n).lookup(".label").queryAll()
                .forEach(l -> all.append(((Label) l).getText()).append('\n')));
        return all.toString();
    }

    private static Node dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#interview-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#interview-candidate-email")
                .queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#interview-dialog").query();
    }

    private static boolean dialogOpen() {
        return Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#interview-dialog") != null);
    }

    @Test
    void cardsWarnOfTheDoubleBookingAndTheKeysWalkTheCalendar(FxRobot robot) throws Exception {
        settle();
        assertThat(labels(robot, "#calendar-card-" + first)).contains("06:00–07:00", "Chloé", "double booking");
        assertThat(labels(robot, "#calendar-card-" + second)).contains("06:30–07:15", "double booking");
        String week = robot.lookup("#calendar-heading").queryAs(Label.class).getText();

        robot.clickOn("#calendar-heading");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(calendar.selectedProperty().get()).isNotNull();
        assertThat(robot.lookup("#calendar-details").queryAs(Label.class).getText()).contains("Status: Scheduled");
        robot.clickOn("#calendar-card-" + first);
        assertThat(robot.lookup("#calendar-details-title").queryAs(Label.class).getText()).startsWith("Chloé");
        assertThat(robot.lookup("#calendar-details").queryAs(Label.class).getText())
                .contains("Place: Bureau 3", "An interviewer has another interview at the same time.");

        robot.type(KeyCode.PAGE_DOWN);
        settle();
        assertThat(robot.lookup("#calendar-heading").queryAs(Label.class).getText()).isNotEqualTo(week);
        assertThat(robot.lookup("#calendar-card-" + first).tryQuery()).isEmpty();
        robot.type(KeyCode.HOME);
        settle();
        assertThat(robot.lookup("#calendar-heading").queryAs(Label.class).getText()).isEqualTo(week);
        assertThat(robot.lookup("#calendar-card-" + first).tryQuery()).isPresent();

        robot.clickOn("#calendar-span-day");
        settle();
        assertThat(calendar.days()).containsExactly(LocalDate.now(LIBREVILLE));
    }

    @Test
    void theDialogReschedulesTheChosenInterview(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#calendar-card-" + second);
        robot.clickOn("#calendar-reschedule");
        dialog(robot);
        assertThat(robot.lookup("#interview-candidate-email").queryAs(Label.class).getText()).contains("@");
        assertThat(robot.lookup("#interview-interviewers").queryAs(ListView.class).getItems()).hasSize(2);
        TextField time = robot.lookup("#interview-time").queryAs(TextField.class);
        robot.interact(() -> time.setText("08:15"));
        robot.clickOn("#interview-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !dialogOpen());
        settle();

        assertThat(sql("SELECT status::text || '|' || to_char(scheduled_at AT TIME ZONE 'Africa/Libreville', 'HH24:MI')"
                + " FROM public.interview_schedules WHERE id = " + second)).isEqualTo("RESCHEDULED|08:15");
        assertThat(sql("SELECT ical_sequence FROM recruiter.interview_calendar WHERE interview_id = " + second))
                .isEqualTo("1");
        assertThat(labels(robot, "#calendar-card-" + second)).contains("08:15–09:00").doesNotContain("double");
    }

    @Test
    void aNewInterviewNeedsAPlaceOrALinkThenIsScheduled(FxRobot robot) throws Exception {
        settle();
        AtomicInteger saved = new AtomicInteger(-1);
        robot.interact(() -> InterviewDialog.show(stage, planner.newInterview(101), saved::set));
        dialog(robot);
        assertThat(robot.lookup("#interview-interviewers").queryAs(ListView.class).getItems())
                .extracting(p -> ((Interviewer) p).userId()).containsExactly(1);
        robot.interact(() -> {
            robot.lookup("#interview-title").queryAs(TextField.class).setText("Dialog test");
            robot.lookup("#interview-time").queryAs(TextField.class).setText("09:30");
        });
        robot.clickOn("#interview-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#interview-error").queryAs(Label.class).getText())
                .isEqualTo("Give a place or a meeting link.");
        assertThat(sql("SELECT count(*) FROM public.interview_schedules WHERE title = 'Dialog test'")).isEqualTo("0");

        robot.clickOn("#interview-location").write("Salle Ogooué");
        robot.clickOn("#interview-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> saved.get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogOpen()).isFalse();
        assertThat(sql("SELECT concat_ws('|', location, timezone <> '', status, interviewers -> 0 ->> 'email',"
                + " to_char(scheduled_at AT TIME ZONE timezone, 'HH24:MI')) FROM public.interview_schedules"
                + " WHERE id = " + saved.get())).isEqualTo("Salle Ogooué|t|SCHEDULED|anne@alpha.example|09:30");
    }
}
