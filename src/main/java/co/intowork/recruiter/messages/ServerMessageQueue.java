package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import org.apache.ibatis.session.SqlSession;

/** The server's outbox: recruiter.candidate_messages, and the platform's count of the template's uses. */
public final class ServerMessageQueue implements MessageQueue {
    @Override
    public void enqueue(SqlSession session, int senderUserId, int companyId, OutgoingMessage message) {
        MessageMapper mapper = session.getMapper(MessageMapper.class);
        if (mapper.enqueue(senderUserId, message) == 0) {
            if (mapper.exists(message.id())) {
                // queued before (an offline outbox sent again): once is enough
                return;
            }
            throw new UserFacingException(Sentence.of("messages.error.noAddress", message.applicationId()));
        }
        if (message.templateId() != null) {
            session.getMapper(TemplateMapper.class).markUsed(companyId, message.templateId(), 1);
        }
    }
}
