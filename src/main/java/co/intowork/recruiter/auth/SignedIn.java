package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.tasks.TaskRunner;

/**
 * What every screen of the workspace works with: who is signed in, the unit of work (each transaction carries the
 * session), and a task runner that, when the database ends the session, asks for the password again and then
 * runs the work again, so a feature only ever sees its own failures.
 */
public record SignedIn(SignedInUser user, UnitOfWork unitOfWork, TaskRunner tasks, boolean offline) {
    /** On the server. {@code offline}: on the copy on this computer, whose changes wait in its outbox. */
    public SignedIn(SignedInUser user, UnitOfWork unitOfWork, TaskRunner tasks) {
        this(user, unitOfWork, tasks, false);
    }
}
