package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.tasks.TaskRunner;
import org.apache.ibatis.session.SqlSession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What other screens use of the messages feature (the board, the review, and later interviews): a compose dialog's
 * ViewModel for one application, the bulk rejection's, and the writer that queues a rejection's messages in the
 * board's move transaction. One per workspace, built with the workspace's services.
 */
public final class Messaging {
    private final MessageService service;
    private final OutboxViewModel outbox;
    private final MailProgram mailProgram;
    private final TaskRunner tasks;

    public Messaging(MessageService service, OutboxViewModel outbox, MailProgram mailProgram, TaskRunner tasks) {
        this.service = service;
        this.outbox = outbox;
        this.mailProgram = mailProgram;
        this.tasks = tasks;
    }

    /** False for a hiring manager (no company): the board and the review then offer no message actions. */
    public boolean canWrite() {
        return service.canWrite();
    }

    /**
     * A message to one application's candidate. {@code extra}: placeholder values the caller knows, e.g.
     * {@link Placeholders#INTERVIEW_TIME} from the interview being scheduled.
     */
    public ComposeViewModel compose(int applicationId, TemplateType suggested, Map<String, String> extra) {
        return new ComposeViewModel(service, outbox, mailProgram, tasks, applicationId, suggested, extra);
    }

    public RejectionViewModel rejection(List<Integer> applicationIds, BiConsumer<EmailTemplate, String> onConfirm) {
        return new RejectionViewModel(service, tasks, applicationIds, outbox.canSend(), onConfirm);
    }

    /** Queues each moved application's letter beside the moves; each waits {@code delay} (the undo window). */
    public BiConsumer<SqlSession, List<Integer>> rejectionWriter(EmailTemplate template, String reason,
                                                                 Duration delay) {
        return service.rejectionWriter(template, reason, Map.of(), delay);
    }

    /** After the moves committed: what is due leaves now, the rest at the outbox's next round. */
    public void queued() {
        outbox.refresh();
    }

    /** An undo within the window: the letters that have not left are canceled (in the background). */
    public void undone(List<Integer> applicationIds) {
        tasks.run(() -> service.cancelQueued(applicationIds), n -> outbox.refresh(), failure -> outbox.refresh());
    }

    public OutboxViewModel outbox() {
        return outbox;
    }

    /** A message's history for the review: what went to this candidate (the company's, colleagues' too). */
    public List<MessageRecord> history(int applicationId) {
        return service.forApplication(applicationId);
    }
}
