package co.intowork.recruiter.sync;

/**
 * One outbox entry: what was done offline to an application, the state it was done against ({@code base}, JSON of
 * {@link ApplicationState}) and what it asked for ({@code mine}, JSON of the changed fields).
 */
public record Operation(String operationId, OperationKind kind, int applicationId, int jobId, int baseVersion,
                        String baseStatus, String base, String mine, Integer localVersion) {
}
