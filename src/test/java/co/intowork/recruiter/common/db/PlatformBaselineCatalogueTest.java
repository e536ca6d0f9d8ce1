package co.intowork.recruiter.common.db;

import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V1 must recreate the web platform's schema exactly as {@code reference/shared-schema.md} describes it: the test
 * parses the reference (strictly: a line it cannot read fails the test) and compares it with what PostgreSQL's
 * catalogue shows after running V1 the way Flyway does (search path set to the {@code recruiter} schema).
 */
class PlatformBaselineCatalogueTest {

    private static final String V1 = "/db/migration/V1__platform_schema.sql";
    private static final String REFERENCE = "/reference/shared-schema.md";
    private static final String COLUMN_LIST = "/co/intowork/recruiter/common/db/platform-v1-columns.txt";

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void v1RecreatesTheReferenceSchemaExactly() throws Exception {
        Reference ref = Reference.parse(resourceLines(REFERENCE));
        assertThat(ref.tables).as("tables in the reference").hasSize(22);
        assertThat(ref.enums).as("enum types in the reference").hasSize(10);

        TestDatabase.Db db = platformDatabase("v1");
        List<String> diffs = new ArrayList<>();
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "SET search_path TO public");

            // tables, and nothing but tables, sequences and indexes
            diffSets("table", ref.tables.keySet(),
                    strings(c, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                            + " AND relkind IN ('r', 'p')"), diffs);
            diffSets("relation of another kind (view, composite type, ...)", Set.of(),
                    strings(c, "SELECT relkind::text || ' ' || relname FROM pg_class"
                            + " WHERE relnamespace = 'public'::regnamespace AND relkind NOT IN ('r', 'i', 'S')"), diffs);

            compareColumns(c, ref, diffs);
            compareSequences(c, ref, diffs);
            compareConstraints(c, ref, diffs);
            compareIndexes(c, ref, diffs);
            compareEnums(c, ref, diffs);

            diffSets("trigger", Set.of(),
                    strings(c, "SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                            + " WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal"), diffs);
            diffSets("rule", Set.of(), strings(c, "SELECT tablename || '.' || rulename FROM pg_rules"
                    + " WHERE schemaname = 'public'"), diffs);
            diffSets("function", Set.of(), strings(c, "SELECT proname FROM pg_proc"
                    + " WHERE pronamespace = 'public'::regnamespace"), diffs);
            diffSets("comment", Set.of(), strings(c, "SELECT pg_describe_object(classoid, objoid, objsubid)"
                    + " FROM pg_description d WHERE"
                    + " (classoid = 'pg_class'::regclass AND objoid IN"
                    + "   (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace))"
                    + " OR (classoid = 'pg_type'::regclass AND objoid IN"
                    + "   (SELECT oid FROM pg_type WHERE typnamespace = 'public'::regnamespace))"
                    + " OR (classoid = 'pg_constraint'::regclass AND objoid IN"
                    + "   (SELECT oid FROM pg_constraint WHERE connamespace = 'public'::regnamespace))"), diffs);
            diffSets("object left in the recruiter schema (an unqualified name in V1?)", Set.of(),
                    strings(c, "SELECT 'relation ' || relname FROM pg_class WHERE relnamespace = 'recruiter'::regnamespace"
                            + " UNION ALL SELECT 'type ' || typname FROM pg_type"
                            + " WHERE typnamespace = 'recruiter'::regnamespace"), diffs);
        }
        assertNoDifferences("V1 against reference/shared-schema.md", diffs);
    }

    @Test
    void columnListMatchesTheCatalogueAfterV1() throws Exception {
        String text = resourceText(COLUMN_LIST);
        assertThat(text).as("platform-v1-columns.txt").doesNotContain("\r").endsWith("\n").doesNotContain("\n\n");
        List<String> listed = Arrays.asList(text.split("\n"));
        assertThat(listed).as("platform-v1-columns.txt lines").allMatch(l -> l.matches("[a-z_]+\\.[a-z_]+"),
                "are table.column without blanks");
        List<String> sorted = new ArrayList<>(new TreeSet<>(listed)); // String order is C order for ASCII
        assertThat(listed).as("platform-v1-columns.txt is sorted (LC_ALL=C) without duplicates").isEqualTo(sorted);

        TestDatabase.Db db = platformDatabase("v1_columns");
        List<String> catalogue = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname || '.' || a.attname FROM pg_attribute a"
                     + " JOIN pg_class c ON c.oid = a.attrelid"
                     + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                     + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY (c.relname || '.' || a.attname) COLLATE \"C\"")) {
            while (rs.next()) {
                catalogue.add(rs.getString(1));
            }
        }
        List<String> diffs = new ArrayList<>();
        diffSets("column", new TreeSet<>(catalogue), new TreeSet<>(listed), diffs);
        assertNoDifferences("platform-v1-columns.txt (actual) against the catalogue after V1 (expected)", diffs);
        assertThat(listed).isEqualTo(catalogue);

        List<String> fromReference = new ArrayList<>();
        Reference.parse(resourceLines(REFERENCE)).tables.values()
                .forEach(t -> t.columns.forEach(col -> fromReference.add(t.name + "." + col.name)));
        assertThat(listed).as("platform-v1-columns.txt against the reference").isEqualTo(
                new ArrayList<>(new TreeSet<>(fromReference)));
    }

    @Test
    void plainSqlCannotBreakTheCheckConstraintOrInventAnApplicationStatus() throws Exception {
        TestDatabase.Db db = platformDatabase("v1_plain_sql");
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "SET search_path TO public");
            long recruiterUser = insertReturningId(c, "INSERT INTO users (email, role, first_name, last_name)"
                    + " VALUES ('recruteur@example.test', 'EMPLOYER', 'Awa', 'Ndong') RETURNING id");
            long company = insertReturningId(c, "INSERT INTO companies (name) VALUES ('Sogara') RETURNING id");
            long employer = insertReturningId(c, "INSERT INTO employers (user_id, company_id)"
                    + " VALUES (" + recruiterUser + ", " + company + ") RETURNING id");
            String jobInsert = "INSERT INTO jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status, salary_min, salary_max) VALUES (" + employer + ", " + company
                    + ", 'Comptable', 'Tenue de la comptabilite', 'full_time', 'on_site', 'published', %d, %d)"
                    + " RETURNING id";

            long job = insertReturningId(c, String.format(jobInsert, 300_000, 500_000));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT currency, is_featured, views_count, created_at IS NOT NULL FROM jobs WHERE id = " + job)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("server default of jobs.currency").isEqualTo("XAF");
                assertThat(rs.getObject(2)).as("jobs.is_featured: only the web app sets it").isNull();
                assertThat(rs.getObject(3)).as("jobs.views_count: only the web app sets it").isNull();
                assertThat(rs.getBoolean(4)).as("server default of jobs.created_at").isTrue();
            }

            assertThatThrownBy(() -> insertReturningId(c, String.format(jobInsert, 500_000, 300_000)))
                    .as("a job with salary_min > salary_max")
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23514");
                        assertThat(e.getServerErrorMessage()).isNotNull();
                        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("ck_jobs_salary_min_lte_max");
                    });

            long candidateUser = insertReturningId(c, "INSERT INTO users (email, role, first_name, last_name)"
                    + " VALUES ('candidat@example.test', 'CANDIDATE', 'Paul', 'Mba') RETURNING id");
            long candidate = insertReturningId(c, "INSERT INTO candidates (user_id) VALUES (" + candidateUser
                    + ") RETURNING id");
            String applicationInsert = "INSERT INTO job_applications (job_id, candidate_id, status) VALUES ("
                    + job + ", " + candidate + ", '%s') RETURNING id";

            assertThat(insertReturningId(c, String.format(applicationInsert, "applied"))).isPositive();
            for (String unknown : List.of("APPLIED", "hired")) {
                assertThatThrownBy(() -> insertReturningId(c, String.format(applicationInsert, unknown)))
                        .as("status '%s'", unknown)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
            }
        }
    }

    @Test
    void referenceParserRejectsLinesItCannotRead() {
        List<String> good = resourceLines(REFERENCE);
        Reference.parse(good); // the pristine reference parses

        assertParseFails(replaceFirst(good, "; email varchar NOT NULL;", "; email varchr NOT NULL;"), "email varchr");
        assertParseFails(replaceFirst(good, "; email varchar NOT NULL;", "; email varchar NOT NUL;"), "email varchar");
        assertParseFails(replaceFirst(good, "- indexes: `UNIQUE ix_users_email (email)`",
                "- indexes: `UNIQUE ix_users_email email`"), "ix_users_email");
        assertParseFails(replaceFirst(good, "`employers_user_id_fkey` FOREIGN KEY (user_id) REFERENCES users(id)",
                "`employers_user_id_fkey` FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE"),
                "employers_user_id_fkey");
        assertParseFails(replaceFirst(good, "`skillcategory (TECHNICAL, SOFT, LANGUAGE)`",
                "`skillcategory TECHNICAL, SOFT, LANGUAGE`"), "skillcategory");
        List<String> stray = new ArrayList<>(good);
        stray.add(stray.indexOf("### users") + 2, "- triggers: none");
        assertParseFails(stray, "- triggers: none");
        List<String> prose = new ArrayList<>(good);
        prose.add(prose.indexOf("### jobs") + 1, "Jobs are always created published.");
        assertParseFails(prose, "Jobs are always created published.");
    }

    // ------------------------------------------------------------------------------------------------ catalogue

    private static void compareColumns(Connection c, Reference ref, List<String> diffs) throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, List<String>> expectedOrder = new LinkedHashMap<>();
        for (RefTable t : ref.tables.values()) {
            for (RefColumn col : t.columns) {
                expected.put(t.name + "." + col.name, describeColumn(col.pgType(), col.notNull, col.pgDefault(t.name), ""));
                expectedOrder.computeIfAbsent(t.name, k -> new ArrayList<>()).add(col.name);
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, List<String>> actualOrder = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text"
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                        + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum")) {
            while (rs.next()) {
                String extra = (rs.getString(6).isEmpty() ? "" : " IDENTITY " + rs.getString(6))
                        + (rs.getString(7).isEmpty() ? "" : " GENERATED " + rs.getString(7));
                actual.put(rs.getString(1) + "." + rs.getString(2),
                        describeColumn(rs.getString(3), rs.getBoolean(4), rs.getString(5), extra));
                actualOrder.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        diffMaps("column", expected, actual, diffs);
        for (Map.Entry<String, List<String>> e : expectedOrder.entrySet()) {
            List<String> got = actualOrder.get(e.getKey());
            if (got != null && new TreeSet<>(got).equals(new TreeSet<>(e.getValue())) && !got.equals(e.getValue())) {
                diffs.add("column order of " + e.getKey() + " differs\n    expected: " + e.getValue()
                        + "\n    actual:   " + got);
            }
        }
    }

    private static void compareSequences(Connection c, Reference ref, List<String> diffs) throws SQLException {
        String serialSequence = "integer start 1 increment 1 min 1 max 2147483647 cache 1 no cycle";
        Map<String, String> expected = new TreeMap<>();
        for (RefTable t : ref.tables.values()) {
            expected.put(t.name + "_id_seq", serialSequence + ", owned by " + t.name + ".id");
        }
        Map<String, String> actual = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT q.sequencename, q.data_type::text || ' start ' || q.start_value || ' increment ' || q.increment_by"
                        + " || ' min ' || q.min_value || ' max ' || q.max_value || ' cache ' || q.cache_size"
                        + " || CASE WHEN q.cycle THEN ' cycle' ELSE ' no cycle' END,"
                        + " (SELECT string_agg(c.relname || '.' || a.attname, ', ' ORDER BY c.relname, a.attname)"
                        + "    FROM pg_depend d JOIN pg_class c ON c.oid = d.refobjid"
                        + "    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                        + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = (quote_ident(q.schemaname) || '.'"
                        + "         || quote_ident(q.sequencename))::regclass AND d.deptype = 'a'"
                        + "     AND d.refclassid = 'pg_class'::regclass)"
                        + " FROM pg_sequences q WHERE q.schemaname = 'public'")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getString(2) + ", owned by " + rs.getString(3));
            }
        }
        diffMaps("sequence", expected, actual, diffs);
    }

    private static void compareConstraints(Connection c, Reference ref, List<String> diffs) throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (RefTable t : ref.tables.values()) {
            expected.put(t.name + ": " + t.name + "_pkey", "PRIMARY KEY (id)");
            t.constraints.forEach((name, def) -> expected.put(t.name + ": " + name, def));
        }
        Map<String, String> actual = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid), k.contype::text, i.relname,"
                        + " k.confdeltype::text, k.confupdtype::text, k.condeferrable, k.convalidated"
                        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                        + " LEFT JOIN pg_class i ON i.oid = k.conindid"
                        + " WHERE k.connamespace = 'public'::regnamespace OR c.relnamespace = 'public'::regnamespace"
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String name = rs.getString(2);
                String type = rs.getString(4);
                actual.put(table + ": " + name, rs.getString(3));
                if ((type.equals("p") || type.equals("u")) && !name.equals(rs.getString(5))) {
                    diffs.add("constraint " + table + ": " + name + " is backed by index " + rs.getString(5)
                            + " instead of an index of the same name");
                }
                if (type.equals("f") && !(rs.getString(6).equals("a") && rs.getString(7).equals("a"))) {
                    diffs.add("constraint " + table + ": " + name + " has ON DELETE/ON UPDATE actions ("
                            + rs.getString(6) + "/" + rs.getString(7) + "); the platform has none");
                }
                if (rs.getBoolean(8) || !rs.getBoolean(9)) {
                    diffs.add("constraint " + table + ": " + name + " is deferrable or not validated");
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT conname FROM pg_constraint WHERE contypid <> 0"
                        + " AND connamespace = 'public'::regnamespace")) {
            while (rs.next()) {
                diffs.add("unexpected domain constraint " + rs.getString(1));
            }
        }
        diffMaps("constraint", expected, actual, diffs);
    }

    private static void compareIndexes(Connection c, Reference ref, List<String> diffs) throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (RefTable t : ref.tables.values()) {
            expected.put(t.name + ": " + t.name + "_pkey",
                    "CREATE UNIQUE INDEX " + t.name + "_pkey ON public." + t.name + " USING btree (id)");
            for (RefIndex ix : t.indexes.values()) {
                expected.put(t.name + ": " + ix.name, "CREATE " + (ix.unique ? "UNIQUE " : "") + "INDEX " + ix.name
                        + " ON public." + t.name + " USING btree (" + String.join(", ", ix.columns) + ")");
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname, i.relname, pg_get_indexdef(i.oid), x.indisvalid"
                        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
                        + " WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + ": " + rs.getString(2),
                        rs.getString(3) + (rs.getBoolean(4) ? "" : " (INVALID)"));
            }
        }
        diffMaps("index", expected, actual, diffs);
    }

    private static void compareEnums(Connection c, Reference ref, List<String> diffs) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        ref.enums.forEach((name, labels) -> expected.put(name, String.join(", ", labels)));
        Map<String, String> actual = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)"
                        + " FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid"
                        + " WHERE t.typnamespace = 'public'::regnamespace AND t.typtype <> 'c' AND t.typcategory <> 'A'"
                        + " GROUP BY t.typname, t.typtype")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getString(2) == null ? "(not an enum)" : rs.getString(2));
            }
        }
        diffMaps("enum type", expected, actual, diffs);
    }

    private static String describeColumn(String type, boolean notNull, String defaultExpression, String extra) {
        return type + (notNull ? " NOT NULL" : "") + (defaultExpression == null ? "" : " DEFAULT " + defaultExpression)
                + extra;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A fresh database with V1 applied the way Flyway applies it: one transaction, search path = recruiter. */
    private static TestDatabase.Db platformDatabase(String purpose) throws SQLException {
        String sql = resourceText(V1);
        TestDatabase.Db db = TestDatabase.newEmptyDatabase(purpose);
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA recruiter");
            s.execute("SET search_path TO recruiter");
            c.setAutoCommit(false);
            s.execute(sql);
            c.commit();
        }
        return db;
    }

    private static long insertReturningId(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void diffSets(String what, Set<String> expected, Set<String> actual, List<String> diffs) {
        for (String e : new TreeSet<>(expected)) {
            if (!actual.contains(e)) {
                diffs.add("missing " + what + ": " + e);
            }
        }
        for (String a : new TreeSet<>(actual)) {
            if (!expected.contains(a)) {
                diffs.add("unexpected " + what + ": " + a);
            }
        }
    }

    private static void diffMaps(String what, Map<String, String> expected, Map<String, String> actual,
                                 List<String> diffs) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null && !actual.containsKey(e.getKey())) {
                diffs.add("missing " + what + " " + e.getKey() + ": " + e.getValue());
            } else if (!e.getValue().equals(got)) {
                diffs.add(what + " " + e.getKey() + " differs\n    expected: " + e.getValue() + "\n    actual:   " + got);
            }
        }
        for (Map.Entry<String, String> a : actual.entrySet()) {
            if (!expected.containsKey(a.getKey())) {
                diffs.add("unexpected " + what + " " + a.getKey() + ": " + a.getValue());
            }
        }
    }

    private static void assertNoDifferences(String what, List<String> diffs) {
        assertThat(diffs)
                .withFailMessage("%s: %d difference(s)%n  - %s", what, diffs.size(), String.join("\n  - ", diffs))
                .isEmpty();
    }

    private static void assertParseFails(List<String> lines, String expectedInMessage) {
        assertThatThrownBy(() -> Reference.parse(lines))
                .isInstanceOf(ReferenceFormatError.class)
                .hasMessageContaining(expectedInMessage);
    }

    private static List<String> replaceFirst(List<String> lines, String from, String to) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).contains(from)) {
                out.set(i, out.get(i).replace(from, to));
                return out;
            }
        }
        throw new AssertionError("test setup: '" + from + "' is not in the reference");
    }

    private static String resourceText(String path) {
        try (InputStream in = PlatformBaselineCatalogueTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("classpath resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> resourceLines(String path) {
        return Arrays.asList(resourceText(path).split("\r?\n", -1));
    }

    // ------------------------------------------------------------------------------------------------ reference

    /** A line of the reference that the parser does not understand. */
    static final class ReferenceFormatError extends AssertionError {
        private static final long serialVersionUID = 1L;

        ReferenceFormatError(int lineIndex, String problem, String line) {
            super("shared-schema.md line " + (lineIndex + 1) + ": " + problem + "\n    " + line);
        }
    }

    record RefColumn(String name, String type, boolean notNull, String defaultValue) {
        private static final Map<String, String> BASE_TYPES = Map.of(
                "serial", "integer",
                "integer", "integer",
                "varchar", "character varying",
                "text", "text",
                "boolean", "boolean",
                "timestamptz", "timestamp with time zone",
                "jsonb", "jsonb",
                "double precision", "double precision");

        /** The type as format_type shows it (an enum is in public, which is on the search path). */
        String pgType() {
            if (type.startsWith("varchar(")) {
                return "character varying" + type.substring("varchar".length());
            }
            return BASE_TYPES.getOrDefault(type, type);
        }

        /** The default as pg_get_expr shows it. */
        String pgDefault(String table) {
            if (type.equals("serial")) {
                return "nextval('" + table + "_id_seq'::regclass)";
            }
            if (defaultValue == null) {
                return null;
            }
            if (defaultValue.startsWith("'")) {
                return defaultValue + "::character varying";
            }
            return defaultValue;
        }
    }

    record RefIndex(String name, boolean unique, List<String> columns) {
    }

    static final class RefTable {
        final String name;
        final List<RefColumn> columns = new ArrayList<>();
        final Map<String, String> constraints = new LinkedHashMap<>();
        final Map<String, RefIndex> indexes = new LinkedHashMap<>();
        final Set<String> seenKinds = new LinkedHashSet<>();

        RefTable(String name) {
            this.name = name;
        }

        boolean hasColumn(String column) {
            return columns.stream().anyMatch(c -> c.name.equals(column));
        }
    }

    /** The parsed reference: tables (in reference order) and enum types (labels in order). */
    static final class Reference {
        private static final String QUIRKS_HEADING = "## Quirks a direct-SQL client must know";
        private static final String TABLES_HEADING = "## Tables";
        private static final String IDENT = "[a-z][a-z0-9_]*";

        private static final Pattern TABLE = Pattern.compile("### (" + IDENT + ")");
        private static final Pattern ATTRIBUTE = Pattern.compile("- (columns|constraints|indexes): (\\S.*)");
        private static final Pattern COLUMN = Pattern.compile("(" + IDENT + ") (double precision|varchar\\(\\d+\\)|"
                + IDENT + ")( NOT NULL)?(?: default (now\\(\\)|'[^']*'|false|true|-?\\d+))?(?: \\[web app sets [^\\]]+\\])?");
        private static final Pattern NAMED = Pattern.compile("`(" + IDENT + ")` (\\S.*)");
        private static final Pattern FOREIGN_KEY = Pattern.compile(
                "FOREIGN KEY \\((" + IDENT + ")\\) REFERENCES (" + IDENT + ")\\((" + IDENT + ")\\)");
        private static final Pattern UNIQUE = Pattern.compile("UNIQUE \\((" + IDENT + "(?:, " + IDENT + ")*)\\)");
        private static final Pattern CHECK = Pattern.compile("CHECK \\(.+\\)");
        private static final Pattern INDEX = Pattern.compile("`(UNIQUE )?(" + IDENT + ") \\(("
                + IDENT + "(?: DESC)?(?:, " + IDENT + "(?: DESC)?)*)\\)`");
        private static final Pattern COLUMN_ENUM = Pattern.compile("`(" + IDENT + ")\\.(" + IDENT + ")` is the PostgreSQL"
                + " enum `(" + IDENT + ")` with (UPPERCASE|lowercase) labels `([^`]+)`(?:[ .(].*)?");
        private static final Pattern ENUM_IN_LIST = Pattern.compile("`(" + IDENT + ") \\(([^()`]+)\\)`");

        final Map<String, RefTable> tables = new LinkedHashMap<>();
        final Map<String, List<String>> enums = new LinkedHashMap<>();
        /** "users.role" -> "userrole", as the Quirks section states it. */
        final Map<String, String> enumColumns = new LinkedHashMap<>();

        static Reference parse(List<String> lines) {
            Reference ref = new Reference();
            int quirks = headingIndex(lines, QUIRKS_HEADING);
            int tables = headingIndex(lines, TABLES_HEADING);
            if (tables < quirks) {
                throw new ReferenceFormatError(tables, "the Tables section must follow the Quirks section", lines.get(tables));
            }
            int quirksEnd = quirks + 1;
            while (quirksEnd < lines.size() && !lines.get(quirksEnd).startsWith("## ")) {
                quirksEnd++;
            }
            if (quirksEnd != tables) {
                throw new ReferenceFormatError(quirksEnd, "unexpected section between Quirks and Tables",
                        lines.get(quirksEnd));
            }
            ref.parseQuirks(lines, quirks + 1, tables);
            ref.parseTables(lines, tables + 1);
            ref.crossCheck(lines, tables);
            return ref;
        }

        private static int headingIndex(List<String> lines, String heading) {
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(heading)) {
                    if (found >= 0) {
                        throw new ReferenceFormatError(i, "second '" + heading + "' heading", lines.get(i));
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw new ReferenceFormatError(lines.size() - 1, "no '" + heading + "' heading", "");
            }
            return found;
        }

        /** Bullets (with their indented continuation lines) are joined; enum bullets must parse completely. */
        private void parseQuirks(List<String> lines, int from, int to) {
            List<int[]> starts = new ArrayList<>();
            List<StringBuilder> bullets = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String trimmed = line.strip();
                if (trimmed.startsWith("- ")) {
                    starts.add(new int[]{i});
                    bullets.add(new StringBuilder(trimmed.substring(2)));
                } else if (line.startsWith(" ") && !bullets.isEmpty()) {
                    bullets.get(bullets.size() - 1).append(' ').append(trimmed);
                } else {
                    throw new ReferenceFormatError(i, "expected a '- ' bullet or an indented continuation", line);
                }
            }
            for (int b = 0; b < bullets.size(); b++) {
                String text = bullets.get(b).toString();
                int line = starts.get(b)[0];
                if (text.contains("is the PostgreSQL enum")) {
                    Matcher m = COLUMN_ENUM.matcher(text);
                    if (!m.matches()) {
                        throw new ReferenceFormatError(line, "cannot read this enum statement", text);
                    }
                    enumColumns.put(m.group(1) + "." + m.group(2), m.group(3));
                    addEnum(line, m.group(3), m.group(5), m.group(4).equals("UPPERCASE"), text);
                } else if (text.startsWith("UPPERCASE enums:")) {
                    String rest = text.substring("UPPERCASE enums:".length()).strip();
                    Matcher m = ENUM_IN_LIST.matcher(rest);
                    int pos = 0;
                    while (m.find()) {
                        String between = rest.substring(pos, m.start());
                        if (!(pos == 0 ? between.isEmpty() : between.equals(", "))) {
                            throw new ReferenceFormatError(line, "cannot read '" + between + "' in the enum list", text);
                        }
                        addEnum(line, m.group(1), m.group(2), true, text);
                        pos = m.end();
                    }
                    if (pos == 0 || !rest.substring(pos).equals(".")) {
                        throw new ReferenceFormatError(line, "cannot read the enum list after '"
                                + rest.substring(0, pos) + "'", text);
                    }
                } else if (text.matches("(?i).*\\benums?\\b.*") && !text.startsWith("Enum types and label case")) {
                    throw new ReferenceFormatError(line, "a bullet about enums that the parser does not understand", text);
                }
            }
        }

        private void addEnum(int line, String name, String labelList, boolean upper, String text) {
            List<String> labels = Arrays.asList(labelList.split(", ", -1));
            for (String label : labels) {
                if (!label.matches(upper ? "[A-Z][A-Z0-9_]*" : "[a-z][a-z0-9_]*")) {
                    throw new ReferenceFormatError(line, "enum " + name + ": label '" + label + "' is not "
                            + (upper ? "UPPERCASE" : "lowercase"), text);
                }
            }
            if (new LinkedHashSet<>(labels).size() != labels.size()) {
                throw new ReferenceFormatError(line, "enum " + name + " repeats a label", text);
            }
            if (enums.put(name, List.copyOf(labels)) != null) {
                throw new ReferenceFormatError(line, "enum " + name + " is described twice", text);
            }
        }

        private void parseTables(List<String> lines, int from) {
            RefTable current = null;
            for (int i = from; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                Matcher heading = TABLE.matcher(line);
                if (heading.matches()) {
                    finish(current, lines, i);
                    current = new RefTable(heading.group(1));
                    if (tables.put(current.name, current) != null) {
                        throw new ReferenceFormatError(i, "table " + current.name + " is described twice", line);
                    }
                    continue;
                }
                Matcher attribute = ATTRIBUTE.matcher(line);
                if (current == null || !attribute.matches()) {
                    throw new ReferenceFormatError(i, "expected '### <table>' or '- columns|constraints|indexes: ...'", line);
                }
                String kind = attribute.group(1);
                if (!current.seenKinds.add(kind)) {
                    throw new ReferenceFormatError(i, "second '- " + kind + ":' line for " + current.name, line);
                }
                if (!kind.equals("columns") && !current.seenKinds.contains("columns")) {
                    throw new ReferenceFormatError(i, "'- columns:' must come first", line);
                }
                switch (kind) {
                    case "columns" -> parseColumns(current, attribute.group(2), i, line);
                    case "constraints" -> parseConstraints(current, attribute.group(2), i, line);
                    default -> parseIndexes(current, attribute.group(2), i, line);
                }
            }
            finish(current, lines, lines.size() - 1);
        }

        private static void finish(RefTable table, List<String> lines, int line) {
            if (table != null && !(table.seenKinds.contains("columns") && table.seenKinds.contains("indexes"))) {
                throw new ReferenceFormatError(line, "table " + table.name + " lacks '- columns:' or '- indexes:'",
                        lines.get(line));
            }
        }

        private void parseColumns(RefTable table, String list, int i, String line) {
            for (String item : list.split("; ", -1)) {
                Matcher m = COLUMN.matcher(item);
                if (!m.matches()) {
                    throw new ReferenceFormatError(i, "cannot read column '" + item + "'", line);
                }
                String name = m.group(1);
                String type = m.group(2);
                boolean notNull = m.group(3) != null;
                String defaultValue = m.group(4);
                if (!RefColumn.BASE_TYPES.containsKey(type) && !type.startsWith("varchar(") && !enums.containsKey(type)) {
                    throw new ReferenceFormatError(i, "column " + name + ": unknown type '" + type
                            + "' (neither a base type nor an enum of the Quirks section)", line);
                }
                if (table.hasColumn(name)) {
                    throw new ReferenceFormatError(i, "column " + name + " listed twice", line);
                }
                if (type.equals("serial") != name.equals("id")) {
                    throw new ReferenceFormatError(i, "column " + name + ": only id, and every id, is serial", line);
                }
                if (name.equals("id") && (!table.columns.isEmpty() || !notNull || defaultValue != null)) {
                    throw new ReferenceFormatError(i, "id must be the first column, 'id serial NOT NULL'", line);
                }
                if (defaultValue != null && !defaultFits(type, defaultValue)) {
                    throw new ReferenceFormatError(i, "column " + name + ": default " + defaultValue
                            + " is not supported for type " + type, line);
                }
                table.columns.add(new RefColumn(name, type, notNull, defaultValue));
            }
        }

        private static boolean defaultFits(String type, String value) {
            if (value.equals("now()")) {
                return type.equals("timestamptz");
            }
            if (value.startsWith("'")) {
                return type.equals("varchar") || type.startsWith("varchar(");
            }
            if (value.equals("true") || value.equals("false")) {
                return type.equals("boolean");
            }
            return false; // numeric defaults would need a rule for how PostgreSQL prints them
        }

        private void parseConstraints(RefTable table, String list, int i, String line) {
            for (String item : list.split("; (?=`)", -1)) {
                Matcher m = NAMED.matcher(item);
                if (!m.matches()) {
                    throw new ReferenceFormatError(i, "cannot read constraint '" + item + "'", line);
                }
                String name = m.group(1);
                String def = m.group(2);
                Matcher fk = FOREIGN_KEY.matcher(def);
                Matcher unique = UNIQUE.matcher(def);
                List<String> columns;
                if (fk.matches()) {
                    columns = List.of(fk.group(1));
                } else if (unique.matches()) {
                    columns = List.of(unique.group(1).split(", "));
                } else if (CHECK.matcher(def).matches()) {
                    columns = List.of();
                } else {
                    throw new ReferenceFormatError(i, "constraint " + name + ": cannot read '" + def + "'", line);
                }
                for (String column : columns) {
                    if (!table.hasColumn(column)) {
                        throw new ReferenceFormatError(i, "constraint " + name + ": no column " + column, line);
                    }
                }
                if (name.equals(table.name + "_pkey") || table.constraints.put(name, def) != null) {
                    throw new ReferenceFormatError(i, "constraint " + name + " listed twice", line);
                }
            }
        }

        private void parseIndexes(RefTable table, String list, int i, String line) {
            for (String item : list.split("; (?=`)", -1)) {
                Matcher m = INDEX.matcher(item);
                if (!m.matches()) {
                    throw new ReferenceFormatError(i, "cannot read index '" + item + "'", line);
                }
                List<String> columns = List.of(m.group(3).split(", "));
                for (String column : columns) {
                    if (!table.hasColumn(column.replace(" DESC", ""))) {
                        throw new ReferenceFormatError(i, "index " + m.group(2) + ": no column " + column, line);
                    }
                }
                RefIndex index = new RefIndex(m.group(2), m.group(1) != null, columns);
                if (index.name.equals(table.name + "_pkey") || table.indexes.put(index.name, index) != null) {
                    throw new ReferenceFormatError(i, "index " + index.name + " listed twice", line);
                }
            }
        }

        /** Statements of the reference that must agree with each other. */
        private void crossCheck(List<String> lines, int tablesHeading) {
            Set<String> usedEnums = new TreeSet<>();
            for (RefTable t : tables.values()) {
                t.columns.stream().map(RefColumn::type).filter(enums::containsKey).forEach(usedEnums::add);
                RefIndex idIndex = t.indexes.get("ix_" + t.name + "_id");
                if (idIndex == null || idIndex.unique || !idIndex.columns.equals(List.of("id"))) {
                    throw new ReferenceFormatError(tablesHeading, "table " + t.name + " lacks the index ix_"
                            + t.name + "_id (id) that the Quirks section promises", lines.get(tablesHeading));
                }
                t.constraints.forEach((name, def) -> {
                    Matcher fk = FOREIGN_KEY.matcher(def);
                    if (fk.matches() && !(tables.containsKey(fk.group(2)) && tables.get(fk.group(2)).hasColumn(fk.group(3)))) {
                        throw new ReferenceFormatError(tablesHeading, "constraint " + name + " references an unknown "
                                + fk.group(2) + "(" + fk.group(3) + ")", def);
                    }
                    Matcher unique = UNIQUE.matcher(def);
                    if (unique.matches()) {
                        RefIndex backing = t.indexes.get(name);
                        if (backing == null || !backing.unique
                                || !backing.columns.equals(List.of(unique.group(1).split(", ")))) {
                            throw new ReferenceFormatError(tablesHeading, "unique constraint " + name
                                    + " has no UNIQUE index of the same name and columns", def);
                        }
                    }
                });
            }
            if (!usedEnums.equals(new TreeSet<>(enums.keySet()))) {
                throw new ReferenceFormatError(tablesHeading, "enums used by columns " + usedEnums
                        + " differ from the enums of the Quirks section " + enums.keySet(), lines.get(tablesHeading));
            }
            enumColumns.forEach((column, type) -> {
                String[] parts = column.split("\\.");
                RefTable t = tables.get(parts[0]);
                boolean agrees = t != null && t.columns.stream()
                        .anyMatch(c -> c.name().equals(parts[1]) && c.type().equals(type));
                if (!agrees) {
                    throw new ReferenceFormatError(tablesHeading, "the Quirks section says " + column + " is " + type
                            + ", the Tables section does not", lines.get(tablesHeading));
                }
            });
        }
    }
}
