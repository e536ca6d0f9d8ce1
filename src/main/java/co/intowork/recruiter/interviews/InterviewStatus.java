package co.intowork.recruiter.interviews;

import java.util.Locale;

/** The platform's interviewschedulestatus labels (upper case, as stored). */
public enum InterviewStatus {
    SCHEDULED, CONFIRMED, CANCELED, COMPLETED, RESCHEDULED;

    /** Still to take place: it books its interviewers and can be changed. */
    public boolean open() {
        return this != CANCELED && this != COMPLETED;
    }

    /** The bundles' key of its name ("interview.status.scheduled"). */
    public String key() {
        return "interview.status." + name().toLowerCase(Locale.ROOT);
    }

    /** A label written by hand on the web that is none of these reads as scheduled, never as an error. */
    public static InterviewStatus parse(String label) {
        if (label == null) {
            return SCHEDULED;
        }
        try {
            return valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SCHEDULED;
        }
    }
}
