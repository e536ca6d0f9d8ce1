package co.intowork.recruiter.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSession;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * One statement (or one service call) of the UI in the benchmark: how its parameters are drawn from the data,
 * how it runs as the signed-in client, how its plan is obtained and which indexes it is meant to use, and
 * optionally the platform web backend's way of getting the same data (the baseline).
 *
 * @param name            stable name in the report, e.g. "board.page"
 * @param what            one line for the report
 * @param draw            one set of parameters; the map is also the MyBatis parameter of the real statement
 * @param ours            runs once as the client and says how long the statement itself took
 * @param plans           the plans of the statements it sends (empty: a function call with nothing to index)
 * @param intendedIndexes every one must appear in the plans for index_used to be true
 * @param baseline        null when the platform has nothing comparable
 */
public record BenchStatement(String name, String what, Function<Random, Map<String, Object>> draw, Timed ours,
                             PlanSource plans, List<String> intendedIndexes, BaselineWork baseline) {

    /** One timed run: the statement's own time (nanoseconds) and how many rows it returned or changed. */
    public record Sample(long nanos, int rows) {
    }

    @FunctionalInterface
    public interface Timed {
        Sample run(Map<String, Object> parameters) throws Exception;
    }

    @FunctionalInterface
    public interface PlanSource {
        List<JsonNode> plans(Map<String, Object> parameters) throws Exception;
    }

    /** The baseline's work inside the baseline transaction; the runner times the call. Returns rows. */
    @FunctionalInterface
    public interface BaselineWork {
        int run(SqlSession owner, Map<String, Object> parameters) throws Exception;
    }

    public BenchStatement withBaseline(BaselineWork work) {
        return new BenchStatement(name, what, draw, ours, plans, intendedIndexes, work);
    }
}
