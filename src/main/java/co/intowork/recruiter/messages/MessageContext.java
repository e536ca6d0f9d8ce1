package co.intowork.recruiter.messages;

/** What the placeholders know about one application: its candidate, job and company. */
public record MessageContext(int applicationId, int jobId, Integer companyId, String firstName, String lastName,
                             String email, String jobTitle, String companyName) {
    public String candidateName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }
}
