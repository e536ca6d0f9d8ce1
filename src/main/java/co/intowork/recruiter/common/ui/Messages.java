package co.intowork.recruiter.common.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible texts, in English and French (fxml/co/intowork/recruiter/i18n/messages*.properties). Views use
 * them as %key in FXML; ViewModels through {@link #text} and {@link #format}. The language is chosen once at
 * start-up from the ui.language setting (en, fr, or system: French for a French system locale, else English).
 */
public final class Messages {
    private static final String BUNDLE = "co.intowork.recruiter.i18n.messages";
    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);

    private Messages() {
    }

    /** "en", "fr" or "system" (anything else counts as system). */
    public static Locale chooseLocale(String setting, Locale system) {
        String language = setting == null ? "system" : setting.trim().toLowerCase(Locale.ROOT);
        if (language.equals("fr") || (!language.equals("en") && system.getLanguage().equals("fr"))) {
            return system.getLanguage().equals("fr") && !system.getCountry().isEmpty() ? system : Locale.FRANCE;
        }
        return system.getLanguage().equals("en") && !system.getCountry().isEmpty() ? system : Locale.UK;
    }

    public static void use(Locale chosen) {
        bundle = load(chosen);
        locale = chosen;
    }

    private static ResourceBundle load(Locale chosen) {
        // the root bundle is English: without "no fallback", a French system default would leak into English
        return ResourceBundle.getBundle(BUNDLE, chosen, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Locale locale() {
        return locale;
    }

    /** For FXMLLoader: every value already formatted, so %key in FXML follows the same apostrophe rule. */
    public static ResourceBundle bundle() {
        ResourceBundle raw = bundle;
        Locale current = locale;
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return new MessageFormat(raw.getString(key), current).format(new Object[0]);
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return raw.getKeys();
            }
        };
    }

    public static String text(String key) {
        return format(key);
    }

    public static String format(String key, Object... arguments) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
