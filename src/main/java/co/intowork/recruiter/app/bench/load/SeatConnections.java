package co.intowork.recruiter.app.bench.load;

import org.postgresql.Driver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated desk's connection to one server address (decision 0024): the desk's pool reduced to what a seat
 * doing one thing at a time uses, one connection kept open between actions (the desk's minimumIdle is 1). Like
 * HikariCP it checks a connection idle for more than half a second before handing it out (pgjdbc's isValid, an
 * empty query) and opens a new one when that fails, so a pooler or server restart costs the desk only the work
 * in flight. A thread-less holder, because 500 HikariCP pools in one JVM are 1,000 threads.
 */
final class SeatConnections {
    private static final long ALIVE_BYPASS_NANOS = 500_000_000L;
    static final AtomicLong OPENED = new AtomicLong();

    private final String url;
    private final Properties props;
    private Connection idle;
    private long idleSince;
    private volatile Connection inUse;

    SeatConnections(String url, Properties props) {
        this.url = url;
        this.props = props;
    }

    synchronized Connection take() throws SQLException {
        Connection c = idle;
        idle = null;
        if (c != null && (c.isClosed() || System.nanoTime() - idleSince > ALIVE_BYPASS_NANOS && !c.isValid(3))) {
            closeQuietly(c);
            c = null;
        }
        if (c == null) {
            c = new Driver().connect(url, props);
            if (c == null) {
                throw new SQLException("No driver for " + url);
            }
            OPENED.incrementAndGet();
        }
        inUse = c;
        Connection real = c;
        return (Connection) Proxy.newProxyInstance(SeatConnections.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        giveBack(real);
                        return null;
                    }
                    if ("isClosed".equals(method.getName()) && method.getParameterCount() == 0 && inUse != real) {
                        return true;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private synchronized void giveBack(Connection c) {
        if (inUse == c) {
            inUse = null;
        }
        boolean usable;
        try {
            usable = !c.isClosed();
        } catch (SQLException e) {
            usable = false;
        }
        if (usable && idle == null) {
            idle = c;
            idleSince = System.nanoTime();
        } else {
            closeQuietly(c);
        }
    }

    /** The desk's network drops: its connections' sockets close under it, in use or idle. */
    void kill() {
        Connection busy = inUse;
        Connection waiting;
        synchronized (this) {
            waiting = idle;
        }
        for (Connection c : new Connection[]{busy, waiting}) {
            if (c != null) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // already gone
                }
            }
        }
    }

    synchronized void close() {
        if (idle != null) {
            closeQuietly(idle);
            idle = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a broken connection: nothing to give back
        }
    }
}
