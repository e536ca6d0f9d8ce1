package co.intowork.recruiter.interviews;

/** The application an interview is for, as the scheduling dialog shows it. */
public record Applicant(int applicationId, int jobId, String jobTitle, String candidateName, String candidateEmail) {
}
