package co.intowork.recruiter.review;

/** Opens a CV's address with the system's viewer; implemented by the view layer, recorded in tests. */
@FunctionalInterface
public interface CvOpener {
    /** Returns once the viewer was asked to open it; throws when it could not be (no viewer, unreadable file...). */
    void open(String url) throws Exception;
}
