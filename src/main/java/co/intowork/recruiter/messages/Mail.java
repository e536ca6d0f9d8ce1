package co.intowork.recruiter.messages;

/** One e-mail as it leaves: {@code messageId} is the outbox id, so a receiving system can recognise a resend. */
public record Mail(String messageId, String from, String fromName, String replyTo, String to, String subject,
                   String body) {
}
