package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Signs a person in and out with their INTOWORK platform account; the checks run inside the database. */
public final class AuthService implements Authenticator {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final UnitOfWork unitOfWork;
    private final SessionContext context;

    public AuthService(UnitOfWork unitOfWork, SessionContext context) {
        this.unitOfWork = unitOfWork;
        this.context = context;
    }

    /** Signs in and returns who is now signed in; a refusal is a {@link UserFacingException} worded for them. */
    @Override
    public SignedInUser signIn(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new UserFacingException(Sentence.of("auth.enterCredentials"));
        }
        // without the old session, which may be the very one that ended
        String previous = context.token();
        context.set(null);
        SignInAttempt attempt;
        try {
            attempt = SignInAttempt.make(unitOfWork, email.strip(), password);
        } catch (RuntimeException e) {
            context.set(previous);
            throw e;
        }
        if (!"ok".equals(attempt.outcome())) {
            context.set(previous);
        }
        switch (attempt.outcome()) {
            case "ok" -> {
                context.set(attempt.token());
                try {
                    SignedInUser user = unitOfWork.inTransaction(s -> s.getMapper(SessionMapper.class).sessionProfile());
                    log.info("Signed in user {} ({})", user.userId(), user.role());
                    revokeQuietly(previous);
                    return user;
                } catch (RuntimeException e) {
                    context.set(previous);
                    throw e;
                }
            }
            case "locked" -> throw new UserFacingException(
                    Sentence.of("auth.locked", localTime(attempt.retryAfter())));
            case "throttled" -> throw new UserFacingException(
                    Sentence.of("auth.throttled", localTime(attempt.retryAfter())));
            default -> {
                Integer left = attempt.attemptsLeft();
                if (left != null && left == 0) {
                    throw new UserFacingException(Sentence.of("auth.locked", localTime(attempt.retryAfter())));
                }
                throw new UserFacingException(left != null && left <= 2
                        ? Sentence.of("auth.invalidWarning", left) : Sentence.of("auth.invalid"));
            }
        }
    }

    @Override
    public long visibleJobCount(SignedInUser user) {
        return unitOfWork.inTransaction(
                s -> s.getMapper(SessionMapper.class).visibleJobCount(user.companyId(), user.userId()));
    }

    /** Ends the session in the database too, so the token is worthless even if it was copied. */
    @Override
    public void signOut() {
        String token = context.token();
        context.set(null);
        revokeQuietly(token);
    }

    @Override
    public boolean isSignedIn() {
        return context.isSignedIn();
    }

    private void revokeQuietly(String token) {
        if (token == null) {
            return;
        }
        try {
            unitOfWork.inTransaction(s -> s.getMapper(SessionMapper.class).signOut(token));
        } catch (RuntimeException e) {
            // the session also expires on its own; signing out must not fail because the network did
            log.warn("Could not end the session in the database: {}", e.getMessage());
        }
    }

    static Sentence localTime(OffsetDateTime at) {
        if (at == null) {
            return Sentence.literal("a few minutes from now");
        }
        OffsetDateTime now = OffsetDateTime.now();
        String time = at.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
        long minutes = Math.max(1, Duration.between(now, at).toMinutes() + 1);
        return Sentence.of("auth.lockedAt", time, minutes);
    }
}
