package co.intowork.recruiter.common.db;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface SchemaInspectionMapper {
    /** {@code table.column} of every column of an ordinary table in public. */
    List<String> publicColumns();

    /** {@code table.column|type|null or not null}, in the form of platform-v1-shape.txt. */
    List<String> publicColumnShapes();

    /** {@code table|col1,col2} of every unique key in public a foreign key can reference. */
    List<String> publicUniqueKeys();

    /** {@code kind|base type} of public.applicationstatus, or null when there is none. */
    String applicationStatusType();

    List<String> applicationStatusLabels();

    /** {@code value|rows} of statuses outside the six labels. */
    List<String> unknownApplicationStatuses();

    List<String> publicIndexAndCheckNames();

    List<String> publicColumnDefaults();

    boolean historyTableExists();

    boolean failureRecordExists();

    void recordFailure(@Param("version") String version, @Param("description") String description,
                       @Param("sqlState") String sqlState, @Param("cause") String cause,
                       @Param("databaseState") String databaseState);

    int resolveFailures();

    List<String> unresolvedFailures();

    String serverVersion();

    String currentDatabase();

    String currentUser();
}
