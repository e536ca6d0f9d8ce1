package co.intowork.recruiter.board;

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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-companies fixture plus {@code extra} applications to Alpha's job 11 (statuses in turn, one hour apart),
 * and signing in as a client login, as the app does.
 */
final class BoardFixture {
    static final int ALPHA_JOB = 11;
    static final int BETA_JOB = 21;

    private BoardFixture() {
    }

    static TestDatabase.Db create(String purpose, int extra) {
        TestDatabase.Db db = TwoCompanies.create(purpose);
        exec(db, "INSERT INTO public.users (id, email, role, first_name, last_name, is_active) "
                + "SELECT 1000 + g, 'cand' || g || '@example.com', 'CANDIDATE', 'Cand' || g, 'Test', true "
                + "FROM generate_series(1, " + extra + ") g");
        exec(db, "INSERT INTO public.candidates (id, user_id, title) "
                + "SELECT 1000 + g, 1000 + g, 'Title ' || g FROM generate_series(1, " + extra + ") g");
        exec(db, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at, rating) "
                + "SELECT 11, 1000 + g, (ARRAY['applied','viewed','shortlisted','interview','accepted','rejected'])"
                + "[1 + g % 6]::public.applicationstatus, now() - g * interval '1 hour', 1 + g % 5 "
                + "FROM generate_series(1, " + extra + ") g");
        return db;
    }

    static SignedIn signIn(TestDatabase.Db db, String email) {
        return signIn(db, email, new ImmediateTaskRunner());
    }

    static SignedIn signIn(TestDatabase.Db db, String email, TaskRunner tasks) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        SessionContext ctx = SessionContext.installOn(client.unitOfWork());
        SignedInUser user = new AuthService(client.unitOfWork(), ctx).signIn(email, TwoCompanies.PASSWORD);
        return new SignedIn(user, client.unitOfWork(), tasks);
    }

    /**
     * As the owner: the pending notifications' undo windows end now and they are delivered, as a client does
     * once the window has passed (V38, decision 0018).
     */
    static void windowsPassAndDeliver(TestDatabase.Db db) {
        exec(db, "UPDATE recruiter.pending_status_notifications SET due_at = clock_timestamp() - interval '1 second'");
        exec(db, "SELECT recruiter.deliver_due_status_notifications()");
    }

    static void exec(TestDatabase.Db db, String sql) {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query as superuser, each row's columns joined with '|'. */
    static List<String> rows(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
