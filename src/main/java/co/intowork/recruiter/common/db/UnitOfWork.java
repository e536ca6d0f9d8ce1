package co.intowork.recruiter.common.db;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;

import java.util.function.BooleanSupplier;

/**
 * Runs one piece of database work in one transaction: commit when it returns, roll back when it throws. It
 * refuses to run on the UI thread, so a slow query can never freeze the window.
 */
public final class UnitOfWork {
    @FunctionalInterface
    public interface Work<T> {
        T run(SqlSession session) throws Exception;
    }

    /** Called first in every transaction, e.g. to set the transaction-local sign-in session. */
    @FunctionalInterface
    public interface TransactionPreamble {
        void apply(SqlSession session);
    }

    private final SqlSessionFactory factory;
    private final BooleanSupplier onUiThread;
    private volatile TransactionPreamble preamble = session -> { };

    public UnitOfWork(SqlSessionFactory factory, BooleanSupplier onUiThread) {
        this.factory = factory;
        this.onUiThread = onUiThread;
    }

    public SqlSessionFactory factory() {
        return factory;
    }

    public void setPreamble(TransactionPreamble preamble) {
        this.preamble = preamble;
    }

    /** Where work is refused (the UI thread), e.g. for a second data source used alongside this one. */
    public BooleanSupplier uiThreadCheck() {
        return onUiThread;
    }

    /** The current preamble, e.g. for a second data source that must run as the same signed-in session. */
    public TransactionPreamble preamble() {
        return preamble;
    }

    public <T> T inTransaction(Work<T> work) {
        if (onUiThread.getAsBoolean()) {
            throw new IllegalStateException("Database work was started on the UI thread; run it through a "
                    + "TaskRunner instead.");
        }
        try (SqlSession session = factory.openSession(TransactionIsolationLevel.READ_COMMITTED)) {
            try {
                preamble.apply(session);
                T result = work.run(session);
                session.commit(true);
                return result;
            } catch (Exception e) {
                session.rollback(true);
                throw SqlErrors.translate(e);
            }
        }
    }

    public void run(VoidWork work) {
        inTransaction(session -> {
            work.run(session);
            return null;
        });
    }

    @FunctionalInterface
    public interface VoidWork {
        void run(SqlSession session) throws Exception;
    }
}
