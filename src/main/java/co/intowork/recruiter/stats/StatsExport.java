package co.intowork.recruiter.stats;

import co.intowork.recruiter.board.ApplicationStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The screen's tables as CSV for spreadsheets: one header line of stable English names, ISO dates, date-times as
 * "2026-01-14 12:00" where the person is (what spreadsheets read as a date and time), plain numbers (durations in
 * hours, rates as fractions); separator and decimal mark those of the person's language ({@link Csv.Dialect}).
 */
public final class StatsExport {
    private StatsExport() {
    }

    public static String csv(StatsTable table, StatsService.Overview o, List<JobSummary> summary) {
        return csv(table, o, summary, Locale.ROOT, ZoneOffset.UTC);
    }

    public static String csv(StatsTable table, StatsService.Overview o, List<JobSummary> summary, Locale locale,
                             ZoneId zone) {
        Csv.Dialect dialect = Csv.Dialect.of(locale);
        return switch (table) {
            case DASHBOARD -> {
                Dashboard d = o.dashboard();
                yield Csv.of(dialect, List.of("active_jobs", "applications", "not_yet_viewed", "in_interview", "accepted", "rejected",
                                "response_rate"),
                        List.of(List.of(d.activeJobs(), d.applications(), d.newApplications(), d.inInterview(),
                                d.accepted(), d.rejected(), rate(d.responseRate()))));
            }
            case FUNNEL -> Csv.of(dialect, List.of("stage", "reached", "pass_through"),
                    o.funnel().steps().stream().<List<?>>map(s -> List.of(
                            ApplicationStatus.valueOf(s.stage().name()).label(), s.reached(), rate(s.passThrough())))
                            .toList());
            case TIMES -> Csv.of(dialect, List.of("metric", "samples", "median_hours", "p90_hours"),
                    o.times().stream().<List<?>>map(t -> List.of(t.metric(), t.count(), hours(t.medianSeconds()),
                            hours(t.p90Seconds()))).toList());
            case STALE -> Csv.of(dialect, List.of("application_id", "job_id", "job_title", "candidate", "status", "last_move"),
                    o.stale().stream().<List<?>>map(s -> List.of(s.applicationId(), s.jobId(), s.jobTitle(),
                            s.candidateName(), s.status(), moment(s.lastMove(), zone))).toList());
            case WEEKS -> Csv.of(dialect, List.of("week", "applications"),
                    o.trends().weeks().stream().<List<?>>map(w -> List.of(w.week(), w.applications())).toList());
            case SOURCES -> Csv.of(dialect, List.of("source", "applications"),
                    o.trends().sources().stream().<List<?>>map(s -> List.of(s.source() == null ? "direct" : s.source(),
                            s.applications())).toList());
            case TOP_JOBS -> Csv.of(dialect, List.of("job_id", "title", "applications"),
                    o.trends().topJobs().stream().<List<?>>map(j -> List.of(j.jobId(), j.title(), j.applications()))
                            .toList());
            case SUMMARY -> {
                List<List<?>> rows = new ArrayList<>();
                for (JobSummary s : summary) {
                    rows.add(List.of(s.jobId(), s.title(), s.applied(), s.viewed(), s.shortlisted(), s.interview(),
                            s.rejected(), s.accepted(), s.total(), moment(s.refreshedAt(), zone)));
                }
                yield Csv.of(dialect, List.of("job_id", "title", "applied", "viewed", "shortlisted", "interview", "rejected",
                        "accepted", "total", "as_of"), rows);
            }
        };
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static String moment(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : MOMENT.format(at.atZoneSameInstant(zone));
    }

    private static Object rate(Double rate) {
        return rate == null ? "" : BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(double seconds) {
        return BigDecimal.valueOf(seconds / 3600).setScale(2, RoundingMode.HALF_UP);
    }
}
