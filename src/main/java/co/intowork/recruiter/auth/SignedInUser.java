package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.ui.Messages;

import java.time.OffsetDateTime;

/** Who is signed in, as recruiter.session_profile() describes them. */
public record SignedInUser(int userId, String email, String firstName, String lastName, Integer companyId,
                           String companyName, String role, OffsetDateTime expiresAt, int hiringManagerJobCount) {
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }

    public boolean isRecruiter() {
        return "recruiter".equals(role);
    }

    /** "Recruiter at Alpha", or "Hiring manager on 2 jobs". */
    public String roleDescription() {
        if (isRecruiter()) {
            return hiringManagerJobCount > 0
                    ? Messages.format("auth.role.recruiterAndManager", companyName, hiringManagerJobCount)
                    : Messages.format("auth.role.recruiter", companyName);
        }
        return Messages.format("auth.role.manager", hiringManagerJobCount);
    }
}
