package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.ui.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** How other screens word the messages sent to a candidate (the review's "Messages" line). */
public final class MessagesText {
    private static final int SHOWN = 3;

    private MessagesText() {
    }

    public static String history(List<MessageRecord> rows) {
        if (rows.isEmpty()) {
            return Messages.text("messages.history.none");
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(Messages.locale());
        StringBuilder text = new StringBuilder();
        for (MessageRecord r : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(Messages.format("messages.history.line",
                    when.format((r.sentAt() != null ? r.sentAt() : r.createdAt())
                            .atZoneSameInstant(ZoneId.systemDefault())),
                    r.subject(), r.senderName(), OutboxViewModel.stateText(r)));
        }
        if (rows.size() > SHOWN) {
            text.append('\n').append(Messages.format("messages.history.more", rows.size() - SHOWN));
        }
        return text.toString();
    }
}
