package co.intowork.recruiter.settings;

/** A setting is malformed; the message names the setting, where it came from and what to do. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
