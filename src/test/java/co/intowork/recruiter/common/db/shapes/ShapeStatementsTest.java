package co.intowork.recruiter.common.db.shapes;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.shapes.PlatformShapes.Shape;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.interviews.InterviewRequest;
import co.intowork.recruiter.interviews.InterviewService;
import co.intowork.recruiter.interviews.InterviewStatus;
import co.intowork.recruiter.pipeline.JobSort;
import co.intowork.recruiter.pipeline.JobSummary;
import co.intowork.recruiter.pipeline.PipelineCriteria;
import co.intowork.recruiter.pipeline.PipelineService;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.stats.StatsQuery;
import co.intowork.recruiter.stats.StatsService;
import co.intowork.recruiter.sync.SyncService;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 4: each platform shape, built from its DDL and adopted with every migration, then the client's
 * main statements as a client login (pipeline, board move, review save, statistics, sync pull).
 */
class ShapeStatementsTest {
    private static final int ALPHA_JOB = 11;

    @ParameterizedTest
    @EnumSource(Shape.class)
    void theMainStatementsWorkOnEveryShape(Shape shape) throws SQLException {
        TestDatabase.Db db = PlatformShapes.adoptedWithTwoCompanies("shape_statements_" + shape, shape);
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        TestDatabase.Db replicaDb = MigratedDatabase.create("shape_statements_replica_" + shape);
        try (client; Database replica = MigratedDatabase.open(replicaDb)) {
            SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                    .signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
            SignedIn anne = new SignedIn(user, client.unitOfWork(), new ImmediateTaskRunner());

            // pipeline: the company's jobs with their application counts by status
            PipelineService.Page page = new PipelineService(anne.unitOfWork()).page(new PipelineCriteria(
                    user.companyId(), user.userId(), null, null, null, null, null, null, JobSort.NEWEST, null, 50));
            assertThat(page.rows()).extracting(JobSummary::getId).contains(11, 12).doesNotContain(21);
            assertThat(page.rows().stream().filter(j -> j.getId() == ALPHA_JOB).findFirst().orElseThrow()
                    .getApplied()).isEqualTo(1);

            // board: a column read by status, a move, its history and the candidate's notification
            BoardService board = new BoardService(anne);
            BoardCard chloe = board.page(ALPHA_JOB, ApplicationStatus.APPLIED, null, 50).stream()
                    .filter(c -> c.applicationId() == 101).findFirst().orElseThrow();
            List<BoardCard> moved = board.move(ALPHA_JOB, List.of(new BoardService.Move(chloe,
                    ApplicationStatus.SHORTLISTED)));
            assertThat(moved).singleElement().extracting(BoardCard::status).isEqualTo(ApplicationStatus.SHORTLISTED);
            assertThat(board.page(ALPHA_JOB, ApplicationStatus.SHORTLISTED, null, 50))
                    .extracting(BoardCard::applicationId).contains(101);

            // review: load and save the assessment against its version
            ReviewService review = new ReviewService(anne);
            int version = review.load(101).application().version();
            assertThat(review.load(101).application().status()).isEqualTo(ApplicationStatus.SHORTLISTED);
            int next = review.saveAssessment(101, version, "Solid on " + shape, 4,
                    new Scorecard(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4)));
            assertThat(next).isGreaterThan(version);

            // statistics: the headline and funnel from the status history
            StatsService stats = new StatsService(anne.unitOfWork(), null);
            StatsService.Overview overview = stats.overview(StatsQuery.of(user, null, null, null, 14));
            assertThat(overview.dashboard().applications()).isEqualTo(2);

            // sync pull: the job taken offline arrives in the copy with the server's statuses
            SyncService.PullReport pulled = new SyncService(anne, replica.unitOfWork()).takeOffline(ALPHA_JOB);
            assertThat(pulled.applications()).isEqualTo(1);
            try (Connection c = replicaDb.superuser().getConnection()) {
                assertThat(string(c, "SELECT status::text FROM public.job_applications WHERE id = 101"))
                        .isEqualTo("shortlisted");
            }

            // interviews (V43): scheduled, rescheduled and canceled through the functions, in the platform's format
            InterviewService interviews = new InterviewService(anne);
            java.time.ZonedDateTime slot = java.time.ZonedDateTime.now(java.time.ZoneId.of("Africa/Douala"))
                    .plusDays(2).withNano(0);
            int interview = interviews.schedule(new InterviewRequest(101, ALPHA_JOB, "Entretien", slot, 45,
                    "Douala", null, null, List.of(user.userId())));
            int sequence = interviews.reschedule(interview, 0, new InterviewRequest(101, ALPHA_JOB, "Entretien",
                    slot.plusHours(1), 45, "Douala", null, null, List.of(user.userId())));
            interviews.setStatus(interview, sequence, InterviewStatus.CANCELED);

            try (Connection c = db.superuser().getConnection()) {
                assertThat(rows(c, "SELECT status::text, timezone, duration_minutes, interviewers -> 0 ->> 'email'"
                        + " FROM public.interview_schedules WHERE id = " + interview))
                        .containsExactly("CANCELED|Africa/Douala|45|anne@alpha.example");
                assertThat(rows(c, "SELECT status::text, notes, rating FROM public.job_applications WHERE id = 101"))
                        .containsExactly("shortlisted|Solid on " + shape + "|4");
                assertThat(rows(c, "SELECT coalesce(from_status::text, '-'), to_status::text, source"
                        + " FROM recruiter.application_status_events WHERE application_id = 101 ORDER BY id"))
                        .containsExactly("-|applied|insert", "applied|shortlisted|client");
                // the candidate's message once the undo window has passed (V38)
                assertThat(string(c, "SELECT to_status::text FROM recruiter.pending_status_notifications"
                        + " WHERE application_id = 101")).isEqualTo("shortlisted");
                c.createStatement().execute("UPDATE recruiter.pending_status_notifications SET due_at = clock_timestamp()");
                c.createStatement().execute("SELECT recruiter.deliver_due_status_notifications()");
                assertThat(string(c, "SELECT count(*) FROM public.notifications WHERE related_application_id = 101"
                        + " AND type = 'STATUS_CHANGE'")).isEqualTo("1");
            }
        }
    }
}
