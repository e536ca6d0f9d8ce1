package co.intowork.recruiter.common.db;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    public record Status(State state, String currentVersion, String latestVersion, List<String> pending,
                         boolean ahead, List<String> missingPlatformColumns) {
        public boolean upToDate() {
            return state == State.MANAGED && pending.isEmpty() && !ahead;
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
        try (SqlSession session = inspection.openSession(true)) {
            SchemaInspectionMapper mapper = session.getMapper(SchemaInspectionMapper.class);
            history = mapper.historyTableExists();
            columns = mapper.publicColumns();
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
            return new Status(State.MANAGED, current == null ? "0" : current.getVersion().getVersion(), latest,
                    pending, ahead, List.of());
        }
        List<String> pendingAll = Arrays.stream(all).map(i -> i.getVersion() + " " + i.getDescription()).toList();
        if (columns.isEmpty()) {
            return new Status(State.EMPTY, "none", latest, pendingAll, false, List.of());
        }
        Set<String> present = new HashSet<>(columns);
        List<String> missing = new ArrayList<>();
        for (String expected : platformColumns()) {
            if (!present.contains(expected)) {
                missing.add(expected);
            }
        }
        if (missing.isEmpty()) {
            return new Status(State.PLATFORM_UNMANAGED, "platform (not yet adopted)", latest,
                    pendingAll.stream().filter(p -> !p.startsWith("1 ")).toList(), false, List.of());
        }
        return new Status(State.FOREIGN, "unknown", latest, List.of(), false, missing);
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
                if (!baseline) {
                    throw new UserFacingException("This database already holds the INTOWORK platform schema but "
                            + "has never been migrated by IntoWork Recruiter. Run `intowork-recruiter migrate "
                            + "--baseline` once to adopt it (it keeps every row); nothing was changed.");
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
        MigrateResult result = flyway.migrate();
        log.info("Migrated schema from {} to {} ({} migrations)", result.initialSchemaVersion,
                result.targetSchemaVersion, result.migrationsExecuted);
        String to = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : (status.state() == State.PLATFORM_UNMANAGED ? "1" : status.currentVersion());
        return new Result(status.currentVersion(), to, result.migrationsExecuted,
                status.state() == State.PLATFORM_UNMANAGED);
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
