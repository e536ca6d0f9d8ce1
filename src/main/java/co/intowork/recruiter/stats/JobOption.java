package co.intowork.recruiter.stats;

/** A job of the scope, for the job filter. */
public record JobOption(int id, String title) {
    @Override
    public String toString() {
        return title;
    }
}
