package co.intowork.recruiter.messages;

import java.time.OffsetDateTime;

/**
 * One of the company's templates as the platform stores it (public.email_templates). {@code type} is the platform's
 * label (emailtemplatetype); {@code updatedAt} is the version an edit is checked against.
 */
public record EmailTemplate(int id, String name, String type, String subject, String body, boolean active,
                            boolean isDefault, int usageCount, OffsetDateTime updatedAt) {
    public TemplateType templateType() {
        return TemplateType.fromLabel(type);
    }
}
