package co.intowork.recruiter.live;

import java.util.Locale;

/**
 * How the live board hears of changes (setting live.mode). AUTO: LISTEN on a dedicated connection when a self-test
 * notification comes back within a second, else POLL; LISTEN or POLL: as said (POLL behind a transaction-mode
 * pooler, where LISTEN cannot work); OFF: none.
 */
public enum LiveMode {
    AUTO, LISTEN, POLL,
    /** No live updates (tests of other features, and working offline). */
    OFF;

    public static LiveMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("live.mode must be auto, listen or poll; it is \"" + value + "\"");
        }
    }
}
