package co.intowork.recruiter.review;

import co.intowork.recruiter.board.ApplicationStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything the review screen shows of one application, read in one transaction. */
public record Review(Application application, List<Experience> experiences, List<Education> educations,
                     List<Skill> skills, List<Event> events, List<Note> notes) {

    public Review(Application application, List<Experience> experiences, List<Education> educations,
                  List<Skill> skills, List<Event> events) {
        this(application, experiences, educations, skills, events, List.of());
    }

    /** The application row with its job, the candidate's profile and name; {@code cvPath} is the chosen CV. */
    public record Application(int applicationId, int version, int jobId, int candidateId, String jobTitle, ApplicationStatus status,
                              OffsetDateTime appliedAt, OffsetDateTime viewedAt, String candidateName, String email,
                              String title, String summary, String location, Integer yearsExperience,
                              Integer salaryMin, Integer salaryMax, String cvPath, String cvName, String coverLetter,
                              String notes, Integer rating, String scorecard, String tags, Double aiScore,
                              String aiScoreDetails, OffsetDateTime aiAnalyzedAt) {
    }

    public record Experience(String title, String company, String location, String startDate, String endDate,
                             boolean current, String description) {
    }

    public record Education(String degree, String school, String startDate, String endDate) {
    }

    public record Skill(String name, int level, String category) {
    }

    /**
     * One note of the platform's thread (recruiter_notes), at {@code index} in the array (how the platform deletes
     * it). {@code createdAt} is null when the platform's text could not be read as a time; {@code hiringManager}:
     * the author manages this job (their feedback).
     */
    public record Note(int index, Integer userId, String userName, String text, String createdAtText,
                       boolean hiringManager) {
        public OffsetDateTime createdAt() {
            if (createdAtText == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(createdAtText);
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    // the platform's Python isoformat() of a naive time: UTC by its convention
                    return java.time.LocalDateTime.parse(createdAtText).atOffset(java.time.ZoneOffset.UTC);
                } catch (java.time.format.DateTimeParseException again) {
                    return null;
                }
            }
        }
    }

    /** One status change; {@code changedBy} is null when the changer is not visible (or the platform). */
    public record Event(ApplicationStatus from, ApplicationStatus to, OffsetDateTime changedAt, String changedBy,
                        String source) {
    }
}
