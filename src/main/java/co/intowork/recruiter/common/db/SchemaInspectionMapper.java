package co.intowork.recruiter.common.db;

import java.util.List;

public interface SchemaInspectionMapper {
    /** {@code table.column} of every column of an ordinary table in public. */
    List<String> publicColumns();

    boolean historyTableExists();

    String serverVersion();

    String currentDatabase();

    String currentUser();
}
