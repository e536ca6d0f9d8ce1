package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The two-companies fixture with a richer application 101 (Chloé on Alpha's job 11: profile, cover letter, CV) and
 * two more applied applications on job 11 (102 Claude, 103 Camille) for previous/next.
 */
final class ReviewFixture {
    static final int CHLOE_APP = 101;

    private ReviewFixture() {
    }

    static TestDatabase.Db create(String purpose) {
        TestDatabase.Db db = TwoCompanies.create(purpose);
        update(db, "UPDATE public.candidates SET title = 'Data engineer', summary = 'Pipelines and SQL.', "
                + "location = 'Libreville', years_experience = 6, salary_expectation_min = 900000, "
                + "salary_expectation_max = 1200000 WHERE id = 1");
        update(db, "UPDATE public.job_applications SET cover_letter = 'I would love to join Alpha.', "
                + "cv_url = 'https://cdn.example.com/cv/chloe.pdf', applied_at = now() - interval '3 days' "
                + "WHERE id = 101");
        update(db, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at) "
                + "VALUES (102, 11, 2, 'applied', now() - interval '2 days'), "
                + "(103, 11, 3, 'applied', now() - interval '1 day')");
        return db;
    }

    static SignedIn signIn(TestDatabase.Db db, String email) {
        return signIn(db, email, new ImmediateTaskRunner());
    }

    static SignedIn signIn(TestDatabase.Db db, String email, TaskRunner tasks) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, TwoCompanies.PASSWORD);
        return new SignedIn(user, client.unitOfWork(), tasks);
    }

    static int update(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, null when there is no row. */
    static String value(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
