package co.intowork.recruiter.messages;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface MessageMapper {
    MessageContext context(@Param("applicationId") int applicationId, @Param("companyId") Integer companyId);

    /** 1 when queued, 0 when already there (same id) or the application is not visible or has no address. */
    int enqueue(@Param("senderUserId") int senderUserId, @Param("m") OutgoingMessage message);

    boolean exists(@Param("id") String id);

    int cancelQueued(@Param("senderUserId") int senderUserId, @Param("applicationIds") Integer[] applicationIds);

    QueuedMessage takeDue(@Param("senderUserId") int senderUserId);

    int markSent(@Param("id") String id);

    int markFailed(@Param("id") String id, @Param("error") String error, @Param("giveUp") boolean giveUp,
                   @Param("retryAfterSeconds") long retryAfterSeconds);

    int markInterrupted(@Param("senderUserId") int senderUserId, @Param("error") String error);

    int retry(@Param("senderUserId") int senderUserId, @Param("ids") String[] ids);

    List<MessageRecord> forApplication(@Param("applicationId") int applicationId);

    List<MessageRecord> open(@Param("senderUserId") int senderUserId);
}
