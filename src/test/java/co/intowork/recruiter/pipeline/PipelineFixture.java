package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Signing in as a client login, and writing as the platform (superuser) behind the client's back. */
final class PipelineFixture {
    private PipelineFixture() {
    }

    static SignedIn signIn(TestDatabase.Db db, String login, String email, String password) {
        Database client = MigratedDatabase.openAsClient(db, login);
        SessionContext ctx = SessionContext.installOn(client.unitOfWork());
        return new SignedIn(new AuthService(client.unitOfWork(), ctx).signIn(email, password), client.unitOfWork(),
                new ImmediateTaskRunner());
    }

    static void platform(TestDatabase.Db db, String sql) {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static PipelineCriteria criteria(SignedIn who) {
        return new PipelineCriteria(who.user().isRecruiter() ? who.user().companyId() : null, who.user().userId(),
                null, null, null, null, null, null, JobSort.NEWEST, null, PipelineViewModel.PAGE_SIZE);
    }

    /** A navigator that only records which boards were asked for. */
    static Navigator recordingBoards(List<Integer> boards) {
        return new Navigator() {
            @Override
            public void showPipeline() {
            }

            @Override
            public void showBoard(int jobId) {
                boards.add(jobId);
            }

            @Override
            public void showReview(int applicationId) {
            }
        };
    }
}
