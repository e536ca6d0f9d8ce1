package co.intowork.recruiter.messages;

import java.util.Arrays;

/** The platform's emailtemplatetype labels (UPPER-case, shared-schema.md); the names are the labels. */
public enum TemplateType {
    WELCOME_CANDIDATE, APPLICATION_RECEIVED, APPLICATION_REJECTED, INTERVIEW_INVITATION, INTERVIEW_CONFIRMATION,
    INTERVIEW_REMINDER, OFFER_LETTER, ONBOARDING, CUSTOM;

    /** A label this client does not know (the platform may add one) reads as CUSTOM. */
    public static TemplateType fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.name().equals(label)).findFirst().orElse(CUSTOM);
    }
}
