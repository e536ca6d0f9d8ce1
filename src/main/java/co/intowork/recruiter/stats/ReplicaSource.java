package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.settings.ConnectionSettings;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The read replica for statistics. Its pool opens on first use; each transaction starts with the same sign-in
 * preamble as the main database's (the replica holds the same sessions, streamed from the primary). After a
 * failure it is left alone for a minute, so a replica that is down costs one connect timeout, not one per panel.
 */
public final class ReplicaSource implements AutoCloseable {
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    /**
     * Opens the replica's connections for one desk: its own small pool by default; the load test's thousands of
     * simulated desks share one (decision 0024). {@code close} ends what {@code open} opened.
     */
    public interface Opener {
        UnitOfWork open(ConnectionSettings settings, BooleanSupplier onUiThread);

        void close();
    }

    private final ConnectionSettings settings;
    private final Opener opener;
    private final UnitOfWork primary;
    private final BooleanSupplier onUiThread;
    private final Clock clock;
    private UnitOfWork unitOfWork;
    private Instant skipUntil = Instant.MIN;
    private String lastFailure;

    public ReplicaSource(ConnectionSettings settings, UnitOfWork primary, Clock clock) {
        this(settings, primary, clock, new OwnPool());
    }

    public ReplicaSource(ConnectionSettings settings, UnitOfWork primary, Clock clock, Opener opener) {
        this.settings = settings;
        this.opener = opener;
        this.primary = primary;
        this.onUiThread = primary.uiThreadCheck();
        this.clock = clock;
    }

    /** The configured replica beside {@code primary}, or null when none is configured. */
    public static ReplicaSource of(StatsSettings settings, UnitOfWork primary) {
        return settings.replica() == null ? null : new ReplicaSource(settings.replica(), primary, Clock.systemUTC());
    }

    /** The replica's unit of work, or null while it is being left alone after a failure (see {@link #lastFailure}). */
    synchronized UnitOfWork unitOfWork() {
        if (clock.instant().isBefore(skipUntil)) {
            return null;
        }
        if (unitOfWork == null) {
            unitOfWork = opener.open(settings, onUiThread);
            unitOfWork.setPreamble(session -> primary.preamble().apply(session));
        }
        return unitOfWork;
    }

    synchronized void failed(String reason) {
        lastFailure = reason;
        skipUntil = clock.instant().plus(RETRY_AFTER);
        opener.close();
        unitOfWork = null;
    }

    synchronized String lastFailure() {
        return lastFailure;
    }

    @Override
    public synchronized void close() {
        opener.close();
    }

    /** The desk's own pool of the replica (at most two connections, see StatsSettings). */
    private static final class OwnPool implements Opener {
        private HikariDataSource pool;

        @Override
        public UnitOfWork open(ConnectionSettings settings, BooleanSupplier onUiThread) {
            pool = DataSourceFactory.create(settings, "intowork-replica");
            return new UnitOfWork(MyBatisFactory.create(pool, List.of(StatsMapper.class, SessionMapper.class)),
                    onUiThread);
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
            pool = null;
        }
    }
}
