package co.intowork.recruiter.search;

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
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two companies with searchable profiles, written through the platform's tables so the V13/V39 triggers keep
 * recruiter.candidate_search: Chloé (Alpha job 11, Hugo's), Camille (Alpha job 12 and Beta job 21), Claude (Beta
 * only), each with a title, a place, years and an experience.
 */
final class CandidateSearchFixture {
    private CandidateSearchFixture() {
    }

    static TestDatabase.Db create(String purpose) {
        TestDatabase.Db db = TwoCompanies.create(purpose);
        exec(db, "UPDATE public.candidates SET title = 'Ingénieure logiciel', location = 'Libreville, GA', "
                + "years_experience = 6 WHERE id = 1");
        exec(db, "UPDATE public.candidates SET title = 'Comptable', location = 'Douala, CM', years_experience = 2 "
                + "WHERE id = 3");
        exec(db, "UPDATE public.candidates SET title = 'Ingénieur réseaux', location = 'Libreville, GA', "
                + "years_experience = 9 WHERE id = 2");
        exec(db, "INSERT INTO public.experiences (candidate_id, title, company, start_date) "
                + "VALUES (3, 'Auditrice', 'SGBCI', '2019-01')");
        exec(db, "INSERT INTO public.skills (candidate_id, name, level, category) "
                + "VALUES (1, 'Kotlin', 4, 'TECHNICAL')");
        exec(db, "UPDATE public.job_applications SET applied_at = now() - interval '2 days' WHERE id = 121");
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

    static void exec(TestDatabase.Db db, String sql) {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
