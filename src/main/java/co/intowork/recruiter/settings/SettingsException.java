package co.intowork.recruiter.settings;

import co.intowork.recruiter.common.db.UserFacingException;

/**
 * A setting is malformed; the message names the setting, where it came from and what to do. A user-facing failure
 * like any other, so the database layer needs no knowledge of settings to pass its sentence on.
 */
public class SettingsException extends UserFacingException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
