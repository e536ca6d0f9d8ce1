package co.intowork.recruiter.common.db.admin;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** Read-only catalogue and statistics queries for {@code doctor}. SQL in DoctorMapper.xml. */
public interface DoctorMapper {
    /** An index of schema public or recruiter: "schema.name" and whether it is valid. */
    record IndexState(String name, boolean valid) {
    }

    /** Blocks read from shared buffers (hits) and from disk or the OS cache (reads). */
    record CacheStats(Long hits, Long reads) {
    }

    /** An int4/int8 sequence of schema public or recruiter and how much of its range is used. */
    record SequenceHeadroom(String sequenceName, Long lastValue, long maxValue, double usedPercent) {
    }

    /** Where this connection runs: the server's own port, whether it is a hot standby and how far behind. */
    record ServerRole(Integer serverPort, boolean standby, Double lagSeconds, String statementTimeout,
                      String lockTimeout) {
    }

    int ping();

    /** This transaction's server process; never cached, every call asks the server. */
    int backendPid();

    ServerRole serverRole();

    String serverVersion();

    String currentDatabase();

    String currentUser();

    DoctorReport.Tls tls();

    boolean relationExists(@Param("name") String qualifiedName);

    boolean functionExists(@Param("signature") String signature);

    List<IndexState> indexStates();

    List<DoctorReport.NotValidConstraint> notValidConstraints();

    List<DoctorReport.NotValidConstraint> checkConstraintViolations();

    CacheStats cacheStats();

    List<DoctorReport.RelationSize> largestTables(@Param("limit") int limit);

    List<DoctorReport.RelationSize> largestIndexes(@Param("limit") int limit);

    List<DoctorReport.UnusedIndex> unusedIndexes(@Param("limit") int limit);

    String pgStatStatementsState();

    List<DoctorReport.SlowStatement> slowestStatements(@Param("limit") int limit);

    long futureAppliedAtRows();

    OffsetDateTime activeJobsSummaryRefreshedAt();

    List<SequenceHeadroom> sequencesUsedOver(@Param("percent") double percent);

    /** pg_stat_statements' functions and views a client login may still call or read (V31 revokes them). */
    List<String> monitoringOpenToClients();
}
