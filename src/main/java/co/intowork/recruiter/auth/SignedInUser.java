package co.intowork.recruiter.auth;

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
            return "Recruiter at " + companyName
                    + (hiringManagerJobCount > 0 ? ", hiring manager on " + jobs(hiringManagerJobCount) : "");
        }
        return "Hiring manager on " + jobs(hiringManagerJobCount);
    }

    private static String jobs(int count) {
        return count == 1 ? "1 job" : count + " jobs";
    }
}
