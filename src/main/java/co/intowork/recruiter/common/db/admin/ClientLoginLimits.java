package co.intowork.recruiter.common.db.admin;

/**
 * The server-side limits of a client login, set as role settings by `client-login create` (V31): a workstation
 * that sets none of its own still cannot hold connections, locks or transactions without end.
 */
public record ClientLoginLimits(int connectionLimit, String statementTimeout, String lockTimeout,
                                String idleInTransactionTimeout) {
    /** One person's app: a pool of 4, the offline sync and a spare. A site login needs seats x 5. */
    public static final ClientLoginLimits DEFAULT = new ClientLoginLimits(10, "60s", "10s", "60s");
}
