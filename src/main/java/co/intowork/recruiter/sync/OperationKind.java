package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;

/** What an offline operation does; stored by name in the outbox. */
public enum OperationKind {
    MOVE, VIEWED, NOTE, RATE, SCORECARD,
    /** A tag added or removed (issue 24): {"tag": ..., "add": true|false}, a set operation that merges. */
    TAGS,
    /** A new interview scheduled offline (issue 21): replayed by SyncPush through the interviews service. */
    INTERVIEW,
    // a message to the candidate composed offline (issue 21): queued on the server by the push, under its own id
    MESSAGE;

    public String displayName() {
        return Messages.text("sync.kind." + name().toLowerCase(Locale.ROOT));
    }
}
