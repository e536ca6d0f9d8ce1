package co.intowork.recruiter.stats;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the SQL of every statement MyBatis prepares (the sign-in preamble aside), to assert how many round
 * trips a piece of work makes: it sees every mapper call, so a dashboard assembled from several queries fails.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class StatementCounter implements Interceptor {
    private final List<String> statements = new ArrayList<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String sql = ((StatementHandler) invocation.getTarget()).getBoundSql().getSql();
        if (!sql.contains("recruiter.use_session")) {
            synchronized (statements) {
                statements.add(sql);
            }
        }
        return invocation.proceed();
    }

    List<String> drain() {
        synchronized (statements) {
            List<String> copy = List.copyOf(statements);
            statements.clear();
            return copy;
        }
    }
}
