package co.intowork.recruiter.live;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Whether LISTEN works on a connection: it listens on a random channel, the notification is sent through another
 * path (the app's pool, or a second connection), and it must come back within the wait. Behind PgBouncer in
 * transaction mode it does not (the LISTEN's server connection goes back to the pool after its statement).
 */
public final class LiveSelfTest {
    public record Result(boolean listenWorks, long millis, String detail) {
        public String describe() {
            return listenWorks
                    ? "Live board: LISTEN/NOTIFY works on a dedicated connection (self-test notification back in "
                    + millis + " ms); clients listen"
                    : "Live board: no self-test notification came back (" + detail + "); clients poll the change "
                    + "events every " + LiveFeed.POLL_PERIOD.toMillis() + " ms instead (set live.listen.url to a direct "
                    + "or session-mode address to listen)";
        }
    }

    private LiveSelfTest() {
    }

    /**
     * For {@code doctor}: what a client's feed in live.mode=auto would choose against this pool, a dedicated
     * connection opened as the feed opens it ({@code listenUrl}: live.listen.url, null for the pool's address)
     * and the notification sent through the pool.
     */
    public static Result probe(javax.sql.DataSource pool, String listenUrl) {
        SqlSessionFactory factory = co.intowork.recruiter.common.db.MyBatisFactory.create(pool,
                java.util.List.of(LiveMapper.class));
        try (Connection listener = LiveFeed.directOpener(pool, listenUrl).open()) {
            return run(factory, listener, channel -> {
                try (SqlSession s = factory.openSession(true)) {
                    s.getMapper(LiveMapper.class).notifyChannel(channel, "");
                }
            }, Duration.ofSeconds(1));
        } catch (SQLException | RuntimeException e) {
            return new Result(false, 0, co.intowork.recruiter.common.db.SqlErrors.describe(e));
        }
    }

    /**
     * {@code listener}: the connection to test (left listening on nothing); {@code send}: sends
     * pg_notify(channel, payload) some other way.
     */
    public static Result run(SqlSessionFactory factory, Connection listener, SendNotify send, Duration wait) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String channel = "iw_selftest_" + HexFormat.of().formatHex(random);
        long start = System.nanoTime();
        try {
            listener.setAutoCommit(true);
            try (SqlSession s = LiveFeed.onDedicated(factory, listener)) {
                s.getMapper(LiveMapper.class).listen(channel);
            }
            send.accept(channel);
            PGConnection pg = listener.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                PGNotification[] heard = pg.getNotifications(left);
                if (heard != null) {
                    for (PGNotification n : heard) {
                        if (channel.equals(n.getName())) {
                            return new Result(true, (System.nanoTime() - start) / 1_000_000, "");
                        }
                    }
                }
            }
            return new Result(false, wait.toMillis(), "none within " + wait.toMillis() + " ms");
        } catch (SQLException | RuntimeException e) {
            return new Result(false, (System.nanoTime() - start) / 1_000_000, e.getMessage());
        } finally {
            try (SqlSession s = LiveFeed.onDedicated(factory, listener)) {
                s.getMapper(LiveMapper.class).unlistenAll();
            } catch (RuntimeException ignored) {
                // the connection is being dropped anyway
            }
        }
    }

    @FunctionalInterface
    public interface SendNotify extends Consumer<String> {
    }
}
