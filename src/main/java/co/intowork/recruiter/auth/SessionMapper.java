package co.intowork.recruiter.auth;

import org.apache.ibatis.annotations.Param;

public interface SessionMapper {
    SignInAttempt signInAttempt(@Param("email") String email, @Param("password") String password);

    Integer useSession(@Param("token") String token);

    boolean signOut(@Param("token") String token);

    SignedInUser sessionProfile();

    Integer sessionEmployerId();

    /** NULL when the database login is a proper client login; otherwise what is wrong with it. */
    String clientLoginProblem();

    long visibleJobCount(@Param("companyId") Integer companyId, @Param("userId") int userId);
}
