package co.intowork.recruiter.common.db;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Flyway over the shared database. V1 is the web platform's own schema; everything the client adds later
 * lives in the {@code recruiter} schema, Flyway's history included, so the platform's {@code public} schema
 * only gains constraints, indexes and columns.
 */
public final class Migrator {
    private static final Logger log = LoggerFactory.getLogger(Migrator.class);
    public static final String SCHEMA = "recruiter";
    static final String PLATFORM_COLUMNS = "/co/intowork/recruiter/common/db/platform-v1-columns.txt";

    public enum State {
        /** Nothing in public and no history: V1 creates the platform schema. */
        EMPTY,
        /** The platform's tables without our history: adopt it with {@code migrate --baseline}. */
        PLATFORM_UNMANAGED,
        /** Flyway history present. */
        MANAGED,
        /** Tables that are not the platform's: refuse. */
        FOREIGN
    }

    /**
     * @param adoptedDifferences before adoption: how this platform database differs from V1 in ways the client
     *                           adopts (the platform's own shapes)
     * @param problems           before adoption: differences that refuse it, each with what to do about it
     * @param failures           a migration that failed or stopped midway and has not been finished since:
     *                           Flyway's FAILED records and the failures Migrator recorded
     */
    public record Status(State state, String currentVersion, String latestVersion, List<String> pending,
                         boolean ahead, List<String> missingPlatformColumns, List<String> adoptedDifferences,
                         List<String> problems, List<String> failures) {
        public boolean upToDate() {
            return state == State.MANAGED && pending.isEmpty() && !ahead && failures.isEmpty();
        }

        public boolean failed() {
            return !failures.isEmpty();
        }
    }

    public record Result(String fromVersion, String toVersion, int applied, boolean baselined) {
    }

    private final DataSource dataSource;
    private final SqlSessionFactory inspection;

    public Migrator(DataSource dataSource) {
        this.dataSource = dataSource;
        this.inspection = MyBatisFactory.create(dataSource, List.of(SchemaInspectionMapper.class));
    }

    private Flyway flyway(String target) {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(new NoSocketTimeout(dataSource))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:db/migration")
                .baselineVersion("1")
                .baselineDescription("INTOWORK platform schema (adopted)")
                .placeholderReplacement(false)
                // Timeouts for migrations are set and reset by the beforeEachMigrate/afterEachMigrate callbacks
                // in db/migration.
                .mixed(true)
                // A session-level advisory lock: with Flyway's default transactional lock, the lock's open
                // transaction makes CREATE INDEX CONCURRENTLY (run on another connection) wait for it forever,
                // or until lock_timeout (55P03).
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
                .load();
    }

    public Status inspect() {
        boolean history;
        List<String> columns;
        List<String> recorded = List.of();
        PlatformShape.Found found = null;
        try (SqlSession session = inspection.openSession(true)) {
            SchemaInspectionMapper mapper = session.getMapper(SchemaInspectionMapper.class);
            history = mapper.historyTableExists();
            columns = mapper.publicColumns();
            if (history && mapper.failureRecordExists()) {
                recorded = mapper.unresolvedFailures();
            }
            if (!history && !columns.isEmpty()) {
                List<String> shapes = mapper.publicColumnShapes();
                found = new PlatformShape.Found(shapes, mapper.publicUniqueKeys(), mapper.applicationStatusType(),
                        mapper.applicationStatusLabels(),
                        PlatformShape.statusIsString(shapes) ? mapper.unknownApplicationStatuses() : List.of(),
                        new HashSet<>(mapper.publicIndexAndCheckNames()), new HashSet<>(mapper.publicColumnDefaults()));
            }
        }
        Flyway flyway = flyway(null);
        MigrationInfo[] all = flyway.info().all();
        String latest = Arrays.stream(all).filter(i -> i.getVersion() != null)
                .map(i -> i.getVersion().getVersion()).reduce((a, b) -> b).orElse("0");
        if (history) {
            MigrationInfo current = flyway.info().current();
            List<String> pending = Arrays.stream(flyway.info().pending())
                    .map(i -> i.getVersion() + " " + i.getDescription()).toList();
            boolean ahead = Arrays.stream(all).anyMatch(i -> i.getState().name().startsWith("FUTURE"));
            List<String> failures = new ArrayList<>();
            Arrays.stream(all).filter(i -> i.getState() == MigrationState.FAILED)
                    .forEach(i -> failures.add("V" + i.getVersion() + " " + i.getDescription() + " stopped midway "
                            + "(it runs outside a transaction: the steps it finished stay; the next migrate runs it "
                            + "again from the start)"));
            failures.addAll(recorded);
            return new Status(State.MANAGED, current == null ? "0" : current.getVersion().getVersion(), latest,
                    pending, ahead, List.of(), List.of(), List.of(), List.copyOf(failures));
        }
        List<String> pendingAll = Arrays.stream(all).map(i -> i.getVersion() + " " + i.getDescription()).toList();
        if (columns.isEmpty()) {
            return new Status(State.EMPTY, "none", latest, pendingAll, false, List.of(), List.of(), List.of(),
                    List.of());
        }
        Set<String> present = new HashSet<>(columns);
        List<String> missing = new ArrayList<>();
        for (String expected : platformColumns()) {
            if (!present.contains(expected) && !PlatformShape.addedWhenAbsent(expected)) {
                missing.add(expected);
            }
        }
        PlatformShape.Comparison comparison = PlatformShape.compare(found);
        if (missing.isEmpty()) {
            return new Status(State.PLATFORM_UNMANAGED, "platform (not yet adopted)", latest,
                    pendingAll.stream().filter(p -> !p.startsWith("1 ")).toList(), false, List.of(),
                    comparison.adopted(), comparison.problems(), List.of());
        }
        return new Status(State.FOREIGN, "unknown", latest, List.of(), false, missing, List.of(),
                comparison.problems(), List.of());
    }

    /**
     * Brings the schema to {@code target} (or the latest version). An existing platform database is adopted
     * only when {@code baseline} is asked for, so nobody adopts a production database by accident.
     */
    public Result migrate(boolean baseline, String target, Consumer<String> progress) {
        Status status = inspect();
        Flyway flyway = flyway(target);
        switch (status.state()) {
            case FOREIGN -> throw new UserFacingException("This database is neither empty nor an INTOWORK "
                    + "platform database (" + status.missingPlatformColumns().size() + " expected columns are "
                    + "missing, for example " + String.join(", ", status.missingPlatformColumns().stream()
                    .limit(3).toList()) + "). Point the app at the INTOWORK database, or at an empty one; "
                    + "nothing was changed.");
            case PLATFORM_UNMANAGED -> {
                if (!status.problems().isEmpty()) {
                    throw new UserFacingException("This INTOWORK platform database cannot be adopted as it is; "
                            + "nothing was changed. What differs from what IntoWork Recruiter relies on, and what "
                            + "to do:\n" + bullets(status.problems())
                            + "\nThen run `intowork-recruiter migrate --baseline` again.");
                }
                if (!baseline) {
                    throw new UserFacingException("This database already holds the INTOWORK platform schema but "
                            + "has never been migrated by IntoWork Recruiter. Run `intowork-recruiter migrate "
                            + "--baseline` once to adopt it (it keeps every row); nothing was changed.");
                }
                if (!status.adoptedDifferences().isEmpty()) {
                    progress.accept("Found the platform's schema with these differences, adopted as they are:\n"
                            + bullets(status.adoptedDifferences()));
                    log.info("Adopting a platform database that differs from V1: {}", status.adoptedDifferences());
                }
                progress.accept("Adopting the existing platform schema as version 1");
                flyway.baseline();
                log.info("Baselined existing platform database at version 1");
            }
            case EMPTY, MANAGED -> {
                if (status.ahead()) {
                    throw new UserFacingException("The database schema (version " + status.currentVersion()
                            + ") is newer than this version of IntoWork Recruiter knows (" + status.latestVersion()
                            + "). Install the latest IntoWork Recruiter.");
                }
            }
            default -> throw new IllegalStateException(status.state().name());
        }
        if (Arrays.stream(flyway.info().all()).anyMatch(i -> i.getState() == MigrationState.FAILED)) {
            // Only a non-transactional migration can leave a FAILED record; every one of ours is written to be
            // re-run, so clearing the record and running it again is the recovery.
            progress.accept("Clearing the record of a migration that failed midway, to run it again");
            flyway.repair();
            log.warn("Repaired a failed migration record before migrating");
        }
        progress.accept("Applying migrations");
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw failed(e);
        }
        resolveRecordedFailures();
        log.info("Migrated schema from {} to {} ({} migrations)", result.initialSchemaVersion,
                result.targetSchemaVersion, result.migrationsExecuted);
        String to = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : (status.state() == State.PLATFORM_UNMANAGED ? "1" : status.currentVersion());
        return new Result(status.currentVersion(), to, result.migrationsExecuted,
                status.state() == State.PLATFORM_UNMANAGED);
    }

    /**
     * Words a failed migrate for the console: the first error (not a callback's follow-on "current transaction is
     * aborted"), the migration it stopped in and the state it left; records it for {@code migrate --status}.
     */
    private UserFacingException failed(FlywayException e) {
        SQLException cause = firstCause(e);
        String sqlState = cause == null ? null : cause.getSQLState();
        String why = cause == null ? e.getMessage() : firstLine(cause.getMessage());
        MigrationInfo migration = e instanceof FlywayMigrateException m ? m.getMigration() : null;
        String stateNow;
        String version = null;
        String description = null;
        try {
            Flyway flyway = flyway(null);
            MigrationInfo[] all = flyway.info().all();
            MigrationInfo failedRecord = Arrays.stream(all).filter(i -> i.getState() == MigrationState.FAILED)
                    .findFirst().orElse(null);
            if (migration == null) {
                migration = failedRecord != null ? failedRecord
                        : Arrays.stream(flyway.info().pending()).findFirst().orElse(null);
            }
            MigrationInfo current = flyway.info().current();
            String at = current == null || current.getVersion() == null ? "none"
                    : current.getVersion().getVersion();
            int pending = flyway.info().pending().length;
            if (failedRecord != null) {
                stateNow = "V" + failedRecord.getVersion() + " runs outside a transaction and stopped midway: the "
                        + "steps it finished stay (each is written to be run again); the database is otherwise at "
                        + "version " + at + ".";
            } else {
                stateNow = "Its changes were rolled back: the database is at version " + at + ", with " + pending
                        + " migration(s) still to apply; the web platform keeps working on it.";
            }
        } catch (RuntimeException infoFailure) {
            log.warn("Could not read the migration history after a failed migrate", infoFailure);
            stateNow = "The database's state could not be read afterwards (" + firstLine(infoFailure.getMessage())
                    + ").";
        }
        if (migration != null && migration.getVersion() != null) {
            version = migration.getVersion().getVersion();
            description = migration.getDescription();
        }
        String which = version == null ? "The migrate" : "Migration V" + version + " (" + description + ")";
        String message = which + " failed: " + why + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]") + ". "
                + stateNow + " " + remedy(sqlState)
                + " Then run `intowork-recruiter migrate` again: it resumes where it stopped.";
        // Logged once, by whoever shows it (the CLI's handler, the window's error report), with this cause.
        record(version, description, sqlState, why, stateNow);
        return new UserFacingException(message, e);
    }

    private static String remedy(String sqlState) {
        if (sqlState == null) {
            return "See the log for the details.";
        }
        return switch (sqlState) {
            case "55P03" -> "Another session held a lock the migration needed for longer than the migration's lock "
                    + "timeout: find it (SELECT pid, state, query FROM pg_stat_activity WHERE wait_event_type IS "
                    + "NULL AND state LIKE 'idle in transaction%') and let it finish, or run the migration when the "
                    + "platform is quiet.";
            case "57014" -> "A statement was cancelled (statement timeout or an administrator).";
            case "42P07", "42710", "42723", "42P13" -> "An object with the same name, not made by this migration, already "
                    + "exists: rename or drop it if nothing uses it.";
            case "23505", "23514", "23502", "23503" -> "Rows in the database break the rule this migration adds: "
                    + "correct them.";
            case "42501" -> "The database user lacks a privilege: migrate as the database's owner.";
            default -> "Remove the cause above.";
        };
    }

    /** The first SQL error in the chain, skipping "current transaction is aborted" (25P02), a mere consequence. */
    static SQLException firstCause(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        collect(failure, found, new HashSet<>());
        return found.stream().filter(x -> !"25P02".equals(x.getSQLState())).findFirst()
                .orElse(found.isEmpty() ? null : found.get(0));
    }

    private static void collect(Throwable t, List<SQLException> found, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof SQLException sql) {
            found.add(sql);
            collect(sql.getNextException(), found, seen);
        }
        collect(t.getCause(), found, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, found, seen);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.startsWith("ERROR: ") ? line.substring(7) : line;
    }

    private void record(String version, String description, String sqlState, String cause, String stateNow) {
        try (SqlSession session = inspection.openSession(true)) {
            SchemaInspectionMapper mapper = session.getMapper(SchemaInspectionMapper.class);
            if (mapper.failureRecordExists()) {
                mapper.recordFailure(version, description, sqlState, cause, stateNow);
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the failed migration in recruiter.migration_failures", e);
        }
    }

    private void resolveRecordedFailures() {
        try (SqlSession session = inspection.openSession(true)) {
            SchemaInspectionMapper mapper = session.getMapper(SchemaInspectionMapper.class);
            if (mapper.failureRecordExists() && mapper.resolveFailures() > 0) {
                log.info("A migrate finished: earlier recorded failures are resolved");
            }
        }
    }

    private static String bullets(List<String> lines) {
        return String.join("\n", lines.stream().map(l -> "  - " + l).toList());
    }

    static List<String> platformColumns() {
        try (InputStream in = Migrator.class.getResourceAsStream(PLATFORM_COLUMNS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + PLATFORM_COLUMNS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Flyway's connections without the pool's socket timeout, which is meant to notice a dead server behind the
     * interactive 30-second statement limit: a migration's single statement (a backfill, V33) legitimately runs
     * for minutes, and beforeEachMigrate already lifts the statement timeout. The pool restores the socket timeout
     * when the connection returns.
     */
    private record NoSocketTimeout(DataSource pool) implements DataSource {
        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            return unlimited(pool.getConnection());
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
            return unlimited(pool.getConnection(user, password));
        }

        private static java.sql.Connection unlimited(java.sql.Connection c) throws java.sql.SQLException {
            c.setNetworkTimeout(Runnable::run, 0);
            return c;
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws java.sql.SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws java.sql.SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws java.sql.SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws java.sql.SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            return pool.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws java.sql.SQLException {
            return pool.isWrapperFor(iface);
        }
    }
}
