package co.intowork.recruiter.stats;

/** pg_is_in_recovery() and how long ago the standby replayed its last transaction (null on a primary). */
public record ServerState(boolean standby, Double lagSeconds) {
}
