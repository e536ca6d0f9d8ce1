package co.intowork.recruiter.messages;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static co.intowork.recruiter.messages.MessagesFixture.ALPHA_JOB;
import static co.intowork.recruiter.messages.MessagesFixture.CHLOE_APP;
import static co.intowork.recruiter.messages.MessagesFixture.exec;
import static co.intowork.recruiter.messages.MessagesFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates filled and sent over SMTP (GreenMail in process), the outbox's retries, restarts and undo. */
class MessageSendingTest {
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        MessagesFixture.closeAll();
    }

    private static EmailTemplate rejection(MessageService service) {
        return service.templates().stream().filter(t -> t.id() == 50).findFirst().orElseThrow();
    }

    private static List<String> received(GreenMail smtp) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            out.add(Arrays.toString(m.getRecipients(Message.RecipientType.TO)) + "|" + m.getSubject());
        }
        return out;
    }

    @Test
    void aMessageFromATemplateArrivesWithItsPlaceholdersFilledOnceAndIsRecordedForColleagues() throws Exception {
        TestDatabase.Db db = MessagesFixture.create("messages_round_trip");
        smtp = MessagesFixture.smtp();
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService service = new MessageService(anne, new ServerMessageQueue());
        MessageContext chloe = service.context(CHLOE_APP);
        Placeholders values = service.placeholders(chloe, "a closer profile",
                Map.of(Placeholders.INTERVIEW_TIME, "never"));
        EmailTemplate template = rejection(service);
        OutgoingMessage message = OutgoingMessage.of(CHLOE_APP, chloe.jobId(), template.id(), template.type(), null,
                values.fill(template.subject()), values.fill(template.body() + "\n{{interview_time}}"),
                OutgoingMessage.SMTP);
        service.queue(message);
        // a second queueing of the same message (an offline outbox sent twice) is the same row
        service.queue(message);

        MessageSender sender = new MessageSender(anne.unitOfWork(), anne.user(),
                new SmtpMailer(MessagesFixture.settingsFor(smtp)));
        List<MessageSender.Progress> progress = new ArrayList<>();
        assertThat(sender.sendDue(progress::add).sent()).isEqualTo(1);
        assertThat(sender.sendDue(progress::add).sent()).as("nothing twice").isZero();
        assertThat(progress).hasSize(1);

        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("chloe@example.com");
        assertThat(got[0].getSubject()).isEqualTo("Alpha engineer at Alpha");
        assertThat(((String) got[0].getContent()).replace("\r\n", "\n"))
                .isEqualTo("Hello Chloé,\nnot this time: a closer profile.\nAnne Alpha\nnever");
        assertThat(got[0].getFrom()[0].toString()).contains("anne@alpha.example");
        assertThat(got[0].getMessageID()).isEqualTo("<" + message.id() + "@intowork-recruiter>");

        // Albert, her colleague, sees that it went out; the platform's template counter moved
        MessageService albert = new MessageService(MessagesFixture.signIn(db, "albert@alpha.example"),
                new ServerMessageQueue());
        assertThat(albert.forApplication(CHLOE_APP)).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("sent");
            assertThat(r.senderName()).isEqualTo("Anne Alpha");
            assertThat(r.toAddress()).isEqualTo("chloe@example.com");
        });
        assertThat(rows(db, "SELECT usage_count, last_used_at IS NOT NULL FROM public.email_templates WHERE id = 50"))
                .containsExactly("1|t");
    }

    /** Fails the first attempt to one address as a busy server would (451), then lets it through. */
    private static final class FlakyFor implements Mailer {
        private final Mailer real;
        private final String address;
        private final boolean permanent;
        private int failures;

        FlakyFor(Mailer real, String address, boolean permanent) {
            this.real = real;
            this.address = address;
            this.permanent = permanent;
        }

        @Override
        public void send(Mail mail) throws MailFailure {
            if (mail.to().equals(address) && failures++ == 0) {
                throw new MailFailure("451 try again later", permanent, null);
            }
            real.send(mail);
        }
    }

    private static List<BoardService.Move> rejectAll(BoardService board, int... ids) {
        List<BoardService.Move> moves = new ArrayList<>();
        for (int id : ids) {
            BoardCard card = board.page(ALPHA_JOB, ApplicationStatus.VIEWED, null, 50).stream()
                    .filter(c -> c.applicationId() == id).findFirst().orElseThrow();
            moves.add(new BoardService.Move(card, ApplicationStatus.REJECTED));
        }
        return moves;
    }

    @Test
    void aBulkRejectionQueuesItsLettersWithTheMovesAndAFailedOneIsRetriedAfterItsBackoffNeverSentTwice()
            throws Exception {
        TestDatabase.Db db = MessagesFixture.create("messages_bulk");
        smtp = MessagesFixture.smtp();
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService service = new MessageService(anne, new ServerMessageQueue());
        BoardService board = new BoardService(anne);
        board.move(ALPHA_JOB, rejectAll(board, 1001, 1002, 1003),
                service.rejectionWriter(rejection(service), "a closer profile", Map.of(), Duration.ZERO));
        assertThat(rows(db, "SELECT a.status, m.to_address, m.state, m.reason FROM public.job_applications a "
                + "JOIN recruiter.candidate_messages m ON m.application_id = a.id ORDER BY a.id")).containsExactly(
                "rejected|ama@example.com|queued|a closer profile", "rejected|bea@example.com|queued|a closer profile",
                "rejected|cyr@example.com|queued|a closer profile");

        MessageSender sender = new MessageSender(anne.unitOfWork(), anne.user(),
                new FlakyFor(new SmtpMailer(MessagesFixture.settingsFor(smtp)), "bea@example.com", false));
        MessageSender.Progress first = sender.sendDue(p -> { });
        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.lastError()).contains("451");
        assertThat(received(smtp)).containsExactlyInAnyOrder("[ama@example.com]|Alpha engineer at Alpha",
                "[cyr@example.com]|Alpha engineer at Alpha");
        assertThat(rows(db, "SELECT state, attempts, last_error, next_attempt_at BETWEEN now() + interval '25 seconds' "
                + "AND now() + interval '35 seconds' FROM recruiter.candidate_messages WHERE application_id = 1002"))
                .as("back in the queue for 30 s").containsExactly("queued|1|451 try again later|t");
        assertThat(sender.sendDue(p -> { }).sent()).as("not due yet").isZero();

        // the backoff passes
        exec(db, "UPDATE recruiter.candidate_messages SET next_attempt_at = now() WHERE application_id = 1002");
        assertThat(sender.sendDue(p -> { }).sent()).isEqualTo(1);
        assertThat(received(smtp)).hasSize(3).containsOnlyOnce("[bea@example.com]|Alpha engineer at Alpha");
        assertThat(rows(db, "SELECT state, count(*) FROM recruiter.candidate_messages GROUP BY state"))
                .containsExactly("sent|3");
        assertThat(sender.sendDue(p -> { }).sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRefusedAddressFailsAtOnceAndIsSentWhenAPersonRetriesIt() throws Exception {
        TestDatabase.Db db = MessagesFixture.create("messages_refused");
        smtp = MessagesFixture.smtp();
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService service = new MessageService(anne, new ServerMessageQueue());
        BoardService board = new BoardService(anne);
        board.move(ALPHA_JOB, rejectAll(board, 1001, 1002),
                service.rejectionWriter(rejection(service), "x", Map.of(), Duration.ZERO));
        MessageSender sender = new MessageSender(anne.unitOfWork(), anne.user(),
                new FlakyFor(new SmtpMailer(MessagesFixture.settingsFor(smtp)), "ama@example.com", true));
        assertThat(sender.sendDue(p -> { }).failed()).isEqualTo(1);
        List<MessageRecord> open = service.open();
        assertThat(open).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("failed"));
        assertThat(service.retry(open.stream().map(MessageRecord::id).toList())).isEqualTo(1);
        assertThat(sender.sendDue(p -> { }).sent()).isEqualTo(1);
        assertThat(received(smtp)).containsExactlyInAnyOrder("[ama@example.com]|Alpha engineer at Alpha",
                "[bea@example.com]|Alpha engineer at Alpha");
        assertThat(service.open()).isEmpty();
    }

    @Test
    void whenOneLetterCannotBeQueuedNoCardMovesAndNoLetterWaits() {
        TestDatabase.Db db = MessagesFixture.create("messages_atomic");
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageQueue server = new ServerMessageQueue();
        // the third letter fails (a constraint, a lost connection...) after the first two were written
        MessageService service = new MessageService(anne, (s, sender, company, m) -> {
            if (m.applicationId() == 1003) {
                throw new UserFacingException("The letter to 1003 was refused");
            }
            server.enqueue(s, sender, company, m);
        });
        BoardService board = new BoardService(anne);
        List<BoardService.Move> moves = rejectAll(board, 1001, 1002, 1003);
        assertThatThrownBy(() -> board.move(ALPHA_JOB, moves,
                service.rejectionWriter(rejection(service), "x", Map.of(), Duration.ZERO)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("1003");
        assertThat(rows(db, "SELECT DISTINCT status FROM public.job_applications WHERE id IN (1001, 1002, 1003)"))
                .containsExactly("viewed");
        assertThat(rows(db, "SELECT count(*) FROM recruiter.candidate_messages")).containsExactly("0");
        assertThat(rows(db, "SELECT usage_count FROM public.email_templates WHERE id = 50")).containsExactly("null");
    }

    @Test
    void queuedLettersSurviveARestartAndOneCutOffMidSendIsReportedNotResent() throws Exception {
        TestDatabase.Db db = MessagesFixture.create("messages_restart");
        SignedIn before = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService service = new MessageService(before, new ServerMessageQueue());
        BoardService board = new BoardService(before);
        // within the undo window (10 s): nothing is due yet when the window closes
        board.move(ALPHA_JOB, rejectAll(board, 1001, 1002, 1003),
                service.rejectionWriter(rejection(service), "x", Map.of(), Duration.ofSeconds(10)));
        // the app died while sending Cyr's letter 20 minutes ago
        exec(db, "UPDATE recruiter.candidate_messages SET state = 'sending', attempts = 1, "
                + "next_attempt_at = now() - interval '20 minutes' WHERE application_id = 1003");
        MessageSender dead = new MessageSender(before.unitOfWork(), before.user(), mail -> {
            throw new AssertionError("nothing is due within the undo window");
        });
        assertThat(dead.sendDue(p -> { }).sent()).isZero();

        // a new window, a new sign-in: the queue is where it was
        smtp = MessagesFixture.smtp();
        exec(db, "UPDATE recruiter.candidate_messages SET next_attempt_at = now() WHERE state = 'queued'");
        SignedIn after = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService again = new MessageService(after, new ServerMessageQueue());
        MessageSender sender = new MessageSender(after.unitOfWork(), after.user(),
                new SmtpMailer(MessagesFixture.settingsFor(smtp)));
        assertThat(sender.sendDue(p -> { }).sent()).isEqualTo(2);
        assertThat(received(smtp)).containsExactlyInAnyOrder("[ama@example.com]|Alpha engineer at Alpha",
                "[bea@example.com]|Alpha engineer at Alpha");
        assertThat(again.open()).singleElement().satisfies(r -> {
            assertThat(r.toAddress()).isEqualTo("cyr@example.com");
            assertThat(r.state()).isEqualTo("failed");
            assertThat(r.lastError()).contains("may have gone out");
        });
    }

    @Test
    void anUndoWithinTheWindowCancelsTheLettersThatHaveNotLeft() {
        TestDatabase.Db db = MessagesFixture.create("messages_undo");
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        MessageService service = new MessageService(anne, new ServerMessageQueue());
        BoardService board = new BoardService(anne);
        board.move(ALPHA_JOB, rejectAll(board, 1001, 1002),
                service.rejectionWriter(rejection(service), "x", Map.of(), Duration.ofSeconds(10)));
        assertThat(service.cancelQueued(List.of(1001, 1002))).isEqualTo(2);
        assertThat(rows(db, "SELECT DISTINCT state FROM recruiter.candidate_messages")).containsExactly("canceled");
    }

    @Test
    void smtpSettingsComeFromTheLayersAndAUserWithoutPasswordIsAClearError() {
        var loader = new co.intowork.recruiter.settings.SettingsLoader(
                new co.intowork.recruiter.settings.AppPaths(Map.of(), "Linux", java.nio.file.Path.of("/nonexistent-intowork")),
                Map.of("INTOWORK_SMTP_HOST", "mail.example.com", "INTOWORK_SMTP_TLS", "ssl",
                        "INTOWORK_SMTP_PORT", "465", "INTOWORK_SMTP_USER", "it", "INTOWORK_SMTP_PASSWORD", "s3cret"));
        SmtpSettings s = SmtpSettings.from(loader.load(Map.of())).orElseThrow();
        assertThat(s).extracting(SmtpSettings::host, SmtpSettings::port, SmtpSettings::tls, SmtpSettings::user)
                .containsExactly("mail.example.com", 465, SmtpSettings.Tls.SSL, "it");
        assertThat(s.toString()).doesNotContain("s3cret");
        var noPassword = new co.intowork.recruiter.settings.SettingsLoader(
                new co.intowork.recruiter.settings.AppPaths(Map.of(), "Linux", java.nio.file.Path.of("/nonexistent-intowork")),
                Map.of("INTOWORK_SMTP_HOST", "mail.example.com", "INTOWORK_SMTP_USER", "it"));
        assertThatThrownBy(() -> SmtpSettings.from(noPassword.load(Map.of())))
                .hasMessageContaining("smtp.password").hasMessageContaining("INTOWORK_SMTP_PASSWORD");
        var none = new co.intowork.recruiter.settings.SettingsLoader(
                new co.intowork.recruiter.settings.AppPaths(Map.of(), "Linux", java.nio.file.Path.of("/nonexistent-intowork")), Map.of());
        assertThat(SmtpSettings.from(none.load(Map.of()))).isEmpty();
    }

    @Test
    void aHiringManagerIsOfferedNoMessageAndGetsASentenceIfHeTriesAnyway() {
        TestDatabase.Db db = MessagesFixture.create("messages_hiring_manager");
        SignedIn hugo = MessagesFixture.signIn(db, TwoCompanies.HUGO);
        MessageService service = new MessageService(hugo, new ServerMessageQueue());
        SignedIn anne = MessagesFixture.signIn(db, TwoCompanies.ANNE);
        assertThat(service.canWrite()).isFalse();
        assertThat(new MessageService(anne, new ServerMessageQueue()).canWrite()).isTrue();
        assertThat(service.templates()).isEmpty();
        assertThatThrownBy(() -> service.queue(OutgoingMessage.of(CHLOE_APP, 11, null, null, null, "s", "b",
                OutgoingMessage.SMTP))).isInstanceOf(co.intowork.recruiter.common.db.UserFacingException.class);
        assertThat(rows(db, "SELECT count(*) FROM recruiter.candidate_messages")).containsExactly("0");
    }
}
