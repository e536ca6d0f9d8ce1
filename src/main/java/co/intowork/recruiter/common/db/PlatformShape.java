package co.intowork.recruiter.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a platform database that has not been adopted yet with what the client relies on
 * (platform-v1-shape.txt): every column's type and nullability, the unique keys, and the application status type
 * and values. The differences the platform's own shapes have (platform-schema-variants.md) are adopted and
 * reported; any other difference is a problem that refuses the adoption before anything changes, each worded with
 * what the database's administrator can do about it (decision 0011).
 */
public final class PlatformShape {
    static final String RESOURCE = "/co/intowork/recruiter/common/db/platform-v1-shape.txt";
    static final List<String> STATUS_LABELS =
            List.of("applied", "viewed", "shortlisted", "interview", "rejected", "accepted");
    private static final String ENUM_STATUS = "public.applicationstatus";
    /** Columns some older databases lack, which the beforeMigrate callback of the same name adds (decision 0019). */
    private static final Set<String> ADDED_WHEN_ABSENT = Set.of("job_applications.recruiter_notes");
    private static final String VARCHAR_STATUS = "character varying(11)";

    /** What the inspection read; {@code unknownStatuses} only when the status column holds strings. */
    public record Found(List<String> columnShapes, List<String> uniqueKeys, String statusType,
                        List<String> statusLabels, List<String> unknownStatuses, Set<String> indexesAndChecks,
                        Set<String> columnDefaults) {
    }

    /** {@code adopted}: differences accepted as the platform's own; {@code problems}: reasons to refuse. */
    public record Comparison(List<String> adopted, List<String> problems) {
    }

    private record Expected(String column, List<String> types, boolean notNull) {
    }

    private PlatformShape() {
    }

    /** A column an older platform database may lack, which the client adds (beforeMigrate__recruiter_notes_column). */
    static boolean addedWhenAbsent(String tableDotColumn) {
        return ADDED_WHEN_ABSENT.contains(tableDotColumn);
    }

    /** Whether the status column holds strings (the platform's current shape), from the column shapes read. */
    public static boolean statusIsString(List<String> columnShapes) {
        return columnShapes.stream().anyMatch(s -> s.startsWith("job_applications.status|character varying")
                || s.startsWith("job_applications.status|text|"));
    }

    public static Comparison compare(Found found) {
        List<String> adopted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String[]> columns = new HashMap<>();
        for (String shape : found.columnShapes()) {
            String[] parts = shape.split("\\|");
            columns.put(parts[0], parts);
        }
        List<Expected> expectedColumns = new ArrayList<>();
        List<String[]> expectedKeys = new ArrayList<>();
        for (String line : lines()) {
            String[] parts = line.split("\\|");
            if (parts[0].equals("unique")) {
                expectedKeys.add(parts);
            } else {
                expectedColumns.add(new Expected(parts[0], List.of(parts[1].split(";")), parts[2].equals("not null")));
            }
        }

        for (Expected expected : expectedColumns) {
            String[] actual = columns.get(expected.column());
            String table = expected.column().substring(0, expected.column().indexOf('.'));
            String column = expected.column().substring(table.length() + 1);
            if (actual == null && ADDED_WHEN_ABSENT.contains(expected.column())) {
                adopted.add("public." + expected.column() + " is absent (an older platform database); the client "
                        + "adds it as the platform defines it (" + expected.types().get(0) + ", NULL)");
                continue;
            }
            if (actual == null) {
                problems.add("Column public." + expected.column() + " is missing. The platform's tables must be "
                        + "complete: restore it as the platform defines it (" + expected.types().get(0)
                        + (expected.notNull() ? " NOT NULL" : "") + ").");
                continue;
            }
            String type = actual[1];
            int which = expected.types().indexOf(type);
            if (which < 0) {
                problems.add("Column public." + expected.column() + " is " + type + "; the client relies on "
                        + String.join(" or ", expected.types()) + " (the platform's own shapes). Give it back "
                        + "the platform's type (ALTER TABLE public." + table + " ALTER COLUMN " + column + " TYPE "
                        + expected.types().get(expected.types().size() - 1).replace("public.", "")
                        + "), or ask the platform's team why it differs.");
            } else if (which > 0 && !expected.column().equals("job_applications.status")) {
                adopted.add("public." + expected.column() + " is " + type + " (the platform's current shape; "
                        + "older databases have " + expected.types().get(0) + ")");
            }
            boolean notNull = actual[2].equals("not null");
            if (expected.notNull() && !notNull) {
                problems.add("Column public." + expected.column() + " allows NULL; the client relies on it being "
                        + "NOT NULL, as the platform defines it. Fill its empty rows, then ALTER TABLE public."
                        + table + " ALTER COLUMN " + column + " SET NOT NULL.");
            } else if (!expected.notNull() && notNull) {
                problems.add("Column public." + expected.column() + " is NOT NULL where the platform allows NULL; "
                        + "rows written without it would be refused. ALTER TABLE public." + table
                        + " ALTER COLUMN " + column + " DROP NOT NULL.");
            }
        }

        Set<String> keys = new HashSet<>(found.uniqueKeys());
        for (String[] key : expectedKeys) {
            if (!keys.contains(key[1] + "|" + key[2])) {
                problems.add("Table public." + key[1] + " has no unique key on (" + key[2] + "); the client's "
                        + (key[2].equals("id") ? "foreign keys reference it" : "sign-in reads one row per " + key[2])
                        + ". Remove any duplicate rows, then CREATE UNIQUE INDEX CONCURRENTLY ON public." + key[1]
                        + " (" + key[2] + ") (or give the table back its primary key).");
            }
        }

        String[] status = columns.get("job_applications.status");
        if (status != null) {
            statusType(status[1], found, adopted, problems);
        }

        notedAbsence(found.indexesAndChecks(), "ck_jobs_salary_min_lte_max", "CHECK", adopted);
        for (String index : List.of("ix_job_applications_applied_at", "ix_job_applications_status",
                "ix_jobs_company_id", "ix_jobs_status_posted_at")) {
            notedAbsence(found.indexesAndChecks(), index, "index", adopted);
        }
        for (String column : List.of("companies.is_verified", "jobs.currency")) {
            if (columns.containsKey(column) && !found.columnDefaults().contains(column)) {
                adopted.add("public." + column + " has no default (the platform's code supplies the value; the "
                        + "client's job editor always sends a currency)");
            }
        }
        return new Comparison(List.copyOf(adopted), List.copyOf(problems));
    }

    private static void statusType(String columnType, Found found, List<String> adopted, List<String> problems) {
        if (columnType.equals(ENUM_STATUS)) {
            if (!"e|".equals(found.statusType())) {
                problems.add("Column public.job_applications.status is of type public.applicationstatus, which is "
                        + "not an enum here. Ask the platform's team which shape this database should have.");
            } else if (!new HashSet<>(found.statusLabels()).equals(new HashSet<>(STATUS_LABELS))) {
                problems.add("The enum public.applicationstatus has the labels " + found.statusLabels()
                        + "; the client knows exactly " + STATUS_LABELS + ". Ask the platform's team which labels "
                        + "are in use; the client cannot show an application in an unknown status.");
            }
            return;
        }
        if (!columnType.equals(VARCHAR_STATUS)) {
            return; // refused above as a column type
        }
        adopted.add("public.job_applications.status is kept as " + VARCHAR_STATUS + " (no enum type); the client "
                + "adds a domain public.applicationstatus over it for its own objects (decision 0011)");
        if (found.statusType() != null && !found.statusType().equals("d|" + VARCHAR_STATUS)) {
            problems.add("A type public.applicationstatus exists (" + (found.statusType().startsWith("e")
                    ? "an enum" : "kind " + found.statusType()) + ") but job_applications.status does not use it. "
                    + "The client would name that type for its own status columns. Drop the unused type "
                    + "(DROP TYPE public.applicationstatus, once nothing depends on it), or convert the column to it "
                    + "if the platform still expects the enum.");
        }
        if (!found.unknownStatuses().isEmpty()) {
            List<String> values = found.unknownStatuses().stream().map(v -> {
                int bar = v.lastIndexOf('|');
                return "'" + v.substring(0, bar) + "' (" + v.substring(bar + 1) + " rows)";
            }).toList();
            problems.add("Applications hold statuses outside " + STATUS_LABELS + ": " + String.join(", ", values)
                    + ". Correct them with the platform's team (for example UPDATE public.job_applications SET "
                    + "status = lower(status) WHERE status <> lower(status)), then run migrate --baseline again.");
        }
    }

    private static void notedAbsence(Set<String> present, String name, String kind, List<String> adopted) {
        if (!present.contains(name)) {
            adopted.add(kind + " " + name + " is absent (as the platform's current code builds it; the client's "
                    + "queries do not rely on it)");
        }
    }

    static List<String> lines() {
        try (InputStream in = PlatformShape.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
