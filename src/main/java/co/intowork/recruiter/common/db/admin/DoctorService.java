package co.intowork.recruiter.common.db.admin;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.common.db.SqlErrors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code doctor} command's checks: connectivity, TLS, server version, schema version and pending migrations,
 * expected indexes, NOT VALID constraints, cache hit ratio, sizes, unused indexes, slow statements. Read-only.
 * Every check is independent: one that fails (for lack of a privilege, say) becomes a warning, not a crash.
 */
public final class DoctorService {
    private static final Logger log = LoggerFactory.getLogger(DoctorService.class);

    /** The mappers this service needs, for a caller that builds one shared SqlSessionFactory. */
    public static final List<Class<?>> MAPPERS = List.of(DoctorMapper.class, ClientLoginMapper.class);
    /** An int4 id sequence past this share of its range gets a warning (the platform's ids are serial). */
    static final double SEQUENCE_WARNING_PERCENT = 50;

    /** The indexes the migrations create, one "schema.name" a line; kept next to the mapper XML. */
    public static final String EXPECTED_INDEXES = "/co/intowork/recruiter/common/db/admin/expected-indexes.txt";

    static final double CACHE_HIT_WARNING = 0.99;
    static final long CACHE_MIN_BLOCKS = 10_000;
    static final Duration SUMMARY_MAX_AGE = Duration.ofHours(26);

    private final SqlSessionFactory factory;
    private final Supplier<Migrator.Status> schemaStatus;

    public DoctorService(DataSource dataSource) {
        this(MyBatisFactory.create(dataSource, MAPPERS), new Migrator(dataSource)::inspect);
    }

    /**
     * @param factory      a factory with {@link #MAPPERS} registered
     * @param schemaStatus usually {@code migrator::inspect}
     */
    public DoctorService(SqlSessionFactory factory, Supplier<Migrator.Status> schemaStatus) {
        this.factory = factory;
        this.schemaStatus = schemaStatus;
    }

    public DoctorReport check() {
        OffsetDateTime checkedAt = OffsetDateTime.now();
        List<String> warnings = new ArrayList<>();
        long roundTrip;
        String serverVersion;
        String database;
        String user;
        try (SqlSession session = factory.openSession(true)) {
            DoctorMapper m = session.getMapper(DoctorMapper.class);
            long start = System.nanoTime();
            m.ping();
            roundTrip = (System.nanoTime() - start) / 1_000_000;
            serverVersion = m.serverVersion();
            database = m.currentDatabase();
            user = m.currentUser();
        } catch (RuntimeException e) {
            log.warn("doctor: no connection", e);
            String why = SqlErrors.describe(e);
            return new DoctorReport(false, why, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, List.of(why), checkedAt);
        }

        try (SqlSession session = factory.openSession(true)) {
            DoctorMapper m = session.getMapper(DoctorMapper.class);
            Checks checks = new Checks(m, warnings);

            DoctorReport.Tls tls = checks.run("TLS", DoctorMapper::tls);
            DoctorReport.Topology topology = checks.run("pooler and standby", ignored -> TopologyProbe.probe(factory));
            if (topology != null) {
                TopologyProbe.warnings(topology, warnings);
            }
            if (tls != null && !tls.inUse()) {
                warnings.add("The connection to the database is not encrypted (TLS is off): passwords and "
                        + "candidate data cross the network in clear. Set db.sslmode=require (or verify-full) "
                        + "unless the database runs on this computer.");
            }

            Migrator.Status status = null;
            try {
                status = schemaStatus.get();
            } catch (RuntimeException e) {
                log.warn("doctor: schema inspection failed", e);
                warnings.add("The schema version could not be read: " + SqlErrors.describe(e));
            }
            if (status != null) {
                schemaWarnings(status, warnings);
            }
            boolean platformTables = status != null && (status.state() == Migrator.State.MANAGED
                    || status.state() == Migrator.State.PLATFORM_UNMANAGED);

            // indexes
            List<DoctorMapper.IndexState> indexes = checks.run("indexes", DoctorMapper::indexStates);
            List<String> missing = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            Set<String> expected = expectedIndexes();
            if (indexes != null) {
                Map<String, Boolean> present = new HashMap<>();
                indexes.forEach(i -> present.put(i.name(), i.valid()));
                for (String name : expected) {
                    if (!present.containsKey(name)) {
                        missing.add(name);
                    }
                }
                indexes.stream().filter(i -> !i.valid()).map(DoctorMapper.IndexState::name).forEach(invalid::add);
                if (!missing.isEmpty()) {
                    warnings.add(missing.size() == 1
                            ? "The expected index " + missing.get(0) + " is missing: the queries it serves will "
                            + "be slow. Re-create it with its definition from the migration that created it."
                            : missing.size() + " expected indexes are missing (" + String.join(", ", missing)
                            + "): the queries they serve will be slow. "
                            + (status != null && status.state() != Migrator.State.MANAGED
                            ? "Run migrate to create them."
                            : "Re-create them with their definitions from the migrations that created them."));
                }
                for (String name : invalid) {
                    warnings.add("The index " + name + " is INVALID (a concurrent build failed or was cancelled): "
                            + "it slows every write and is never used. Drop it (DROP INDEX CONCURRENTLY " + name
                            + ") and build it again.");
                }
            }

            // constraints
            List<DoctorReport.NotValidConstraint> notValid = checks.run("constraints",
                    DoctorMapper::notValidConstraints);
            if (notValid != null && !notValid.isEmpty()) {
                Map<String, Long> counts = new HashMap<>();
                if (Boolean.TRUE.equals(checks.run("functions",
                        mm -> mm.functionExists("recruiter.check_constraint_violations()")))) {
                    List<DoctorReport.NotValidConstraint> violations = checks.run("constraint violations",
                            DoctorMapper::checkConstraintViolations);
                    if (violations != null) {
                        violations.forEach(v -> counts.put(v.tableName() + "|" + v.constraintName(),
                                v.violatingRows()));
                    }
                }
                List<DoctorReport.NotValidConstraint> withCounts = new ArrayList<>();
                for (DoctorReport.NotValidConstraint c : notValid) {
                    Long n = counts.get(c.tableName() + "|" + c.constraintName());
                    withCounts.add(new DoctorReport.NotValidConstraint(c.tableName(), c.constraintName(),
                            c.definition(), n));
                    warnings.add(notValidWarning(c, n));
                }
                notValid = withCounts;
            }

            // cache
            Double ratio = null;
            DoctorMapper.CacheStats cache = checks.run("cache statistics", DoctorMapper::cacheStats);
            if (cache != null && cache.hits() != null && cache.reads() != null) {
                long total = cache.hits() + cache.reads();
                if (total > 0) {
                    ratio = cache.hits() / (double) total;
                    if (total >= CACHE_MIN_BLOCKS && ratio < CACHE_HIT_WARNING) {
                        warnings.add(String.format(Locale.ROOT, "The cache hit ratio is %.1f%% (below %.0f%%): "
                                + "the server reads from disk often; shared_buffers may be too small for this "
                                + "database, or the server short of memory.", ratio * 100, CACHE_HIT_WARNING * 100));
                    }
                }
            }

            List<DoctorReport.RelationSize> tables = checks.run("table sizes", mm -> mm.largestTables(10));
            List<DoctorReport.RelationSize> indexSizes = checks.run("index sizes", mm -> mm.largestIndexes(10));
            List<DoctorReport.UnusedIndex> unused = checks.run("index usage", mm -> mm.unusedIndexes(20));
            if (unused != null) {
                unused = unused.stream().map(u -> new DoctorReport.UnusedIndex(u.schemaName(), u.tableName(),
                        u.indexName(), u.bytes(), u.pretty(),
                        expected.contains(u.schemaName() + "." + u.indexName()))).toList();
            }

            // pg_stat_statements
            String pss = checks.run("pg_stat_statements", DoctorMapper::pgStatStatementsState);
            List<DoctorReport.SlowStatement> slow = List.of();
            String note = null;
            if ("ready".equals(pss)) {
                if (Boolean.TRUE.equals(checks.run("functions",
                        mm -> mm.functionExists("recruiter.slowest_statements(integer)")))) {
                    slow = checks.run("slow statements", mm -> mm.slowestStatements(10));
                    if (slow == null) {
                        slow = List.of();
                        note = "pg_stat_statements could not be read (see the warnings).";
                    } else if (slow.isEmpty()) {
                        note = "pg_stat_statements has recorded no statement for this database yet.";
                    }
                } else {
                    note = "Run migrate: the helper that reads pg_stat_statements is not installed yet.";
                }
            } else if ("not_preloaded".equals(pss)) {
                note = "pg_stat_statements is installed but not loaded: ask IT to add it to shared_preload_libraries "
                        + "in postgresql.conf and restart the server.";
            } else if ("not_installed".equals(pss)) {
                note = "pg_stat_statements is available but not installed in this database: a superuser can run "
                        + "CREATE EXTENSION pg_stat_statements (and preload it).";
            } else if ("not_available".equals(pss)) {
                note = "pg_stat_statements is not available on this server, so slow statements cannot be listed.";
            } else {
                note = "The state of pg_stat_statements could not be read.";
            }

            // data checks that need the platform's tables / our schema
            Long future = null;
            if (platformTables) {
                future = checks.run("applied_at", DoctorMapper::futureAppliedAtRows);
                if (future != null && future > 0) {
                    warnings.add(future == 1
                            ? "1 application is dated in the future (applied_at more than 5 minutes ahead), so it "
                            + "sorts first everywhere. Correct its applied_at."
                            : future + " applications are dated in the future (applied_at more than 5 minutes "
                            + "ahead), so they sort first everywhere. Correct their applied_at.");
                }
            }
            OffsetDateTime refreshed = null;
            if (Boolean.TRUE.equals(checks.run("summary",
                    mm -> mm.relationExists("recruiter.materialized_view_refreshes")))) {
                refreshed = checks.run("summary", DoctorMapper::activeJobsSummaryRefreshedAt);
                if (refreshed == null) {
                    warnings.add("The job summary figures have never been refreshed: run maintain.");
                } else if (refreshed.isBefore(checkedAt.minus(SUMMARY_MAX_AGE))) {
                    warnings.add("The job summary figures were last refreshed at " + refreshed + ", more than a "
                            + "day ago: run maintain daily.");
                }
            }

            if (Boolean.TRUE.equals(checks.run("functions",
                    mm -> mm.functionExists("recruiter.client_login_drift()")))) {
                List<ClientLoginDrift> drift = checks.run("client logins",
                        mm -> session.getMapper(ClientLoginMapper.class).drift());
                if (drift != null) {
                    for (ClientLoginDrift d : drift) {
                        warnings.add("Client login " + d.describe() + ": a client login can change its own role "
                                + "settings; run `client-login restore " + d.loginName() + "`.");
                    }
                }
                List<DoctorMapper.SequenceHeadroom> full = checks.run("sequences",
                        mm -> mm.sequencesUsedOver(SEQUENCE_WARNING_PERCENT));
                if (full != null) {
                    for (DoctorMapper.SequenceHeadroom h : full) {
                        warnings.add(String.format(Locale.ROOT, "The sequence %s has used %.1f%% of its range "
                                + "(%d of %d): plan the move of its column to bigint before it runs out.",
                                h.sequenceName(), h.usedPercent(), h.lastValue(), h.maxValue()));
                    }
                }
                List<String> open = checks.run("monitoring privileges", DoctorMapper::monitoringOpenToClients);
                if (open != null && !open.isEmpty()) {
                    warnings.add("pg_stat_statements is readable by client logins again (" + String.join(", ", open)
                            + "): it shows other sessions' statements. Run migrate (it revokes them) as the "
                            + "extension's owner.");
                }
            }

            return new DoctorReport(true, null, roundTrip, serverVersion, database, user, tls,
                    status == null ? null : status.state().name(),
                    status == null ? null : status.currentVersion(),
                    status == null ? null : status.latestVersion(),
                    status == null ? List.of() : status.pending(),
                    missing, invalid, notValid, ratio, tables, indexSizes, unused, pss, slow, note, future,
                    refreshed, topology, warnings, checkedAt);
        }
    }

    private static String notValidWarning(DoctorReport.NotValidConstraint c, Long violating) {
        String head = "The constraint " + c.constraintName() + " on " + c.tableName() + " is NOT VALID";
        if (violating == null) {
            return head + " (" + c.definition() + "): rows written before it was added are not checked against it.";
        }
        if (violating == 0) {
            return head + ", but no row breaks it any more: run maintain to validate it.";
        }
        return head + ": " + violating + " existing row" + (violating == 1 ? " breaks" : "s break") + " it ("
                + c.definition() + "); " + (violating == 1 ? "it was" : "they were") + " kept. Correct "
                + (violating == 1 ? "it" : "them") + ", then run maintain to validate the constraint.";
    }

    private static void schemaWarnings(Migrator.Status status, List<String> warnings) {
        switch (status.state()) {
            case EMPTY -> warnings.add("The database is empty: run migrate to create the schema.");
            case PLATFORM_UNMANAGED -> warnings.add("This is the INTOWORK platform's database, but IntoWork "
                    + "Recruiter has not adopted it yet: run migrate --baseline once.");
            case FOREIGN -> warnings.add("This database is not an INTOWORK database ("
                    + status.missingPlatformColumns().size() + " expected columns are missing, for example "
                    + String.join(", ", status.missingPlatformColumns().stream().limit(3).toList())
                    + "). Check db.url.");
            case MANAGED -> {
                if (status.ahead()) {
                    warnings.add("The database schema (version " + status.currentVersion() + ") is newer than "
                            + "this version of IntoWork Recruiter knows (" + status.latestVersion()
                            + "): install the latest IntoWork Recruiter.");
                } else if (!status.pending().isEmpty()) {
                    warnings.add(status.pending().size() + " migration" + (status.pending().size() == 1 ? " is" : "s are")
                            + " pending (" + String.join("; ", status.pending()) + "): run migrate.");
                }
            }
            default -> {
            }
        }
    }

    /** The expected index names ("schema.name"), in file order. */
    public static Set<String> expectedIndexes() {
        try (InputStream in = DoctorService.class.getResourceAsStream(EXPECTED_INDEXES)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + EXPECTED_INDEXES);
            }
            Set<String> names = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one check; a failure becomes a warning and a null result. */
    private record Checks(DoctorMapper mapper, List<String> warnings) {
        <T> T run(String what, Function<DoctorMapper, T> check) {
            try {
                return check.apply(mapper);
            } catch (RuntimeException e) {
                log.warn("doctor: {} check failed", what, e);
                warnings.add("The " + what + " check failed: " + SqlErrors.describe(e));
                return null;
            }
        }
    }
}
