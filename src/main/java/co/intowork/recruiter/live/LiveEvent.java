package co.intowork.recruiter.live;

/**
 * One change the signed-in person may see (recruiter.live_events, V42): opaque event id, what happened to which
 * application of which job, its new version and status, and who did it (null: the web platform). Nothing else:
 * what the change looks like is read again under row-level security by whoever shows it.
 * {@code kind}: added, moved, changed, removed, or notification (the person's inbox changed).
 */
public record LiveEvent(String eventId, String kind, Integer jobId, Integer applicationId, Integer version,
                        String status, Integer actorUserId) {
    public static final String NOTIFICATION = "notification";

    public boolean concernsJob(int job) {
        return jobId != null && jobId == job;
    }

    public boolean concernsApplication(int application) {
        return applicationId != null && applicationId == application;
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(kind);
    }

    /** One JSON line, for {@code watch}. */
    public String toJson() {
        return "{\"event\":\"" + eventId + "\",\"kind\":\"" + kind + "\",\"job\":" + jobId + ",\"application\":"
                + applicationId + ",\"version\":" + version + ",\"status\":"
                + (status == null ? "null" : "\"" + status + "\"") + ",\"actor\":" + actorUserId + "}";
    }
}
