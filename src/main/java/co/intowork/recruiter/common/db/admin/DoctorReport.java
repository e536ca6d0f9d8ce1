package co.intowork.recruiter.common.db.admin;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code doctor} found (the checks of the analysis, section 12). Serializable with a plain Jackson
 * {@code ObjectMapper} for {@code --json} (times are ISO-8601 strings); {@link #describe()} gives the readable
 * form. A field is {@code null} when it could not be determined (a note or a warning says why).
 *
 * @param connected               whether a connection could be opened and a query answered
 * @param connectionError         why not, as a sentence (null when connected)
 * @param roundTripMillis         time of a trivial query, in milliseconds
 * @param serverVersion           server_version
 * @param database                current_database()
 * @param user                    current_user
 * @param tls                     encryption of this connection (pg_stat_ssl for this backend)
 * @param schemaState             EMPTY, PLATFORM_UNMANAGED, MANAGED or FOREIGN (see Migrator.State)
 * @param schemaVersion           the applied schema version
 * @param latestVersion           the newest version this application knows
 * @param pendingMigrations       migrations not applied yet
 * @param missingIndexes          expected indexes (expected-indexes.txt) that do not exist
 * @param invalidIndexes          indexes that exist but are INVALID (a failed concurrent build)
 * @param notValidConstraints     constraints with pg_constraint.convalidated = false
 * @param cacheHitRatio           share of table and index block reads served from shared buffers, 0..1
 * @param largestTables           the 10 largest tables and materialized views (with their indexes and TOAST)
 * @param largestIndexes          the 10 largest indexes
 * @param unusedIndexes           non-unique indexes never scanned since statistics were last reset (largest 20)
 * @param pgStatStatements        ready, not_preloaded, not_installed or not_available
 * @param slowestStatements       the statements with the highest mean time (pg_stat_statements)
 * @param slowestStatementsNote   why the list is empty, when it is
 * @param futureAppliedAtRows     applications dated more than 5 minutes in the future
 * @param activeJobsSummaryRefreshedAt when the job summary view was last refreshed
 * @param topology                a pooler in transaction mode, a hot standby (decision 0024); null when unknown
 * @param warnings                everything that needs someone's attention, as sentences
 * @param checkedAt               when the check ran (client clock)
 */
public record DoctorReport(
        boolean connected,
        String connectionError,
        Long roundTripMillis,
        String serverVersion,
        String database,
        String user,
        Tls tls,
        String schemaState,
        String schemaVersion,
        String latestVersion,
        List<String> pendingMigrations,
        List<String> missingIndexes,
        List<String> invalidIndexes,
        List<NotValidConstraint> notValidConstraints,
        Double cacheHitRatio,
        List<RelationSize> largestTables,
        List<RelationSize> largestIndexes,
        List<UnusedIndex> unusedIndexes,
        String pgStatStatements,
        List<SlowStatement> slowestStatements,
        String slowestStatementsNote,
        Long futureAppliedAtRows,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime activeJobsSummaryRefreshedAt,
        Topology topology,
        List<String> warnings,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime checkedAt) {

    public DoctorReport {
        pendingMigrations = copy(pendingMigrations);
        missingIndexes = copy(missingIndexes);
        invalidIndexes = copy(invalidIndexes);
        notValidConstraints = copy(notValidConstraints);
        largestTables = copy(largestTables);
        largestIndexes = copy(largestIndexes);
        unusedIndexes = copy(unusedIndexes);
        slowestStatements = copy(slowestStatements);
        warnings = copy(warnings);
    }

    /** TLS state of the doctor's own connection. */
    public record Tls(boolean inUse, String version, String cipher) {
    }

    /**
     * What sits between the client and the data: {@code transactionPooling} with what showed it, PostgreSQL's own
     * port (differs from the address's when something forwards), whether the server is a hot standby and its
     * replay lag, the driver's prepareThreshold on this connection and the timeouts in force.
     */
    public record Topology(boolean transactionPooling, String poolerEvidence, Integer serverPort, boolean standby,
                           Double standbyLagSeconds, Integer prepareThreshold, String statementTimeout,
                           String lockTimeout) {
        public String describe() {
            String pooler = transactionPooling ? "a pooler in transaction mode (" + poolerEvidence + ")"
                    : "no transaction pooling seen (direct, or a pooler in session mode)";
            String server = standby ? String.format(Locale.ROOT, "a hot standby (read-only%s)",
                    standbyLagSeconds == null ? "" : String.format(Locale.ROOT, ", last replay %.1f s ago",
                            standbyLagSeconds)) : "a primary (read-write)";
            return "Topology: " + pooler + "; " + server + ", PostgreSQL port " + serverPort
                    + "; prepareThreshold " + prepareThreshold + "; statement_timeout " + statementTimeout
                    + ", lock_timeout " + lockTimeout;
        }
    }

    /** A constraint that is not validated; violatingRows is known for CHECK constraints on platform tables. */
    public record NotValidConstraint(String tableName, String constraintName, String definition,
                                     Long violatingRows) {
    }

    /** A table (with its indexes and TOAST) or an index, and its size on disk. */
    public record RelationSize(String schemaName, String name, String tableName, long bytes, String pretty) {
    }

    /** An index never used by a scan since the statistics were reset; expected = one of ours. */
    public record UnusedIndex(String schemaName, String tableName, String indexName, long bytes, String pretty,
                              boolean expected) {
    }

    /** One normalized statement from pg_stat_statements. */
    public record SlowStatement(String query, long calls, double totalMs, double meanMs, double maxMs, long rows) {
    }

    /** True when nothing needs attention. */
    public boolean healthy() {
        return connected && warnings.isEmpty();
    }

    /** The report as lines for a terminal. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (!connected) {
            out.add("Connection: FAILED — " + connectionError);
            return out;
        }
        out.add("Connection: OK (" + roundTripMillis + " ms), database " + database + " as " + user);
        out.add("Server: PostgreSQL " + serverVersion);
        out.add("TLS: " + (tls == null ? "unknown"
                : tls.inUse() ? "in use (" + tls.version() + ", " + tls.cipher() + ")" : "NOT in use"));
        out.add("Schema: " + schemaState + ", version " + schemaVersion + " (latest known " + latestVersion + ")"
                + (pendingMigrations.isEmpty() ? "" : ", pending: " + String.join("; ", pendingMigrations)));
        out.add("Expected indexes missing: " + (missingIndexes.isEmpty() ? "none" : String.join(", ", missingIndexes)));
        if (!invalidIndexes.isEmpty()) {
            out.add("INVALID indexes: " + String.join(", ", invalidIndexes));
        }
        out.add("NOT VALID constraints: " + (notValidConstraints.isEmpty() ? "none" : ""));
        for (NotValidConstraint c : notValidConstraints) {
            out.add("  " + c.tableName() + " " + c.constraintName()
                    + (c.violatingRows() == null ? "" : " — " + c.violatingRows() + " violating row(s)"));
        }
        out.add("Cache hit ratio: " + (cacheHitRatio == null ? "no reads yet"
                : String.format(Locale.ROOT, "%.2f%%", cacheHitRatio * 100)));
        out.add("Largest tables:");
        largestTables.forEach(t -> out.add("  " + t.pretty() + "  " + t.schemaName() + "." + t.name()));
        out.add("Largest indexes:");
        largestIndexes.forEach(i -> out.add("  " + i.pretty() + "  " + i.schemaName() + "." + i.name()
                + " on " + i.tableName()));
        out.add("Unused indexes (never scanned since statistics were reset):" + (unusedIndexes.isEmpty() ? " none" : ""));
        unusedIndexes.forEach(i -> out.add("  " + i.pretty() + "  " + i.schemaName() + "." + i.indexName()
                + " on " + i.tableName() + (i.expected() ? " (expected by IntoWork Recruiter)" : "")));
        out.add("Slowest statements (pg_stat_statements: " + pgStatStatements + "):"
                + (slowestStatements.isEmpty() ? " " + slowestStatementsNote : ""));
        slowestStatements.forEach(s -> out.add(String.format(Locale.ROOT, "  %10.2f ms mean, %8d calls  %s",
                s.meanMs(), s.calls(), s.query().replaceAll("\\s+", " "))));
        if (topology != null) {
            out.add(topology.describe());
        }
        if (activeJobsSummaryRefreshedAt != null) {
            out.add("Job summary last refreshed: " + activeJobsSummaryRefreshedAt);
        }
        out.add(warnings.isEmpty() ? "No warnings." : "Warnings:");
        warnings.forEach(w -> out.add("  - " + w));
        return out;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
