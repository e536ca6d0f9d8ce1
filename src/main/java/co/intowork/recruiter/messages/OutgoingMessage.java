package co.intowork.recruiter.messages;

import java.util.UUID;

/**
 * A message ready to queue: {@code id} is its idempotency key (made once, where it is composed, and kept through
 * the offline outbox), {@code channel} "smtp" or "mail_program" (handed to the user's own mail program),
 * {@code delaySeconds} how long it waits before its first attempt (a rejection's letter waits the board's undo
 * window, so an undo cancels it).
 */
public record OutgoingMessage(String id, int applicationId, int jobId, Integer templateId, String templateType,
                              String reason, String subject, String body, String channel, long delaySeconds) {
    public static final String SMTP = "smtp";
    public static final String MAIL_PROGRAM = "mail_program";

    public static OutgoingMessage of(int applicationId, int jobId, Integer templateId, String templateType,
                                     String reason, String subject, String body, String channel) {
        return new OutgoingMessage(UUID.randomUUID().toString(), applicationId, jobId, templateId, templateType,
                reason, subject, body, channel, 0);
    }

    public OutgoingMessage delayedBy(long seconds) {
        return new OutgoingMessage(id, applicationId, jobId, templateId, templateType, reason, subject, body, channel,
                seconds);
    }
}
