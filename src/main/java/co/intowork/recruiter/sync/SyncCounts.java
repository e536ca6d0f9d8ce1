package co.intowork.recruiter.sync;

/** What the replica holds and what waits: jobs offline, their applications, pending operations, open conflicts. */
public record SyncCounts(int jobs, int applications, int pending, int conflicts) {
}
