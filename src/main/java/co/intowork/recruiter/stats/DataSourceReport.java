package co.intowork.recruiter.stats;

/**
 * Where figures were read: the replica (with how far behind it is) or the main database, and why the main one
 * when a replica is configured.
 */
public record DataSourceReport(boolean replica, boolean replicaConfigured, boolean standby, Double lagSeconds,
                               String fallbackReason) {

    public static DataSourceReport primary() {
        return new DataSourceReport(false, false, false, null, null);
    }

    public static DataSourceReport fallback(String reason) {
        return new DataSourceReport(false, true, false, null, reason);
    }

    public static DataSourceReport replica(ServerState state) {
        return new DataSourceReport(true, true, state.standby(), state.lagSeconds(), null);
    }
}
