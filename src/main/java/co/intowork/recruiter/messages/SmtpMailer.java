package co.intowork.recruiter.messages;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends through the SMTP server of the settings with Eclipse Angus Mail (Jakarta Mail): one connection a mail. */
public final class SmtpMailer implements Mailer {
    private static final String TIMEOUT_MS = "20000";

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String protocol = settings.tls() == SmtpSettings.Tls.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", settings.host());
        p.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        p.put("mail." + protocol + ".auth", String.valueOf(settings.user() != null));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (settings.tls() == SmtpSettings.Tls.STARTTLS) {
            // required: never fall back to sending the password in clear when the server does not offer STARTTLS
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (settings.tls() != SmtpSettings.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Mail mail) throws MailFailure {
        MimeMessage message;
        try {
            message = new FixedIdMessage(session, "<" + mail.messageId() + "@intowork-recruiter>");
            String from = settings.from() != null ? settings.from() : mail.from();
            message.setFrom(new InternetAddress(from, mail.fromName(), StandardCharsets.UTF_8.name()));
            if (mail.replyTo() != null && !mail.replyTo().equalsIgnoreCase(from)) {
                message.setReplyTo(new Address[]{new InternetAddress(mail.replyTo(), true)});
            }
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new java.util.Date());
            message.saveChanges();
        } catch (AddressException e) {
            throw new MailFailure("The address '" + e.getRef() + "' is not a valid e-mail address.", true, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailFailure("The message could not be prepared: " + e.getMessage(), true, e);
        }
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new MailFailure("The mail server " + settings.host() + " refused the user name or password of the "
                    + "settings (smtp.user, smtp.password).", false, e);
        } catch (SMTPAddressFailedException e) {
            throw new MailFailure("The mail server refused the address " + e.getAddress() + ": " + reply(e),
                    e.getReturnCode() >= 500, e);
        } catch (SendFailedException e) {
            boolean permanent = e instanceof SMTPSendFailedException s ? s.getReturnCode() >= 500
                    : e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailFailure("The mail server did not accept the message: " + reply(e), permanent, e);
        } catch (MessagingException e) {
            throw new MailFailure("The mail server " + settings.host() + ":" + settings.port()
                    + " could not be reached or broke off (" + reply(e) + ").", false, e);
        }
    }

    private static String reply(MessagingException e) {
        Exception next = e.getNextException();
        String text = e.getMessage() != null ? e.getMessage().trim() : e.getClass().getSimpleName();
        return next != null && next.getMessage() != null ? text + "; " + next.getMessage().trim() : text;
    }

    /** Keeps the outbox's id as the Message-ID (saveChanges would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
