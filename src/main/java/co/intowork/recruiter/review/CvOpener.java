package co.intowork.recruiter.review;

/** Opens a CV's address with the system's viewer; implemented by the view layer, recorded in tests. */
@FunctionalInterface
public interface CvOpener {
    void open(String url);
}
