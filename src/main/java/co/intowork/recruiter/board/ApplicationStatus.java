package co.intowork.recruiter.board;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;

/**
 * The platform's applicationstatus enum (lower-case labels), in board column order, with the in-app notification
 * title the web platform gives the candidate when an application reaches that status.
 */
public enum ApplicationStatus {
    APPLIED("📬 Mise à jour de votre candidature"),
    VIEWED("👁️ Votre candidature a été vue"),
    SHORTLISTED("⭐ Vous avez été présélectionné(e)"),
    INTERVIEW("🎯 Vous êtes convoqué(e) en entretien"),
    ACCEPTED("🎉 Félicitations! Votre candidature a été acceptée"),
    REJECTED("❌ Votre candidature n'a pas été retenue");

    private final String notificationTitle;

    ApplicationStatus(String notificationTitle) {
        this.notificationTitle = notificationTitle;
    }

    /** The database label, bound as {@code #{status}::public.applicationstatus}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApplicationStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** French, as the platform writes it: the candidate reads it on the platform whatever our UI language. */
    public String notificationTitle() {
        return notificationTitle;
    }

    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }

    /** The column's name in the UI language. */
    public String displayName() {
        return Messages.text("board.status." + label());
    }

    /** Digit key 1-6 that moves selected cards here. */
    public int shortcut() {
        return ordinal() + 1;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
