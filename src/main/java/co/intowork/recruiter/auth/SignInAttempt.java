package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.UnitOfWork;

import java.time.OffsetDateTime;

/** What recruiter.sign_in_finish answered: outcome ok | invalid | locked | throttled. */
public record SignInAttempt(String outcome, String token, OffsetDateTime retryAfter, Integer attemptsLeft) {

    /**
     * Both steps of a sign-in, each committed in its own transaction (the second can't read the first's outcome
     * before it is committed). The unit of work must carry no session.
     */
    public static SignInAttempt make(UnitOfWork unitOfWork, String email, String password) {
        String handle = unitOfWork.inTransaction(s -> s.getMapper(SessionMapper.class).signInStart(email, password));
        return unitOfWork.inTransaction(s -> s.getMapper(SessionMapper.class).signInFinish(handle));
    }
}
