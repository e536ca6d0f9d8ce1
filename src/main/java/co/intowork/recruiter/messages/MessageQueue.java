package co.intowork.recruiter.messages;

import org.apache.ibatis.session.SqlSession;

/**
 * Where a composed message waits, written in the caller's transaction (so a bulk rejection's moves and its messages
 * commit together): on the server, recruiter.candidate_messages ({@link ServerMessageQueue}); working offline, the
 * copy's outbox (sync.OfflineOperations), from which the next push queues it on the server under the same id.
 */
@FunctionalInterface
public interface MessageQueue {
    void enqueue(SqlSession session, int senderUserId, int companyId, OutgoingMessage message);
}
