package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SignedInUser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every statistics statement filters on: the person's scope (their company, or the jobs they manage), an
 * optional job, and a period of application dates, {@code from} inclusive and {@code to} exclusive (null: open).
 */
public record StatsQuery(Integer companyId, int userId, Integer jobId, OffsetDateTime from, OffsetDateTime to,
                         int staleDays) {

    /**
     * Dates are whole UTC days, the days the rollups count applications in (decision 0012); {@code toDate} is the
     * last day included.
     */
    public static StatsQuery of(SignedInUser user, Integer jobId, LocalDate fromDate, LocalDate toDate,
                                int staleDays) {
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new IllegalArgumentException("The period ends before it starts.");
        }
        return new StatsQuery(user.isRecruiter() ? user.companyId() : null, user.userId(), jobId,
                fromDate == null ? null : fromDate.atStartOfDay().atOffset(ZoneOffset.UTC),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                staleDays);
    }
}
