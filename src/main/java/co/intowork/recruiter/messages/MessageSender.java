package co.intowork.recruiter.messages;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Sends the signed-in person's due messages from the server's outbox, one at a time: each is taken (queued ->
 * sending, committed) before the SMTP conversation and marked sent after it, so no two senders ever take the same
 * message and a message is never sent twice by this client. A failed attempt goes back in the queue after a backoff
 * (30 s, 1, 2, 4, 8 min), a refusal of the address or message, or the last attempt, ends as failed for a person
 * to retry. A message left "sending" by a window that died mid-send is reported as failed, not resent: it may have
 * gone out (decision 0023).
 */
public final class MessageSender {
    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    static final int MAX_ATTEMPTS = 5;
    static final long FIRST_RETRY_SECONDS = 30;
    static final long LONGEST_RETRY_SECONDS = 3600;
    // a run stops after this many, so one click never holds the connection for the whole afternoon
    private static final int MAX_PER_RUN = 200;
    static final String INTERRUPTED = "Interrupted while sending: it may have gone out. Retry only if the "
            + "candidate did not receive it.";

    /** How far a run is: {@code sent} and {@code failed} so far, and the last failure's sentence. */
    public record Progress(int sent, int failed, String lastError) {
    }

    private final UnitOfWork server;
    private final SignedInUser user;
    private final Mailer mailer;

    public MessageSender(UnitOfWork server, SignedInUser user, Mailer mailer) {
        this.server = server;
        this.user = user;
        this.mailer = mailer;
    }

    static long retryAfterSeconds(int attempts) {
        long seconds = FIRST_RETRY_SECONDS << Math.min(20, Math.max(0, attempts - 1));
        return Math.min(LONGEST_RETRY_SECONDS, seconds);
    }

    /** Sends what is due now; {@code progress} hears after each message (on this thread). */
    public Progress sendDue(Consumer<Progress> progress) {
        server.run(s -> s.getMapper(MessageMapper.class).markInterrupted(user.userId(), INTERRUPTED));
        int sent = 0;
        int failed = 0;
        String lastError = null;
        for (int i = 0; i < MAX_PER_RUN; i++) {
            QueuedMessage m = server.inTransaction(s -> s.getMapper(MessageMapper.class).takeDue(user.userId()));
            if (m == null) {
                break;
            }
            try {
                mailer.send(new Mail(m.id(), user.email(), user.displayName(), user.email(), m.toAddress(),
                        m.subject(), m.body()));
            } catch (Mailer.MailFailure e) {
                boolean giveUp = e.permanent() || m.attempts() >= MAX_ATTEMPTS;
                log.warn("Message {} to application {} not sent (attempt {}{}): {}", m.id(), m.applicationId(),
                        m.attempts(), giveUp ? ", given up" : "", e.getMessage(), e.getCause());
                String error = e.getMessage();
                server.run(s -> s.getMapper(MessageMapper.class).markFailed(m.id(), error, giveUp,
                        retryAfterSeconds(m.attempts())));
                failed++;
                lastError = error;
                progress.accept(new Progress(sent, failed, lastError));
                continue;
            }
            server.run(s -> s.getMapper(MessageMapper.class).markSent(m.id()));
            sent++;
            progress.accept(new Progress(sent, failed, lastError));
        }
        return new Progress(sent, failed, lastError);
    }
}
