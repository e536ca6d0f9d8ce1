package co.intowork.recruiter.common.db.admin;

import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.common.db.SqlErrors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code maintain} command's work: purge expired sessions and tokens, archive old notifications, validate
 * the NOT VALID rules whose offending rows have been corrected, and refresh the job summary view. Each step runs
 * in its own transaction, so one failing step (reported in {@link MaintenanceReport#problems()}) does not undo
 * the others. Run it daily.
 */
public final class MaintenanceService {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

    /** The mappers this service needs, for a caller that builds one shared SqlSessionFactory. */
    public static final List<Class<?>> MAPPERS = List.of(MaintenanceMapper.class);

    /** Read notifications older than this many days are archived. */
    public static final int DEFAULT_READ_RETENTION_DAYS = 90;
    /** Unread notifications older than this many days are archived too. */
    public static final int DEFAULT_UNREAD_RETENTION_DAYS = 365;

    private final SqlSessionFactory factory;

    public MaintenanceService(DataSource dataSource) {
        this(MyBatisFactory.create(dataSource, MAPPERS));
    }

    /** @param factory a factory with {@link #MAPPERS} registered */
    public MaintenanceService(SqlSessionFactory factory) {
        this.factory = factory;
    }

    public MaintenanceReport run() {
        return run(DEFAULT_READ_RETENTION_DAYS, DEFAULT_UNREAD_RETENTION_DAYS);
    }

    public MaintenanceReport run(int readRetentionDays, int unreadRetentionDays) {
        if (readRetentionDays < 1 || unreadRetentionDays < 1) {
            throw new IllegalArgumentException("Retention periods must be at least one day");
        }
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Integer sessions = step("Purging expired sessions", problems, MaintenanceMapper::purgeExpiredSessions);
        Integer desktopSessions = step("Purging ended desktop sessions", problems,
                MaintenanceMapper::purgeClientSessions);
        Integer resetTokens = step("Purging password reset tokens", problems,
                MaintenanceMapper::purgePasswordResetTokens);
        Integer verificationTokens = step("Purging verification tokens", problems,
                MaintenanceMapper::purgeExpiredVerificationTokens);
        Integer notifications = step("Archiving old notifications", problems,
                m -> m.archiveOldNotifications(readRetentionDays, unreadRetentionDays));
        List<MaintenanceReport.ConstraintValidation> constraints = step("Validating corrected rules", problems,
                MaintenanceMapper::validateCheckConstraints);
        // the triggers keep it exact; this repairs what a race during V21's first fill on a live database missed
        Long visibilityRepairs = step("Checking which candidates each company may see", problems,
                MaintenanceMapper::reconcileCompanyCandidates);
        // likewise for the per-job counts (V30), and for bulk loads that ran with triggers off
        Long countRepairs = step("Recounting applications per job", problems,
                MaintenanceMapper::recountApplicationsPerJob);
        // the statistics rollups (V32): drift is expected to be zero; a bulk load with triggers off is repaired
        Long statisticsRepairs = step("Recounting the statistics rollups", problems,
                MaintenanceMapper::recountStatistics);
        // the job and candidate search rows (V41, V61): bulk loads with triggers off leave them behind
        Long searchTermRepairs = step("Checking the job and candidate search indexes", problems,
                MaintenanceMapper::rebuildSearchTerms);
        // the recruiters' names (V48), likewise
        Long recruiterNameRepairs = step("Checking the recruiter name list", problems,
                MaintenanceMapper::rebuildRecruiterNames);
        // the jobs' tags (V51), likewise
        Long jobTagRepairs = step("Checking the jobs' tags", problems, MaintenanceMapper::rebuildJobTags);
        // the live board's change events (V42, decision 0021): a client away longer reloads what it shows
        step("Pruning live-board change events older than 7 days", problems, MaintenanceMapper::pruneChangeEvents);
        // normally delivered within seconds by any signed-in client; this covers a night with none (decision 0018)
        step("Delivering candidates' notifications past their undo window", problems, m -> {
            m.deliverDueStatusNotifications();
            return null;
        });
        OffsetDateTime refreshed = step("Refreshing the job summary", problems,
                MaintenanceMapper::refreshActiveJobsSummary);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        MaintenanceReport report = new MaintenanceReport(sessions, desktopSessions, resetTokens, verificationTokens, notifications,
                readRetentionDays, unreadRetentionDays, constraints == null ? List.of() : constraints,
                visibilityRepairs, countRepairs, statisticsRepairs, searchTermRepairs, recruiterNameRepairs, jobTagRepairs,
                refreshed,
                problems, elapsed);
        log.info("Maintenance: sessions={}, resetTokens={}, verificationTokens={}, notificationsArchived={}, "
                        + "summaryRefreshedAt={}, problems={}, {} ms", sessions, resetTokens, verificationTokens,
                notifications, refreshed, problems.size(), elapsed);
        return report;
    }

    private <T> T step(String what, List<String> problems, Function<MaintenanceMapper, T> work) {
        try (SqlSession session = factory.openSession(true)) {
            return work.apply(session.getMapper(MaintenanceMapper.class));
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
            problems.add(what + " failed: " + SqlErrors.describe(e));
            return null;
        }
    }
}
