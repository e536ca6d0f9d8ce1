package co.intowork.recruiter.messages;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two companies (TwoCompanies) with three more candidates on Alpha's job 11 (applications 1001-1003, Ama, Bea
 * and Cyr) and Alpha's rejection template; signing in as the client login, as the app does; an in-process SMTP
 * server (GreenMail) on a free port.
 */
final class MessagesFixture {
    static final int ALPHA_JOB = 11;
    static final int CHLOE_APP = 101;
    static final int BETA_APP = 201;
    static final String SUBJECT = "{{job_title}} at {{company_name}}";
    static final String BODY = "Hello {{candidate_first_name}},\nnot this time: {{reason}}.\n{{recruiter_name}}";

    private MessagesFixture() {
    }

    static TestDatabase.Db create(String purpose) {
        TestDatabase.Db db = TwoCompanies.create(purpose);
        exec(db, "INSERT INTO public.users (id, email, role, first_name, last_name, is_active) VALUES "
                + "(1001, 'ama@example.com', 'CANDIDATE', 'Ama', 'Un', true), "
                + "(1002, 'bea@example.com', 'CANDIDATE', 'Bea', 'Deux', true), "
                + "(1003, 'cyr@example.com', 'CANDIDATE', 'Cyr', 'Trois', true)");
        exec(db, "INSERT INTO public.candidates (id, user_id, title) VALUES (1001, 1001, 'a'), (1002, 1002, 'b'), "
                + "(1003, 1003, 'c')");
        exec(db, "INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES "
                + "(1001, 11, 1001, 'viewed'), (1002, 11, 1002, 'viewed'), (1003, 11, 1003, 'viewed')");
        exec(db, "INSERT INTO public.email_templates (id, company_id, created_by_user_id, name, type, subject, body) "
                + "VALUES (50, 1, 1, 'Alpha rejection', 'APPLICATION_REJECTED', '" + SUBJECT + "', '" + BODY + "')");
        return db;
    }

    static SignedIn signIn(TestDatabase.Db db, String email) {
        return signIn(db, email, new ImmediateTaskRunner());
    }

    /** The client pools opened by {@link #signIn}, closed by {@link #closeAll} after each test. */
    private static final List<Database> OPENED = new ArrayList<>();

    static synchronized void closeAll() {
        OPENED.forEach(Database::closePool);
        OPENED.clear();
    }

    static SignedIn signIn(TestDatabase.Db db, String email, TaskRunner tasks) {
        Database client = MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN);
        synchronized (MessagesFixture.class) {
            OPENED.add(client);
        }
        SessionContext ctx = SessionContext.installOn(client.unitOfWork());
        SignedInUser user = new AuthService(client.unitOfWork(), ctx).signIn(email, TwoCompanies.PASSWORD);
        return new SignedIn(user, client.unitOfWork(), tasks);
    }

    static GreenMail smtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static SmtpSettings settingsFor(GreenMail mail) {
        return new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), SmtpSettings.Tls.NONE, null, null, null);
    }

    static void exec(TestDatabase.Db db, String sql) {
        try (Connection c = db.superuser().getConnection()) {
            MigratedDatabases.exec(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row as the superuser, its columns joined with '|'. */
    static List<String> rows(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection()) {
            return MigratedDatabases.rows(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
