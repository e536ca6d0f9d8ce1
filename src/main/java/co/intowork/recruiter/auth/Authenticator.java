package co.intowork.recruiter.auth;

/**
 * Signs a person in and out of the database the window works on: the server ({@link AuthService}), or the offline
 * copy on this computer when the server cannot be reached (sync.OfflineSignIn).
 */
public interface Authenticator {
    /** Who is now signed in; a refusal is a UserFacingException worded for them. */
    SignedInUser signIn(String email, String password);

    long visibleJobCount(SignedInUser user);

    void signOut();

    boolean isSignedIn();
}
