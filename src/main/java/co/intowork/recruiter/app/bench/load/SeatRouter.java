package co.intowork.recruiter.app.bench.load;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The data source of every seat's unit of work: it hands out the connection of the seat whose action runs on this
 * thread. One MyBatis configuration serves all seats (each seat keeps its own unit of work and sign-in), where one
 * per seat would parse every mapper 500 times.
 */
final class SeatRouter implements DataSource {
    private static final ThreadLocal<Seat> CURRENT = new ThreadLocal<>();

    private final Function<Seat, SeatConnections> connections;

    SeatRouter(Function<Seat, SeatConnections> connections) {
        this.connections = connections;
    }

    static void enter(Seat seat) {
        CURRENT.set(seat);
    }

    static void leave() {
        CURRENT.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Seat seat = CURRENT.get();
        if (seat == null) {
            throw new SQLException("No seat is running on this thread");
        }
        return connections.apply(seat).take();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the seat's driver properties carry connectTimeout
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
