package co.intowork.recruiter.auth;

import org.apache.ibatis.annotations.Param;

public interface SessionMapper {
    /** The rest of the transaction's statements planned for their own parameters (the job lists, V37). */
    String planForTheseValues();

    /** The rest of the transaction's statements on their generic plan (decision 0033): the same for any value. */
    String planOnceForAnyValues();

    /** First step: checks the password and records the attempt; returns only the attempt's handle. */
    String signInStart(@Param("email") String email, @Param("password") String password);

    /** Second step, in a later transaction than the first: the attempt's outcome (and the session token). */
    SignInAttempt signInFinish(@Param("attempt") String attempt);

    Integer useSession(@Param("token") String token);

    boolean signOut(@Param("token") String token);

    SignedInUser sessionProfile();

    Integer sessionEmployerId();

    /** NULL when the database login is a proper client login; otherwise what is wrong with it. */
    String clientLoginProblem();

    long visibleJobCount(@Param("companyId") Integer companyId, @Param("userId") int userId);
}
