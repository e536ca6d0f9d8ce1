package co.intowork.recruiter.pipeline;

/** A colleague who posts jobs (employers row), for the recruiter filter. */
public record Recruiter(int employerId, String name) {
    @Override
    public String toString() {
        return name;
    }
}
