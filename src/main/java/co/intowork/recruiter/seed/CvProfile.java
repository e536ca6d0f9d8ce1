package co.intowork.recruiter.seed;

/**
 * What one demo CV file shows. {@code experiences}, {@code educations} and {@code skills}: one line per entry, its
 * fields separated by tabs (experience: start, end or empty, title, company, town, description; education: start,
 * end, degree, school, town; skill: name, level 1-5, category).
 */
public record CvProfile(String fileName, boolean english, String fullName, String title, String contact,
                        String summary, String experiences, String educations, String skills) {
}
