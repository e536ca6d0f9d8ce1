package co.intowork.recruiter.messages;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import org.apache.ibatis.session.SqlSession;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Templates and messages, each method one transaction as the signed-in person (row-level security). Messages are
 * queued through the {@link MessageQueue} the workspace chose (the server's outbox, or the offline copy's).
 */
public final class MessageService {
    /** A template as the editor saves it; {@code id} null for a new one, {@code readAt} the version edited. */
    public record TemplateDraft(Integer id, String name, TemplateType type, String subject, String body,
                                boolean active, OffsetDateTime readAt) {
    }

    private final SignedIn signedIn;
    private final MessageQueue queue;

    public MessageService(SignedIn signedIn, MessageQueue queue) {
        this.signedIn = signedIn;
        this.queue = queue;
    }

    private SignedInUser user() {
        return signedIn.user();
    }

    public boolean offline() {
        return signedIn.offline();
    }

    /** Only a company's recruiters write to candidates (a hiring manager has no company). */
    public boolean canWrite() {
        return user().companyId() != null;
    }

    /** A hiring manager has no company: no templates to write, no messages to send from here. */
    private int companyId() {
        Integer company = user().companyId();
        if (company == null) {
            throw new UserFacingException(Sentence.of("messages.error.noCompany"));
        }
        return company;
    }

    public List<EmailTemplate> templates() {
        Integer company = user().companyId();
        if (company == null) {
            return List.of();
        }
        return signedIn.unitOfWork().inTransaction(s -> s.getMapper(TemplateMapper.class).list(company));
    }

    /** Saves and returns the template as stored; refuses an edit of a template changed meanwhile. */
    public EmailTemplate save(TemplateDraft d) {
        int company = companyId();
        return signedIn.unitOfWork().inTransaction(s -> {
            TemplateMapper m = s.getMapper(TemplateMapper.class);
            int id;
            if (d.id() == null) {
                id = m.insert(company, user().userId(), d.name().trim(), d.type().name(), d.subject(), d.body(),
                        d.active());
            } else {
                if (m.update(company, d.id(), d.name().trim(), d.type().name(), d.subject(), d.body(), d.active(),
                        d.readAt()) == 0) {
                    throw new UserFacingException(Sentence.of("messages.template.changed"));
                }
                id = d.id();
            }
            return m.get(company, id);
        });
    }

    public MessageContext context(int applicationId) {
        MessageContext c = signedIn.unitOfWork().inTransaction(
                s -> s.getMapper(MessageMapper.class).context(applicationId, user().companyId()));
        if (c == null) {
            throw new UserFacingException(Sentence.of("messages.error.applicationGone"));
        }
        return c;
    }

    /** The values of one application's placeholders, the sender's name, a reason and the caller's own values. */
    public Placeholders placeholders(MessageContext context, String reason, Map<String, String> extra) {
        return Placeholders.of(context, user().displayName(), reason).with(extra);
    }

    /** Queues one message in its own transaction. */
    public void queue(OutgoingMessage message) {
        int company = companyId();
        signedIn.unitOfWork().run(s -> queue.enqueue(s, user().userId(), company, message));
    }

    /**
     * What a bulk rejection writes beside its moves, in the same transaction: for each moved application, the
     * template filled with its values and the reason, queued. Returns the writer the board's move runs.
     */
    public BiConsumer<SqlSession, List<Integer>> rejectionWriter(EmailTemplate template, String reason,
                                                                 Map<String, String> extra, Duration delay) {
        int company = companyId();
        return (s, movedIds) -> {
            MessageMapper m = s.getMapper(MessageMapper.class);
            for (int applicationId : movedIds) {
                MessageContext c = m.context(applicationId, company);
                if (c == null) {
                    continue;
                }
                Placeholders values = placeholders(c, reason, extra);
                queue.enqueue(s, user().userId(), company, OutgoingMessage.of(applicationId, c.jobId(),
                        template.id(), template.type(), blankToNull(reason), values.fill(template.subject()),
                        values.fill(template.body()), OutgoingMessage.SMTP).delayedBy(delay.toSeconds()));
            }
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** After an undo of a rejection within its window: its messages that have not left are not sent. */
    public int cancelQueued(List<Integer> applicationIds) {
        if (offline() || applicationIds.isEmpty()) {
            return 0;
        }
        return signedIn.unitOfWork().inTransaction(s -> s.getMapper(MessageMapper.class)
                .cancelQueued(user().userId(), applicationIds.toArray(Integer[]::new)));
    }

    /** What went to this application's candidate, newest first (the company's, so colleagues see it). */
    public List<MessageRecord> forApplication(int applicationId) {
        if (offline()) {
            return List.of();
        }
        return signedIn.unitOfWork().inTransaction(s -> s.getMapper(MessageMapper.class).forApplication(applicationId));
    }

    /** The signed-in person's messages that wait, are being sent, or failed. */
    public List<MessageRecord> open() {
        if (offline()) {
            return List.of();
        }
        return signedIn.unitOfWork().inTransaction(s -> s.getMapper(MessageMapper.class).open(user().userId()));
    }

    public int retry(List<String> ids) {
        return signedIn.unitOfWork().inTransaction(s -> s.getMapper(MessageMapper.class)
                .retry(user().userId(), ids.toArray(String[]::new)));
    }
}
