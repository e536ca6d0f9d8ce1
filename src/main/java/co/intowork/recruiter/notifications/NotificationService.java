package co.intowork.recruiter.notifications;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UnitOfWork;

import java.util.List;

/** The signed-in person's in-app notifications: count, pages, marking as read. */
public final class NotificationService {
    public static final int PAGE_SIZE = 50;

    private final UnitOfWork unitOfWork;
    private final int userId;

    public NotificationService(UnitOfWork unitOfWork, SignedInUser user) {
        this.unitOfWork = unitOfWork;
        this.userId = user.userId();
    }

    public long unreadCount() {
        return unitOfWork.inTransaction(s -> s.getMapper(NotificationMapper.class).unreadCount(userId));
    }

    /** The page after {@code last} (null for the first page). */
    public List<Notification> page(boolean unreadOnly, Notification last) {
        return unitOfWork.inTransaction(s -> s.getMapper(NotificationMapper.class).page(userId, unreadOnly,
                last == null ? null : last.createdAt(), last == null ? null : last.id(), PAGE_SIZE));
    }

    public boolean markRead(Notification notification) {
        return unitOfWork.inTransaction(
                s -> s.getMapper(NotificationMapper.class).markRead(userId, notification.id())) > 0;
    }

    public int markAllRead() {
        return unitOfWork.inTransaction(s -> s.getMapper(NotificationMapper.class).markAllRead(userId));
    }
}
