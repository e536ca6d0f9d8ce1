package co.intowork.recruiter.review;

import co.intowork.recruiter.board.ApplicationStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything the review screen shows of one application, read in one transaction. */
public record Review(Application application, List<Experience> experiences, List<Education> educations,
                     List<Skill> skills, List<Event> events) {

    /** The application row with its job, the candidate's profile and name; {@code cvPath} is the chosen CV. */
    public record Application(int applicationId, int version, int jobId, int candidateId, String jobTitle, ApplicationStatus status,
                              OffsetDateTime appliedAt, OffsetDateTime viewedAt, String candidateName, String email,
                              String title, String summary, String location, Integer yearsExperience,
                              Integer salaryMin, Integer salaryMax, String cvPath, String cvName, String coverLetter,
                              String notes, Integer rating, String scorecard) {
    }

    public record Experience(String title, String company, String location, String startDate, String endDate,
                             boolean current, String description) {
    }

    public record Education(String degree, String school, String startDate, String endDate) {
    }

    public record Skill(String name, int level, String category) {
    }

    /** One status change; {@code changedBy} is null when the changer is not visible (or the platform). */
    public record Event(ApplicationStatus from, ApplicationStatus to, OffsetDateTime changedAt, String changedBy,
                        String source) {
    }
}
