package co.intowork.recruiter.common.ui;

import co.intowork.recruiter.common.text.Wording;

/** Words the lower layers' sentences with the UI's bundle, in the language chosen at start-up. */
public final class MessagesWording implements Wording {
    @Override
    public String word(String key, Object... arguments) {
        return Messages.format(key, arguments);
    }
}
