package co.intowork.recruiter.app.bench.load;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** The load test's administration statements (SQL in LoadTestMapper.xml); never run by a seat. */
public interface LoadTestMapper {
    record Backends(long clientBackends, long active, long idleInTransaction) {
    }

    record MoveOutcome(int applicationId, long events, long notifications, long pending) {
    }

    boolean databaseExists(@Param("name") String name);

    void createDatabase(@Param("name") String name);

    void dropDatabase(@Param("name") String name);

    String createClientLogin(@Param("name") String name, @Param("connectionLimit") int connectionLimit);

    void setLoginTimeouts(@Param("login") String login);

    int signInBudget(@Param("name") String name);

    List<String> seatUsers(@Param("limit") int limit);

    OffsetDateTime serverNow();

    Backends backends();

    Long replicationLagBytes();

    void deliverDue();

    List<MoveOutcome> moveOutcomes(@Param("ids") Integer[] ids, @Param("since") OffsetDateTime since);
}
