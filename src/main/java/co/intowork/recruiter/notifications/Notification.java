package co.intowork.recruiter.notifications;

import java.time.OffsetDateTime;

/** One row of the signed-in person's inbox. */
public record Notification(int id, String type, String title, String message, Integer relatedJobId,
                           Integer relatedApplicationId, boolean read, OffsetDateTime createdAt) {
}
