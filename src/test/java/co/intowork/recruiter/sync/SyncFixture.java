package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A "server" (the two-companies fixture, with applications 102 and 103 added to Alpha's job 11) and a "replica"
 * (another migrated database on the same embedded PostgreSQL, opened as its owner), and a person signed in on
 * the server through a client login, as the app runs.
 */
final class SyncFixture implements AutoCloseable {
    final TestDatabase.Db server;
    final TestDatabase.Db replicaDb;
    final Database client;
    final Database replica;
    final SignedIn signedIn;

    private SyncFixture(TestDatabase.Db server, TestDatabase.Db replicaDb, String email) {
        this.server = server;
        this.replicaDb = replicaDb;
        this.client = MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, TwoCompanies.PASSWORD);
        this.signedIn = new SignedIn(user, client.unitOfWork(), new ImmediateTaskRunner());
        this.replica = MigratedDatabase.open(replicaDb);
    }

    /** The server's rows are added here, not in a template, so their now() is the test's. */
    static SyncFixture create(String purpose, String email) {
        return new SyncFixture(server(purpose + "_server"), MigratedDatabase.create(purpose + "_replica"), email);
    }

    private static TestDatabase.Db server(String purpose) {
        TestDatabase.Db server = TwoCompanies.create(purpose);
        update(server, "UPDATE public.job_applications SET notes = 'Strong SQL.', rating = 3 WHERE id = 101");
        update(server, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at) "
                + "VALUES (102, 11, 2, 'applied', now() - interval '2 days'), "
                + "(103, 11, 3, 'shortlisted', now() - interval '1 day')");
        return server;
    }

    /** As {@link #create}: both databases are copies of templates now (kept for the callers that asked for copies). */
    static SyncFixture copy(String purpose, String email) {
        return create(purpose, email);
    }

    SyncService sync() {
        return sync(SyncService.FailureHook.NONE);
    }

    SyncService sync(SyncService.FailureHook hook) {
        return new SyncService(signedIn, replica.unitOfWork(), hook, Duration.ofMinutes(2));
    }

    OfflineWork offline() {
        return new OfflineWork(replica.unitOfWork());
    }

    /** Applications of a job, column by column, as a comparable text (the mirror check). */
    static String applications(TestDatabase.Db db, int jobId) {
        return text(db, "SELECT coalesce(string_agg(concat_ws('|', id, candidate_id, status, version, notes, rating, "
                + "scorecard, updated_at, deleted_at, viewed_at), ';' ORDER BY id), '') "
                + "FROM public.job_applications WHERE job_id = ?", jobId);
    }

    static String events(TestDatabase.Db db, int jobId) {
        return text(db, "SELECT coalesce(string_agg(concat_ws('|', ev.id, ev.application_id, ev.from_status, "
                + "ev.to_status, ev.changed_by, ev.source), ';' ORDER BY ev.id), '') "
                + "FROM recruiter.application_status_events ev JOIN public.job_applications a "
                + "ON a.id = ev.application_id WHERE a.job_id = ?", jobId);
    }

    static String candidates(TestDatabase.Db db, int jobId) {
        return text(db, "SELECT coalesce(string_agg(concat_ws('|', c.id, c.title, c.updated_at, u.email, "
                + "(SELECT string_agg(x.title, ',' ORDER BY x.id) FROM public.experiences x WHERE x.candidate_id = c.id), "
                + "(SELECT string_agg(s.name, ',' ORDER BY s.id) FROM public.skills s WHERE s.candidate_id = c.id)), "
                + "';' ORDER BY c.id), '') FROM public.candidates c JOIN public.users u ON u.id = c.user_id "
                + "WHERE c.id IN (SELECT candidate_id FROM public.job_applications WHERE job_id = ?)", jobId);
    }

    static int update(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(TestDatabase.Db db, String sql, Object... params) {
        List<String> rows = column(db, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static long count(TestDatabase.Db db, String sql, Object... params) {
        return Long.parseLong(text(db, sql, params));
    }

    static List<String> column(TestDatabase.Db db, String sql, Object... params) {
        return MigratedDatabases.column(db, sql, params);
    }

    /**
     * The crash tests' situation: three offline operations waiting (a move, a rating, a note) and, on the platform
     * meanwhile, a new applicant and a profile change.
     */
    void offlineWorkAndPlatformChanges() {
        OfflineWork offline = offline();
        offline.move(102, ApplicationStatus.SHORTLISTED);
        offline.rate(101, 4);
        offline.note(103, "Met at the fair.");
        update(server, "INSERT INTO public.candidates (id, user_id, title) VALUES (50, 5, 'Ivan')");
        update(server, "INSERT INTO public.job_applications (id, job_id, candidate_id, status) "
                + "VALUES (150, 11, 50, 'applied')");
        update(server, "UPDATE public.candidates SET title = 'Senior dev' WHERE id = 2");
    }

    /**
     * After {@link #offlineWorkAndPlatformChanges()}, a crash and a sync with new objects: the replica mirrors the
     * server column by column and the server holds each operation exactly once.
     */
    void assertRepaired(SyncService restarted) {
        // one job, nothing left to send, no conflict with our own operations
        assertThat(restarted.counts()).isEqualTo(new SyncCounts(1, (int) count(server,
                "SELECT count(*) FROM public.job_applications WHERE job_id = 11"), 0, 0));
        assertThat(applications(replicaDb, 11)).isEqualTo(applications(server, 11));
        assertThat(events(replicaDb, 11)).isEqualTo(events(server, 11));
        assertThat(candidates(replicaDb, 11)).isEqualTo(candidates(server, 11)).contains("Senior dev");
        // one event and one notification for the move, one record per operation
        assertThat(count(server, "SELECT count(*) FROM recruiter.application_status_events "
                + "WHERE source = 'client'")).isEqualTo(1);
        assertThat(count(server, "SELECT count(*) FROM public.notifications "
                + "WHERE related_application_id = 102")).isEqualTo(1);
        assertThat(count(server, "SELECT count(*) FROM recruiter.applied_operations")).isEqualTo(3);
        assertThat(count(replicaDb, "SELECT count(*) FROM recruiter_replica.outbox WHERE state = 'done'"))
                .isEqualTo(3);
        assertThat(text(server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                .isEqualTo("shortlisted");
        assertThat(column(server, "SELECT concat_ws('|', rating, notes) FROM public.job_applications "
                + "WHERE id IN (101, 103) ORDER BY id")).containsExactly("4|Strong SQL.", "Met at the fair.");
    }

    @Override
    public void close() {
        client.close();
        replica.close();
    }
}
