package co.intowork.recruiter.interviews;

import java.time.OffsetDateTime;

/** An interviewer's time already taken by another open interview. */
public record Booking(int userId, int interviewId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
}
