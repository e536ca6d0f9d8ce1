package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.util.StringConverter;

/**
 * The statistics screen: headline figures, funnel, durations, stale applications and trends for the signed-in
 * person's scope, a period and optionally one job; the active jobs summary with its refresh; which database the
 * figures came from; CSV and PDF exports.
 */
public final class StatsViewModel {
    private static final Logger log = LoggerFactory.getLogger(StatsViewModel.class);

    /** A row of the durations table, ready to show. */
    public record TimeRow(String label, long samples, String median, String p90) {
    }

    /** A bar or point of a chart: its category, its height in the chart's unit, and the value as a person reads it. */
    public record ChartPoint(String label, double value, String shown) {
    }

    /** A chart taken from the screen for the PDF report, with the title printed above it. */
    public record ChartImage(String title, byte[] png) {
    }

    /** The one unit of the durations chart, the largest that keeps its longest bar above 1. */
    public enum DurationUnit {
        MINUTES(60, "stats.unit.minutes"), HOURS(3600, "stats.unit.hours"), DAYS(86_400, "stats.unit.days");

        final double seconds;
        final String key;

        DurationUnit(double seconds, String key) {
            this.seconds = seconds;
            this.key = key;
        }

        static DurationUnit fitting(double longestSeconds) {
            if (longestSeconds < 3600) {
                return MINUTES;
            }
            return longestSeconds < 2 * 86_400 ? HOURS : DAYS;
        }

        public String label() {
            return Messages.text(key);
        }
    }

    private final StatsService service;
    private final TaskRunner tasks;
    private final Navigator navigator;
    private final SignedInUser user;
    private final int staleDays;
    private final ZoneId zone;
    private final Clock clock;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<JobOption> job = new SimpleObjectProperty<>();
    private final ObservableList<JobOption> jobs = FXCollections.observableArrayList();
    private final StringProperty jobSearch = new SimpleStringProperty("");
    /** Answers to an older text are dropped: only the last search typed fills the list. */
    private long jobSearchSequence;
    private final ObjectProperty<StatsService.Overview> overview = new SimpleObjectProperty<>();
    private final ObservableList<Funnel.Step> funnel = FXCollections.observableArrayList();
    private final ObservableList<TimeRow> times = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> timesChart = FXCollections.observableArrayList();
    private final StringProperty timesAxis = new SimpleStringProperty(
            Messages.format("stats.axis.median", DurationUnit.HOURS.label()));
    private final ObservableList<StaleApplication> stale = FXCollections.observableArrayList();
    private final ObservableList<Trends.WeekCount> weeks = FXCollections.observableArrayList();
    private final ObservableList<Trends.SourceCount> sources = FXCollections.observableArrayList();
    private final ObservableList<Trends.JobCount> topJobs = FXCollections.observableArrayList();
    private final ObservableList<JobSummary> summary = FXCollections.observableArrayList();
    private final StringProperty summaryAsOf = new SimpleStringProperty("");
    private final StringProperty dataSource = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private boolean jobsLoaded;
    private boolean badDate;
    private boolean settingPeriod;

    public StatsViewModel(SignedIn signedIn, Navigator navigator, StatsSettings settings) {
        this(new StatsService(signedIn.unitOfWork(), ReplicaSource.of(settings, signedIn.unitOfWork())), signedIn,
                navigator, settings);
    }

    /** With the service the workspace built (over the replica the settings name, or the main database). */
    public StatsViewModel(StatsService service, SignedIn signedIn, Navigator navigator, StatsSettings settings) {
        this(service, signedIn.tasks(), navigator, signedIn.user(), settings.staleDays(), ZoneId.systemDefault());
    }

    StatsViewModel(StatsService service, TaskRunner tasks, Navigator navigator, SignedInUser user, int staleDays,
                   ZoneId zone) {
        this(service, tasks, navigator, user, staleDays, zone, Clock.system(zone));
    }

    StatsViewModel(StatsService service, TaskRunner tasks, Navigator navigator, SignedInUser user, int staleDays,
                   ZoneId zone, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.tasks = tasks;
        this.navigator = navigator;
        this.user = user;
        this.staleDays = staleDays;
        this.zone = zone;
        jobSearch.addListener((o, was, typed) -> findJobs(typed));
    }

    /** At sign-out: lets go of the read replica's connections. */
    public void close() {
        service.close();
    }

    /** Reads every panel again for the current filters (one transaction; each panel one statement). */
    public void reload() {
        StatsQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            errorMessage.set(Messages.text("stats.periodBackwards"));
            return;
        }
        loading.set(true);
        boolean withJobs = !jobsLoaded;
        String typed = jobSearch.get();
        tasks.run(() -> new Loaded(service.overview(query), withJobs ? service.jobs(query, typed) : null,
                        service.activeJobsSummary()),
                loaded -> {
                    show(loaded.overview());
                    if (loaded.jobs() != null) {
                        jobs.setAll(loaded.jobs());
                        jobsLoaded = true;
                    }
                    showSummary(loaded.summary());
                    errorMessage.set("");
                    loading.set(false);
                },
                this::failed);
    }

    private record Loaded(StatsService.Overview overview, List<JobOption> jobs, List<JobSummary> summary) {
    }

    StatsQuery query() {
        JobOption chosen = job.get();
        return StatsQuery.of(user, chosen == null ? null : chosen.id(), from.get(), to.get(), staleDays);
    }

    private void show(StatsService.Overview o) {
        overview.set(o);
        funnel.setAll(o.funnel().steps());
        List<TimeMetric> inOrder = funnelOrder(o.times());
        times.setAll(inOrder.stream().map(StatsViewModel::timeRow).toList());
        DurationUnit unit = DurationUnit.fitting(o.times().stream().mapToDouble(TimeMetric::medianSeconds).max()
                .orElse(0));
        timesAxis.set(Messages.format("stats.axis.median", unit.label()));
        timesChart.setAll(timesChartPoints(inOrder, unit));
        stale.setAll(o.stale());
        weeks.setAll(o.trends().weeks());
        sources.setAll(o.trends().sources());
        topJobs.setAll(o.trends().topJobs());
        dataSource.set(describe(o.source()));
    }

    private void showSummary(List<JobSummary> rows) {
        summary.setAll(rows);
        OffsetDateTime asOf = rows.isEmpty() ? null : rows.get(0).refreshedAt();
        summaryAsOf.set(asOf == null ? Messages.text("stats.summary.noRows") : Messages.format("stats.summary.asOf",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Messages.locale()).format(asOf.atZoneSameInstant(zone))));
    }

    /** Refreshes the materialized summary (at most once a minute on the server) and shows it again. */
    public void refreshSummary() {
        tasks.run(() -> {
            service.refreshActiveJobsSummary();
            return service.activeJobsSummary();
        }, this::showSummary, this::failed);
    }

    /** The stale application's board, where it can be moved on. */
    public void openStale(StaleApplication application) {
        if (application != null) {
            navigator.showBoard(application.jobId());
        }
    }

    public String csv(StatsTable table) {
        StatsService.Overview o = overview.get();
        if (o == null) {
            return "";
        }
        return StatsExport.csv(table, o, List.copyOf(summary), Messages.locale(), zone);
    }

    /**
     * Writes a table as CSV in the language's dialect (';' and decimal comma in French), UTF-8 with a byte order
     * mark so spreadsheet programs read the accents.
     */
    public void exportCsv(StatsTable table, Path file) {
        String content = csv(table);
        tasks.run(() -> {
            Files.writeString(file, "\uFEFF" + content, StandardCharsets.UTF_8);
            return file;
        }, written -> notice.set(Messages.format("stats.exported", written.getFileName())), this::failed);
    }

    /** Writes the printable report; {@code charts} are PNG images of the screen's charts (may be empty). */
    public void exportPdf(Path file, List<ChartImage> charts) {
        StatsService.Overview o = overview.get();
        if (o == null) {
            return;
        }
        String title = Messages.format("stats.pdf.title", user.companyName() == null ? user.displayName()
                : user.companyName());
        String filters = describeFilters();
        String applicationsCaption = applicationsCaption();
        tasks.run(() -> {
            StatsPdf.write(file, title, filters, applicationsCaption, o, charts);
            return file;
        }, written -> notice.set(Messages.format("stats.exported", written.getFileName())), this::failed);
    }

    /** Sets the period to a preset ending today, where the person is, and reads again. */
    public void applyPreset(StatsDates.Preset preset) {
        LocalDate today = LocalDate.now(clock);
        setPeriod(preset.from(today), today);
    }

    /** Both ends at once, read once (one end alone could make a backward period for a moment). */
    public void setPeriod(LocalDate start, LocalDate end) {
        settingPeriod = true;
        try {
            from.set(start);
            to.set(end);
        } finally {
            settingPeriod = false;
        }
        reload();
    }

    /** A filter changed on screen: read again, unless {@link #setPeriod} is setting both ends. */
    public void filtersChanged() {
        if (!settingPeriod) {
            reload();
        }
    }

    /**
     * Reads and shows dates as the interface language writes them (not the system's); text that is not a date
     * leaves {@code target} as it was and says why, in the form the person should type.
     */
    public StringConverter<LocalDate> dateConverter(ObjectProperty<LocalDate> target) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return StatsDates.format(date, Messages.locale());
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    LocalDate date = StatsDates.parse(text, Messages.locale());
                    if (badDate) {
                        badDate = false;
                        errorMessage.set("");
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    badDate = true;
                    errorMessage.set(Messages.format("stats.badDate", text.trim(),
                            StatsDates.format(LocalDate.now(clock), Messages.locale())));
                    return target.get();
                }
            }
        };
    }

    /**
     * The caption of the applications figure: those that arrived in the period (or ever). "New" is the job list's
     * word for applications since the job was last opened, so the statistics do not use it.
     */
    public String applicationsCaption() {
        return Messages.text(from.get() == null && to.get() == null ? "stats.figure.applicationsAllTime"
                : "stats.figure.applications");
    }

    String describeFilters() {
        JobOption chosen = job.get();
        String jobText = chosen == null ? Messages.text("stats.allJobs") : chosen.title();
        String period = from.get() == null && to.get() == null ? Messages.text("stats.allTime")
                : Messages.format("stats.period",
                from.get() == null ? "…" : StatsDates.format(from.get(), Messages.locale()),
                to.get() == null ? "…" : StatsDates.format(to.get(), Messages.locale()));
        return jobText + " · " + period + " · " + dataSource.get();
    }

    static String describe(DataSourceReport source) {
        if (source.replica()) {
            if (!source.standby() || source.lagSeconds() == null) {
                return Messages.text("stats.source.replicaNotStandby");
            }
            return Messages.format("stats.source.replica", duration(source.lagSeconds()));
        }
        if (source.replicaConfigured()) {
            return Messages.format("stats.source.fallback", source.fallbackReason() == null ? ""
                    : source.fallbackReason());
        }
        return Messages.text("stats.source.primary");
    }

    /** First view, then the stages as the funnel goes, then hire (the query gives them by name). */
    static List<TimeMetric> funnelOrder(List<TimeMetric> metrics) {
        return metrics.stream().sorted(java.util.Comparator.comparingInt(m -> switch (m.metric()) {
            case TimeMetric.FIRST_VIEW -> -1;
            case TimeMetric.HIRE -> 100;
            default -> ApplicationStatus.fromLabel(m.metric().substring(TimeMetric.STAGE_PREFIX.length())).ordinal();
        })).toList();
    }

    static TimeRow timeRow(TimeMetric m) {
        String label = switch (m.metric()) {
            case TimeMetric.FIRST_VIEW -> Messages.text("stats.time.firstView");
            case TimeMetric.HIRE -> Messages.text("stats.time.hire");
            default -> Messages.format("stats.time.stage",
                    ApplicationStatus.fromLabel(m.metric().substring(TimeMetric.STAGE_PREFIX.length())).displayName());
        };
        return new TimeRow(label, m.count(), duration(m.medianSeconds()), duration(m.p90Seconds()));
    }

    /**
     * The medians in one unit, each shown with it, so no bar of hours stands beside a bar of days. Short names
     * (the table beside it has the long ones): with every measure present, as in the demo since issue 23, the long
     * ones were turned upright and left the bars a strip of a few pixels at 1280x720.
     */
    static List<ChartPoint> timesChartPoints(List<TimeMetric> metrics, DurationUnit unit) {
        return metrics.stream().map(m -> {
            double value = m.medianSeconds() / unit.seconds;
            String label = switch (m.metric()) {
                case TimeMetric.FIRST_VIEW -> Messages.text("stats.time.firstView.short");
                case TimeMetric.HIRE -> Messages.text("stats.time.hire.short");
                default -> ApplicationStatus.fromLabel(m.metric().substring(TimeMetric.STAGE_PREFIX.length()))
                        .displayName();
            };
            return new ChartPoint(label, value,
                    Messages.format("stats.valueWithUnit", decimal(value), unit.label()));
        }).toList();
    }

    /** An axis's numbers with the language's digit grouping and decimal mark: "1 750" and "2,5" in French. */
    public static StringConverter<Number> axisNumbers() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : decimal(n.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null
                            : java.text.NumberFormat.getNumberInstance(Messages.locale()).parse(text.trim());
                } catch (java.text.ParseException e) {
                    return null;
                }
            }
        };
    }

    /** A count axis: whole numbers only (no "0,5 application" tick when the counts are small). */
    public static StringConverter<Number> axisCounts() {
        StringConverter<Number> numbers = axisNumbers();
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null || n.doubleValue() != Math.rint(n.doubleValue()) ? "" : numbers.toString(n);
            }

            @Override
            public Number fromString(String text) {
                return numbers.fromString(text);
            }
        };
    }

    /** At most one decimal, grouped digits, in the interface language. */
    public static String decimal(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Messages.locale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A week's Monday as the app writes dates. */
    public static String week(LocalDate monday) {
        return StatsDates.format(monday, Messages.locale());
    }

    /** "45 s", "12 min", "5.5 h", "3.2 d": the unit that keeps the number readable. */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return Messages.format("stats.duration.seconds", Math.round(seconds));
        }
        if (seconds < 3600) {
            return Messages.format("stats.duration.minutes", Math.round(seconds / 60));
        }
        if (seconds < 2 * 86_400) {
            return Messages.format("stats.duration.hours", seconds / 3600);
        }
        return Messages.format("stats.duration.days", seconds / 86_400);
    }

    public static String percent(Double rate) {
        return rate == null ? "–" : Messages.format("stats.percent", rate);
    }

    public static String sourceLabel(String source) {
        return source == null ? Messages.text("stats.source.direct") : source;
    }

    public static String stageLabel(Funnel.Stage stage) {
        return ApplicationStatus.valueOf(stage.name()).displayName();
    }

    private void failed(Throwable failure) {
        String message = SqlErrors.describe(failure);
        log.error("Statistics: {}", message, failure);
        errorMessage.set(message);
        loading.set(false);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<JobOption> jobProperty() {
        return job;
    }

    /** What the person typed to find a job for the filter; each change reads the matching jobs again. */
    public StringProperty jobSearchProperty() {
        return jobSearch;
    }

    private void findJobs(String typed) {
        if (!jobsLoaded) {
            return;
        }
        long sequence = ++jobSearchSequence;
        StatsQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            return;
        }
        tasks.run(() -> service.jobs(query, typed), found -> {
            if (sequence == jobSearchSequence) {
                jobs.setAll(found);
            }
        }, this::failed);
    }

    public ObservableList<JobOption> jobs() {
        return jobs;
    }

    public ReadOnlyObjectProperty<StatsService.Overview> overviewProperty() {
        return overview;
    }

    public ObservableList<Funnel.Step> funnel() {
        return funnel;
    }

    public ObservableList<TimeRow> times() {
        return times;
    }

    /** The durations chart: medians in {@link #timesAxisProperty()}'s unit. */
    public ObservableList<ChartPoint> timesChart() {
        return timesChart;
    }

    public ReadOnlyStringProperty timesAxisProperty() {
        return timesAxis;
    }

    public ObservableList<StaleApplication> stale() {
        return stale;
    }

    public ObservableList<Trends.WeekCount> weeks() {
        return weeks;
    }

    public ObservableList<Trends.SourceCount> sources() {
        return sources;
    }

    public ObservableList<Trends.JobCount> topJobs() {
        return topJobs;
    }

    public ObservableList<JobSummary> summary() {
        return summary;
    }

    public ReadOnlyStringProperty summaryAsOfProperty() {
        return summaryAsOf;
    }

    public ReadOnlyStringProperty dataSourceProperty() {
        return dataSource;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public int staleDays() {
        return staleDays;
    }
}
