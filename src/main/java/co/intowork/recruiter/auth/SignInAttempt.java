package co.intowork.recruiter.auth;

import java.time.OffsetDateTime;

/** What recruiter.sign_in_attempt answered: outcome ok | invalid | locked | not_allowed. */
public record SignInAttempt(String outcome, String token, OffsetDateTime retryAfter, Integer attemptsLeft) {
}
