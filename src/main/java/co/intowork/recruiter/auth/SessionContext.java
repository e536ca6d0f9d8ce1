package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.UnitOfWork;

/**
 * The sign-in token of this window, applied as the first statement of every transaction. The token lives only
 * in memory: it is never written to disk.
 */
public final class SessionContext {
    private volatile String token;

    public static SessionContext installOn(UnitOfWork unitOfWork) {
        SessionContext context = new SessionContext();
        unitOfWork.setPreamble(session -> {
            String current = context.token;
            if (current != null) {
                session.getMapper(SessionMapper.class).useSession(current);
            }
        });
        return context;
    }

    String token() {
        return token;
    }

    /** Also used by the offline sign-in, whose session lives in the offline copy. */
    public void set(String token) {
        this.token = token;
    }

    public boolean isSignedIn() {
        return token != null;
    }
}
