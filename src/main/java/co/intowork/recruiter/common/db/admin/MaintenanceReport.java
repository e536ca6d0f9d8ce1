package co.intowork.recruiter.common.db.admin;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code maintain} did. A count is {@code null} when its step failed (the reason is in {@link #problems}).
 * Serializable with a plain Jackson {@code ObjectMapper} (times are written as ISO-8601 strings).
 *
 * @param expiredSessionsPurged        sessions deleted because they had expired
 * @param desktopSessionsPurged        desktop sign-in sessions deleted a month after they ended
 * @param passwordResetTokensPurged    password reset tokens deleted because they were used or had expired
 * @param verificationTokensPurged     e-mail verification tokens deleted because they had expired
 * @param notificationsArchived        notifications moved to recruiter.notifications_archive
 * @param readRetentionDays            read notifications older than this were archived
 * @param unreadRetentionDays          unread notifications older than this were archived
 * @param constraints                  NOT VALID rules looked at, and whether they could now be validated
 * @param candidateVisibilityRepairs   (company, candidate) pairs added or removed by the reconciliation (0 normally)
 * @param applicationCountRepairs      jobs whose application counts (V30) the recount corrected (0 normally)
 * @param statisticsRepairs            statistics rollup rows (V32: per-application facts, per-company day rows)
 *                                     that differed from a recount and were repaired: the drift (0 normally)
 * @param searchTermRepairs            job and candidate search rows (V41, V61, V63) added or removed by the rebuild (0 normally)
 * @param recruiterNameRepairs         recruiters' name rows (V48) added, changed or removed by the rebuild (0 normally)
 * @param jobTagRepairs                the jobs' tag rows (V51) added, changed or removed by the rebuild (0 normally)
 * @param activeJobsSummaryRefreshedAt the time the job summary figures now describe
 * @param problems                     one sentence per step that failed
 * @param elapsedMillis                how long it all took
 */
public record MaintenanceReport(
        Integer expiredSessionsPurged,
        Integer desktopSessionsPurged,
        Integer passwordResetTokensPurged,
        Integer verificationTokensPurged,
        Integer notificationsArchived,
        int readRetentionDays,
        int unreadRetentionDays,
        List<ConstraintValidation> constraints,
        Long candidateVisibilityRepairs,
        Long applicationCountRepairs,
        Long statisticsRepairs,
        Long searchTermRepairs,
        Long recruiterNameRepairs,
        Long jobTagRepairs,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime activeJobsSummaryRefreshedAt,
        List<String> problems,
        long elapsedMillis) {

    public MaintenanceReport {
        constraints = List.copyOf(constraints);
        problems = List.copyOf(problems);
    }

    /** One NOT VALID CHECK constraint examined by {@code recruiter.validate_check_constraints()}. */
    public record ConstraintValidation(String tableName, String constraintName, long violatingRows,
                                       boolean validated) {
    }

    /** True when every step succeeded. */
    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** The report as sentences for a terminal. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(count(expiredSessionsPurged, "expired session", "purged"));
        lines.add(count(desktopSessionsPurged, "ended desktop sign-in session", "purged"));
        lines.add(count(passwordResetTokensPurged, "used or expired password reset token", "purged"));
        lines.add(count(verificationTokensPurged, "expired verification token", "purged"));
        String archived = count(notificationsArchived, "notification", "archived");
        lines.add(archived.substring(0, archived.length() - 1) + " (read and older than " + readRetentionDays
                + " days, or unread and older than " + Math.max(readRetentionDays, unreadRetentionDays) + " days).");
        for (ConstraintValidation c : constraints) {
            lines.add(c.validated()
                    ? "Constraint " + c.constraintName() + " on " + c.tableName() + " validated."
                    : "Constraint " + c.constraintName() + " on " + c.tableName() + " stays NOT VALID: "
                    + c.violatingRows() + " row(s) still break it.");
        }
        if (candidateVisibilityRepairs != null) {
            lines.add(candidateVisibilityRepairs == 0 ? "Candidate visibility per company checked: nothing to repair."
                    : "Candidate visibility per company: " + candidateVisibilityRepairs + " pair(s) repaired.");
        }
        if (applicationCountRepairs != null) {
            lines.add(applicationCountRepairs == 0 ? "Application counts per job checked: nothing to repair."
                    : "Application counts per job: " + applicationCountRepairs + " job(s) recounted.");
        }
        if (statisticsRepairs != null) {
            lines.add(statisticsRepairs == 0 ? "Statistics rollups recounted: no drift."
                    : "Statistics rollups: " + statisticsRepairs + " row(s) had drifted and were repaired.");
        }
        if (searchTermRepairs != null) {
            lines.add(searchTermRepairs == 0 ? "Job and candidate search indexes checked: nothing to repair."
                    : "Job and candidate search indexes: " + searchTermRepairs + " row(s) repaired.");
        }
        if (recruiterNameRepairs != null) {
            lines.add(recruiterNameRepairs == 0 ? "Recruiter name list checked: nothing to repair."
                    : "Recruiter name list: " + recruiterNameRepairs + " row(s) repaired.");
        }
        if (jobTagRepairs != null) {
            lines.add(jobTagRepairs == 0 ? "Jobs' tags checked: nothing to repair."
                    : "Jobs' tags: " + jobTagRepairs + " row(s) repaired.");
        }
        if (activeJobsSummaryRefreshedAt != null) {
            lines.add("Job summary figures refreshed (as of " + activeJobsSummaryRefreshedAt + ").");
        }
        for (String problem : problems) {
            lines.add("Problem: " + problem);
        }
        lines.add("Done in " + elapsedMillis + " ms.");
        return lines;
    }

    private static String count(Integer n, String what, String verb) {
        if (n == null) {
            return "No " + what + "s " + verb + " (the step failed).";
        }
        return n + " " + what + (n == 1 ? "" : "s") + " " + verb + ".";
    }
}
