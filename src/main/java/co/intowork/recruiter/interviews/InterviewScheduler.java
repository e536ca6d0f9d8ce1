package co.intowork.recruiter.interviews;

/** Scheduling a new interview: on the server, or into the offline copy's outbox. */
public interface InterviewScheduler {
    /** The new interview's id; 0 when it waits in the outbox to be sent. */
    int schedule(InterviewRequest request);
}
