package co.intowork.recruiter.notifications;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface NotificationMapper {
    long unreadCount(@Param("userId") int userId);

    /** Newest first; the page after (beforeCreatedAt, beforeId) when those are given. */
    List<Notification> page(@Param("userId") int userId, @Param("unreadOnly") boolean unreadOnly,
                            @Param("beforeCreatedAt") OffsetDateTime beforeCreatedAt,
                            @Param("beforeId") Integer beforeId, @Param("limit") int limit);

    int markRead(@Param("userId") int userId, @Param("id") int id);

    int markAllRead(@Param("userId") int userId);

    /** Writes the candidates' status notifications whose undo window has passed (any company's; V38). */
    void deliverDue();
}
