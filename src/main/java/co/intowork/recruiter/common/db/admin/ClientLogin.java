package co.intowork.recruiter.common.db.admin;

import java.time.OffsetDateTime;

/** A database login in recruiter_app, as `client-login list` shows it. */
public record ClientLogin(String name, boolean canLogin, int connectionLimit, OffsetDateTime validUntil,
                          int connections) {
}
