package co.intowork.recruiter.search;

/** A candidate found; {@code capped}: the search stopped counting, more words would find better ones. */
public record CandidateHit(int candidateId, String name, String title, String location, Integer yearsExperience,
                           boolean capped) {
}
