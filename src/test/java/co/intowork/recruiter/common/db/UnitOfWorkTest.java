package co.intowork.recruiter.common.db;

import co.intowork.recruiter.testing.TestDatabase;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One piece of work, one transaction: committed when it returns, rolled back when it throws, never on the UI thread. */
class UnitOfWorkTest {
    static TestDatabase.Db db;

    /** Counts sessions opened, to prove that a refused unit of work never touched the database. */
    final AtomicInteger sessionsOpened = new AtomicInteger();
    SqlSessionFactory factory;

    @BeforeAll
    static void createTable() throws SQLException {
        db = TestDatabase.newEmptyDatabase("uow");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL CHECK (body <> ''))");
        }
    }

    @BeforeEach
    void countingFactory() throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE note");
        }
        SqlSessionFactory real = MyBatisFactory.create(db.superuser(), List.of());
        factory = (SqlSessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SqlSessionFactory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("openSession")) {
                        sessionsOpened.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private UnitOfWork unitOfWork(boolean onUiThread) {
        return new UnitOfWork(factory, () -> onUiThread);
    }

    private static List<String> notes() throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM note ORDER BY id")) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }

    private static void insert(org.apache.ibatis.session.SqlSession session, int id, String body) throws SQLException {
        try (Statement s = session.getConnection().createStatement()) {
            s.executeUpdate("INSERT INTO note VALUES (" + id + ", '" + body + "')");
        }
    }

    @Test
    void commitsWhenTheWorkReturns() throws SQLException {
        String result = unitOfWork(false).inTransaction(session -> {
            assertThat(session.getConnection().getAutoCommit()).as("inside a transaction").isFalse();
            insert(session, 1, "premier");
            insert(session, 2, "second");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(notes()).containsExactly("premier", "second");
        assertThat(sessionsOpened).hasValue(1);
    }

    @Test
    void everythingRunsInOneReadCommittedTransaction() {
        List<String> seen = unitOfWork(false).inTransaction(session -> {
            List<String> values = new ArrayList<>();
            try (Statement s = session.getConnection().createStatement()) {
                for (String q : new String[]{"SELECT txid_current()::text", "SELECT txid_current()::text",
                        "SHOW transaction_isolation"}) {
                    try (ResultSet rs = s.executeQuery(q)) {
                        rs.next();
                        values.add(rs.getString(1));
                    }
                }
            }
            return values;
        });
        assertThat(seen.get(0)).isEqualTo(seen.get(1));
        assertThat(seen.get(2)).isEqualTo("read committed");
    }

    @Test
    void rollsBackWhenTheWorkThrowsAndTellsTheUser() throws SQLException {
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> unitOfWork(false).run(session -> {
            insert(session, 1, "will vanish");
            throw new IllegalStateException("calculation failed");
        }));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("Something went wrong: calculation failed. Try again; if it keeps "
                + "happening, send the log file to your IT support.");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(notes()).isEmpty();
    }

    @Test
    void aDatabaseErrorRollsBackTheEarlierStatementsAndIsTranslated() throws SQLException {
        unitOfWork(false).run(session -> insert(session, 1, "already here"));
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> unitOfWork(false).run(session -> {
            insert(session, 2, "new one");
            insert(session, 1, "duplicate");
        }));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("This would create a duplicate (note_pkey): the same record already "
                + "exists. Refresh to see it; nothing was changed.");
        assertThat(SqlErrors.find(e, SQLException.class)).get().extracting(SQLException::getSQLState)
                .isEqualTo("23505");
        assertThat(notes()).containsExactly("already here");
    }

    @Test
    void aCheckViolationIsTranslated() throws SQLException {
        assertThatThrownBy(() -> unitOfWork(false).run(session -> insert(session, 1, "")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("These values break a rule of the database (note_body_check).");
        assertThat(notes()).isEmpty();
    }

    @Test
    void aUserFacingExceptionFromTheWorkPassesThroughUnchanged() throws SQLException {
        UserFacingException mine = new UserFacingException("Choose a job first.");
        assertThatThrownBy(() -> unitOfWork(false).run(session -> {
            insert(session, 1, "x");
            throw mine;
        })).isSameAs(mine);
        assertThat(notes()).isEmpty();
    }

    @Test
    void thePreambleRunsFirstInsideTheSameTransaction() {
        UnitOfWork uow = unitOfWork(false);
        uow.setPreamble(session -> {
            try (Statement s = session.getConnection().createStatement()) {
                s.execute("SELECT set_config('intowork.user_id', '42', true)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String inside = uow.inTransaction(session -> {
            try (Statement s = session.getConnection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('intowork.user_id', true)")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(inside).isEqualTo("42");
    }

    @Test
    void refusesToRunOnTheUiThreadWithoutTouchingTheDatabase() throws SQLException {
        AtomicBoolean workRan = new AtomicBoolean();
        AtomicBoolean preambleRan = new AtomicBoolean();
        UnitOfWork uow = unitOfWork(true);
        uow.setPreamble(session -> preambleRan.set(true));
        assertThatThrownBy(() -> uow.inTransaction(session -> {
            workRan.set(true);
            insert(session, 1, "must not be written");
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("UI thread");
        assertThatThrownBy(() -> uow.run(session -> workRan.set(true)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(workRan).isFalse();
        assertThat(preambleRan).isFalse();
        assertThat(sessionsOpened).hasValue(0);
        assertThat(notes()).isEmpty();
    }

    @Test
    void theUiThreadCheckIsMadeOnEveryCall() {
        AtomicBoolean onUi = new AtomicBoolean(true);
        UnitOfWork uow = new UnitOfWork(factory, onUi::get);
        assertThatThrownBy(() -> uow.inTransaction(session -> 1)).isInstanceOf(IllegalStateException.class);
        onUi.set(false);
        Integer one = uow.inTransaction(session -> 1);
        assertThat(one).isEqualTo(1);
        assertThat(sessionsOpened).hasValue(1);
    }
}
