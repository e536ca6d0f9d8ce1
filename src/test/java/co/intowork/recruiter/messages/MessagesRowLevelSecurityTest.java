package co.intowork.recruiter.messages;

import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates and messages as an attacker with the client's database login would probe them (raw JDBC, as psql):
 * another company's templates and messages are invisible and unwritable, a message cannot be forged to another
 * address, another person's message cannot be marked, and nothing can be deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesRowLevelSecurityTest {
    private TestDatabase.Db db;
    private String anne;
    private String bruno;

    @BeforeAll
    void setUp() throws SQLException {
        db = MessagesFixture.create("messages_rls");
        try (Connection admin = db.superuser().getConnection()) {
            // the same limit as MigratedDatabase.openAsClient: the role is shared by every test database of this JVM
            exec(admin, "SELECT recruiter.create_client_login(?, 200)", TwoCompanies.CLIENT_LOGIN);
        }
        anne = signIn(TwoCompanies.ANNE);
        bruno = signIn(TwoCompanies.BRUNO);
        // one message of Beta's, queued by Bruno as the app does
        try (Connection c = session(bruno)) {
            exec(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, sender_user_id, "
                    + "to_address, subject, body) VALUES (?::uuid, 2, 201, 21, 3, 'claude@example.com', 's', 'b')",
                    UUID.randomUUID().toString());
            c.commit();
        }
    }

    private Connection client() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", TwoCompanies.CLIENT_LOGIN);
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return DriverManager.getConnection(url, props);
    }

    private String signIn(String email) throws SQLException {
        try (Connection c = client()) {
            String handle = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, TwoCompanies.PASSWORD);
            return string(c, "SELECT token FROM recruiter.sign_in_finish(?)", handle);
        }
    }

    /** A transaction as the signed-in person (the app's preamble). */
    private Connection session(String token) throws SQLException {
        Connection c = client();
        c.setAutoCommit(false);
        string(c, "SELECT recruiter.use_session(?)", token);
        return c;
    }

    @Test
    void aRecruiterSeesAndWritesOnlyHerCompanysTemplates() throws SQLException {
        try (Connection c = session(anne)) {
            assertThat(strings(c, "SELECT name FROM public.email_templates ORDER BY name"))
                    .containsExactly("Alpha rejection", "Alpha welcome");
            assertThat(count(c, "SELECT count(*) FROM public.email_templates WHERE company_id = 2")).isZero();
            // Beta's template by id: no row to change
            assertThat(update(c, "UPDATE public.email_templates SET subject = 'x' WHERE company_id = 2")).isZero();
            // moving her own template to Beta: company_id is not an updatable column (and the policy's check)
            assertThat(failure(c, "UPDATE public.email_templates SET company_id = 2 WHERE id = 50").getSQLState())
                    .isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "INSERT INTO public.email_templates (company_id, created_by_user_id, name, type, "
                    + "subject, body) VALUES (2, 1, 'planted', 'CUSTOM', 's', 'b')").getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // as her colleague Albert
            assertThat(failure(c, "INSERT INTO public.email_templates (company_id, created_by_user_id, name, type, "
                    + "subject, body) VALUES (1, 2, 'forged', 'CUSTOM', 's', 'b')").getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // only the granted columns: not the author
            assertThat(failure(c, "UPDATE public.email_templates SET created_by_user_id = 3 WHERE id = 50")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // the platform's use counters (V44): her company's template counts, Beta's has no row to count
            assertThat(update(c, "UPDATE public.email_templates SET usage_count = usage_count + 1, "
                    + "last_used_at = now() WHERE id = 50")).isEqualTo(1);
            assertThat(update(c, "UPDATE public.email_templates SET usage_count = 1000 WHERE company_id = 2"))
                    .isZero();
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "DELETE FROM public.email_templates WHERE id = 50").getSQLState()).isEqualTo("42501");
            c.rollback();
        }
    }

    @Test
    void anotherCompanysMessagesAreInvisibleAndAMessageCannotBeForged() throws SQLException {
        try (Connection c = session(anne)) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_messages")).isZero();
            assertThat(update(c, "UPDATE recruiter.candidate_messages SET state = 'sent'")).isZero();
            String id = UUID.randomUUID().toString();
            // about Beta's application
            assertThat(failure(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 201, 21, 1, "
                    + "'claude@example.com', 's', 'b')", id).getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // her own application, to an address that is not the candidate's
            assertThat(failure(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 101, 11, 1, "
                    + "'attacker@evil.example', 's', 'b')", id).getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // in Albert's name
            assertThat(failure(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 101, 11, 2, "
                    + "'chloe@example.com', 's', 'b')", id).getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // already "sent", so it would show as gone out
            assertThat(failure(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body, state) VALUES (?::uuid, 1, 101, 11, 1, "
                    + "'chloe@example.com', 's', 'b', 'sent')", id).getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            // the right one goes in; its address, subject and sender cannot be changed afterwards
            exec(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 101, 11, 1, "
                    + "'Chloe@Example.com', 's', 'b')", id);
            assertThat(failure(c, "UPDATE recruiter.candidate_messages SET to_address = 'attacker@evil.example'")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "DELETE FROM recruiter.candidate_messages").getSQLState()).isEqualTo("42501");
            c.rollback();
        }
        // a colleague reads Anne's messages but cannot mark them
        try (Connection c = session(anne)) {
            exec(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 101, 11, 1, "
                    + "'chloe@example.com', 's', 'b')", UUID.randomUUID().toString());
            c.commit();
        }
        String albert = signIn("albert@alpha.example");
        try (Connection c = session(albert)) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_messages")).isEqualTo(1);
            assertThat(update(c, "UPDATE recruiter.candidate_messages SET state = 'failed'")).isZero();
            c.rollback();
        }
        // a connection that has not signed in sees nothing
        try (Connection c = client()) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_messages")).isZero();
            assertThat(count(c, "SELECT count(*) FROM public.email_templates")).isZero();
        }
    }

    @Test
    void aHiringManagerWithoutACompanyHasNoTemplatesAndSendsNothing() throws SQLException {
        // Hugo manages Alpha's job 11 but belongs to no company: messages are sent in a company's name, with its
        // templates, so he neither reads them nor writes a message, even about the job he manages
        String hugo = signIn(TwoCompanies.HUGO);
        try (Connection c = session(hugo)) {
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE id = 101")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM public.email_templates")).isZero();
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_messages")).isZero();
            assertThat(update(c, "UPDATE public.email_templates SET subject = 'x'")).isZero();
            assertThat(failure(c, "INSERT INTO recruiter.candidate_messages (id, company_id, application_id, job_id, "
                    + "sender_user_id, to_address, subject, body) VALUES (?::uuid, 1, 101, 11, 4, "
                    + "'chloe@example.com', 's', 'b')", UUID.randomUUID().toString()).getSQLState())
                    .isEqualTo("42501");
            c.rollback();
            string(c, "SELECT recruiter.use_session(?)", hugo);
            assertThat(failure(c, "INSERT INTO public.email_templates (company_id, created_by_user_id, name, type, "
                    + "subject, body) VALUES (1, 4, 'mine', 'CUSTOM', 's', 'b')").getSQLState()).isEqualTo("42501");
            c.rollback();
        }
    }
}
