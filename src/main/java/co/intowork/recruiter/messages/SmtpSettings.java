package co.intowork.recruiter.messages;

import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsException;

import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP server IT set in the settings layers (machine file, user file, environment, flags; the password is a
 * secret like the database's: never shown by {@code config}, best given by the environment or the machine file).
 * {@code from}: the sender's address; empty means the signed-in person's own address.
 */
public record SmtpSettings(String host, int port, Tls tls, String user, String password, String from) {
    /** none: plain SMTP (an internal relay only); starttls: upgrade on the submission port; ssl: TLS from the start. */
    public enum Tls { NONE, STARTTLS, SSL }

    @Override
    public String toString() {
        // never the password, in a log line or an exception
        return "SmtpSettings[" + host + ":" + port + ", " + tls + ", user " + user + "]";
    }

    /** Empty when no SMTP host is set (the mail program is used instead); a broken value is a clear error. */
    public static Optional<SmtpSettings> from(ResolvedSettings settings) {
        Optional<String> host = settings.get(SettingKey.SMTP_HOST).map(String::trim).filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = settings.getInt(SettingKey.SMTP_PORT);
        if (port < 1 || port > 65535) {
            throw new SettingsException(SettingKey.SMTP_PORT.property() + " must be a port number from 1 to 65535; "
                    + "it is " + port + ".");
        }
        String tlsText = settings.get(SettingKey.SMTP_TLS).orElse("starttls").trim().toLowerCase(Locale.ROOT);
        Tls tls = switch (tlsText) {
            case "none", "off", "false" -> Tls.NONE;
            case "starttls" -> Tls.STARTTLS;
            case "ssl", "tls", "smtps" -> Tls.SSL;
            default -> throw new SettingsException(SettingKey.SMTP_TLS.property()
                    + " must be starttls, ssl or none; it is '" + tlsText + "'.");
        };
        String user = settings.get(SettingKey.SMTP_USER).map(String::trim).filter(u -> !u.isEmpty()).orElse(null);
        String password = settings.get(SettingKey.SMTP_PASSWORD).orElse(null);
        if (user != null && password == null) {
            throw new SettingsException(SettingKey.SMTP_USER.property() + " is set but " + SettingKey.SMTP_PASSWORD
                    .property() + " is not: set it in the machine settings file or in the environment variable "
                    + SettingKey.SMTP_PASSWORD.environmentVariable() + ".");
        }
        String from = settings.get(SettingKey.SMTP_FROM).map(String::trim).filter(f -> !f.isEmpty()).orElse(null);
        return Optional.of(new SmtpSettings(host.get(), port, tls, user, password, from));
    }
}
