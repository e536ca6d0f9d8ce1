package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.SignedIn;

/**
 * Makes scheduling dialogs for the board, the review and the calendar: new interviews go to {@code scheduler} (the
 * server, or the offline copy's outbox), changes to the server.
 */
public final class InterviewPlanner {
    private final InterviewService service;
    private final InterviewScheduler scheduler;
    private final SignedIn signedIn;

    public InterviewPlanner(InterviewService service, InterviewScheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
        this.signedIn = service.signedIn();
    }

    public InterviewService service() {
        return service;
    }

    public InterviewDialogViewModel newInterview(int applicationId) {
        return new InterviewDialogViewModel(service, scheduler, signedIn.tasks(), signedIn.user(),
                signedIn.offline(), applicationId, null);
    }

    public InterviewDialogViewModel change(Interview interview) {
        return new InterviewDialogViewModel(service, scheduler, signedIn.tasks(), signedIn.user(),
                signedIn.offline(), interview.applicationId(), interview);
    }
}
