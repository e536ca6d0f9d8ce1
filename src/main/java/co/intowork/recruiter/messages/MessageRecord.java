package co.intowork.recruiter.messages;

import java.time.OffsetDateTime;

/** A message as colleagues see it: to whom, what, by whom, and where it is (state). */
public record MessageRecord(String id, int applicationId, String toAddress, String subject, String state,
                            String channel, int attempts, String lastError, String senderName,
                            OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
