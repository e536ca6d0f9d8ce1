package co.intowork.recruiter.live;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The signed-in person's stream of changes (decision 0021), on a thread of its own that never touches the UI: it
 * LISTENs on the person's channels on one dedicated connection (outside the pool), and on each wake-up reads the
 * events after its cursor through the unit of work (as the person, so filtered by the server). When LISTEN cannot
 * work (a transaction-mode pooler: the self-test's notification does not come back, or live.mode=poll) it reads
 * every {@link #POLL_PERIOD} instead. After a lost connection it reconnects and reads from its cursor: nothing
 * is missed. The sink gets each batch on this thread; the UI's subscribers go through {@link LiveUpdates}.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    /** What live_channels() returns; nothing else is ever put into a LISTEN. */
    public static final Pattern CHANNEL = Pattern.compile("iw_[0-9a-f]{40}");
    public static final Duration POLL_PERIOD = Duration.ofSeconds(1);
    /** A gap in the events that may still fill is read again this soon. */
    private static final Duration HELD_RETRY = Duration.ofMillis(200);
    /** Even when listening: a read now and then, in case a wake-up was lost on a half-open connection. */
    private static final Duration SAFETY_READ = Duration.ofSeconds(30);
    /**
     * At most one read per this while listening: 200 clients of one busy company otherwise read once per change
     * each (live delivery benchmark, decision 0021).
     */
    static final Duration MIN_READ_INTERVAL = Duration.ofMillis(250);
    private static final Duration SELF_TEST_WAIT = Duration.ofSeconds(1);
    private static final int BATCH = 500;

    /** Opens the dedicated listener connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    public enum State { STARTING, LISTENING, POLLING, RECONNECTING, CLOSED }

    private final UnitOfWork unitOfWork;
    private final Opener opener;
    private final LiveMode wanted;
    private final Integer job;
    private final Consumer<List<LiveEvent>> sink;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile boolean closed;
    private volatile Connection listener;
    private volatile int listenerPid;
    private volatile LiveSelfTest.Result selfTest;
    private volatile String cursor;
    // events already handed on past a gap that may still fill (the server returns them again until it settles)
    private final java.util.Set<String> aboveGap = new java.util.HashSet<>();
    private Thread thread;

    /**
     * {@code job}: only that job's events (null: all the person may see); {@code sink}: gets each batch of events,
     * on the feed's thread.
     */
    public LiveFeed(UnitOfWork unitOfWork, Opener opener, LiveMode mode, Integer job, Consumer<List<LiveEvent>> sink) {
        this.unitOfWork = unitOfWork;
        this.opener = opener;
        this.wanted = mode;
        this.job = job;
        this.sink = sink;
    }

    /**
     * A plain connection with the pool's settings (not one of its connections: it stays open and busy listening),
     * to {@code url} when set (a direct or session-mode address when the pool goes through a transaction-mode
     * pooler), else to the pool's own address.
     */
    public static Opener directOpener(DataSource pool, String url) {
        if (!(pool instanceof HikariDataSource hikari)) {
            throw new IllegalArgumentException("The live board needs the app's own connection pool");
        }
        return () -> {
            Properties props = new Properties();
            props.putAll(hikari.getDataSourceProperties());
            // it waits for notifications as long as it likes; the wait has its own timeout
            props.remove("socketTimeout");
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("ApplicationName", props.getProperty("ApplicationName", "IntoWork Recruiter") + " (live)");
            if (hikari.getUsername() != null) {
                props.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                props.setProperty("password", hikari.getPassword());
            }
            String target = url == null || url.isBlank() ? hikari.getJdbcUrl() : url;
            Connection c = new Driver().connect(target, props);
            if (c == null) {
                throw new SQLException("Not a PostgreSQL address: " + target);
            }
            return c;
        };
    }

    /**
     * A MyBatis session on the dedicated connection that leaves it open: closing a session made on a caller's
     * connection closes the connection (JdbcTransaction), and with it the LISTENs just made.
     */
    static SqlSession onDedicated(SqlSessionFactory factory, Connection c) {
        Connection keptOpen = (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return factory.openSession(keptOpen);
    }

    public void start() {
        thread = new Thread(this::run, "intowork-live");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the feed has its cursor and listens or polls; for tests and {@code watch}. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public State state() {
        return state;
    }

    /** The listener connection's server process, while listening (tests end it to simulate a network loss). */
    public int listenerPid() {
        return listenerPid;
    }

    /** The self-test's outcome, once made (AUTO only). */
    public LiveSelfTest.Result selfTest() {
        return selfTest;
    }

    private SqlSessionFactory factory() {
        return unitOfWork.factory();
    }

    private void run() {
        long backoff = 200;
        boolean poll = wanted == LiveMode.POLL;
        while (!closed) {
            try {
                if (cursor == null) {
                    cursor = head();
                }
                if (poll) {
                    pollLoop();
                } else {
                    poll = !listenLoop();
                }
                backoff = 200;
            } catch (RuntimeException | SQLException e) {
                if (closed) {
                    break;
                }
                if (state != State.RECONNECTING) {
                    log.warn("Live board: connection lost ({}); reconnecting", SqlErrors.describe(e));
                }
                state = State.RECONNECTING;
                closeListener();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        state = State.CLOSED;
        ready.countDown();
    }

    /** Listens until closed or the connection fails (throws); false when LISTEN does not work here. */
    private boolean listenLoop() throws SQLException {
        Connection c = opener.open();
        listener = c;
        c.setAutoCommit(true);
        if (wanted == LiveMode.AUTO && selfTest == null) {
            selfTest = LiveSelfTest.run(factory(), c, channel -> unitOfWork.run(
                    s -> s.getMapper(LiveMapper.class).notifyChannel(channel, "")), SELF_TEST_WAIT);
            if (!selfTest.listenWorks()) {
                log.info("{}", selfTest.describe());
                closeListener();
                return false;
            }
        }
        List<String> channels = unitOfWork.inTransaction(s -> s.getMapper(LiveMapper.class).channels());
        try (SqlSession s = onDedicated(factory(), c)) {
            LiveMapper m = s.getMapper(LiveMapper.class);
            listenerPid = m.backendPid();
            for (String channel : channels) {
                if (!CHANNEL.matcher(channel).matches()) {
                    throw new IllegalStateException("Unexpected live channel name from the server");
                }
                m.listen(channel);
            }
        }
        if (state == State.RECONNECTING) {
            log.info("Live board: listening again; catching up from the last event seen");
        }
        // listening first, then reading: a change committed in between is both heard and read, never neither
        boolean held = catchUp();
        state = State.LISTENING;
        ready.countDown();
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastRead = System.nanoTime();
        while (!closed) {
            int wait = (int) (held ? HELD_RETRY.toMillis() : SAFETY_READ.toMillis());
            PGNotification[] heard = pg.getNotifications(wait);
            boolean woken = heard != null && heard.length > 0;
            if (woken || held || System.nanoTime() - lastRead >= SAFETY_READ.toNanos()) {
                long since = System.nanoTime() - lastRead;
                if (since < MIN_READ_INTERVAL.toNanos()) {
                    // a busy company wakes every listener at each change: one read per interval takes them all
                    sleep((MIN_READ_INTERVAL.toNanos() - since) / 1_000_000);
                }
                held = catchUp();
                lastRead = System.nanoTime();
            }
        }
        return true;
    }

    private void pollLoop() {
        state = State.POLLING;
        boolean held = catchUp();
        ready.countDown();
        while (!closed) {
            sleep((held ? HELD_RETRY : POLL_PERIOD).toMillis());
            if (!closed) {
                held = catchUp();
            }
        }
    }

    private String head() {
        List<LiveEvent> rows = unitOfWork.inTransaction(s -> s.getMapper(LiveMapper.class).events(null, job, BATCH));
        return rows.get(rows.size() - 1).eventId();
    }

    /** Reads everything after the cursor and hands it to the sink; true when a gap may still fill. */
    private boolean catchUp() {
        while (true) {
            String after = cursor;
            List<LiveEvent> rows = unitOfWork.inTransaction(
                    s -> s.getMapper(LiveMapper.class).events(after, job, BATCH));
            LiveEvent last = rows.get(rows.size() - 1);
            boolean held = "held".equals(last.status());
            List<LiveEvent> events = new ArrayList<>();
            for (LiveEvent e : rows.subList(0, rows.size() - 1)) {
                if (aboveGap.contains(e.eventId())) {
                    continue;
                }
                events.add(e);
                if (held) {
                    aboveGap.add(e.eventId());
                }
            }
            if (!held) {
                // the cursor is now past everything returned
                aboveGap.clear();
            }
            if (!events.isEmpty()) {
                try {
                    sink.accept(List.copyOf(events));
                } catch (RuntimeException e) {
                    log.warn("Live board: a subscriber failed: {}", e.toString(), e);
                }
            }
            cursor = last.eventId();
            if (!"more".equals(last.status())) {
                return held;
            }
        }
    }

    private void closeListener() {
        Connection c = listener;
        listener = null;
        listenerPid = 0;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        state = State.CLOSED;
        closeListener();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
