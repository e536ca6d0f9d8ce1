package co.intowork.recruiter.messages;

/** A message taken from the outbox for sending; {@code attempts} counts this one. */
public record QueuedMessage(String id, int applicationId, String toAddress, String subject, String body,
                            int attempts, Integer templateId) {
}
