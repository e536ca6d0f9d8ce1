package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.common.db.UnitOfWork;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A unit of work whose transactions always roll back: the benchmark runs the real services' writes (a board move,
 * a review save) with their real transaction, preamble and statements, and the data stays as it was, so every
 * repetition sees the same rows.
 */
final class RollbackOnly {
    private RollbackOnly() {
    }

    static UnitOfWork unitOfWork(SqlSessionFactory factory) {
        SqlSessionFactory wrapped = (SqlSessionFactory) Proxy.newProxyInstance(RollbackOnly.class.getClassLoader(),
                new Class<?>[]{SqlSessionFactory.class}, (proxy, method, args) -> {
                    Object result = invoke(factory, method, args);
                    return result instanceof SqlSession s && method.getName().equals("openSession") ? wrap(s) : result;
                });
        return new UnitOfWork(wrapped, () -> false);
    }

    private static SqlSession wrap(SqlSession session) {
        return (SqlSession) Proxy.newProxyInstance(RollbackOnly.class.getClassLoader(),
                new Class<?>[]{SqlSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        // force = true: MyBatis skips a rollback it thinks is unneeded (no "dirty" update seen)
                        session.rollback(true);
                        return null;
                    }
                    return invoke(session, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
