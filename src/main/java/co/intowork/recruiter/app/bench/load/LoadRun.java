package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.stats.StatsMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A load run (decision 0024): seats sign in over the ramp, then each runs the mix with a think time between
 * actions; the run measures a steady phase, then causes each drill's fault and watches a window after it; finally
 * it counts the status events and notifications the moves wrote against the moves the seats made.
 */
public final class LoadRun {
    public enum Drill {
        POOLER_RESTART("PgBouncer restarted mid-load"),
        STANDBY_STOPPED("Streaming standby stopped (statistics fall back to the primary)"),
        PRIMARY_RESTART("Primary restarted (pg_ctl restart -m fast)"),
        SEAT_KILLED("One seat's connections killed (its network drops)");

        final String title;

        Drill(String title) {
            this.title = title;
        }
    }

    public record Config(int seats, int logins, Duration thinkMin, Duration thinkMax, Duration ramp, Duration steady,
                         List<Drill> drills, Duration drillWindow, int threads, long randomSeed) {
    }

    /** One action of one seat. */
    record Sample(String phase, Seat.Action action, int seat, long startNanos, long nanos, String error,
                  String note) {
    }

    record Phase(String name, long startNanos, long endNanos, Map<String, Double> cpuStart, Map<String, Double> cpuEnd,
                 Map<String, Object> facts) {
    }

    record PoolSample(double atSeconds, int clientActive, int clientWaiting, int serverActive, int serverIdle,
                      int serverUsed, double maxWaitSeconds, long primaryBackends, long standbyBackends,
                      boolean poolerUp) {
    }

    /** Everything measured, for {@link LoadReport}. */
    record Result(Config config, String dataSet, String pgbouncerVersion, List<String> logins, long startNanos,
                  List<Sample> samples, List<Phase> phases, List<PoolSample> pools, List<Seat.MoveAttempt> moves,
                  List<LoadTestMapper.MoveOutcome> outcomes, long connectionsOpened) {
    }

    private static final Map<Seat.Action, Integer> MIX = new EnumMap<>(Map.of(
            Seat.Action.PIPELINE, 20, Seat.Action.SEARCH, 10, Seat.Action.BOARD, 25, Seat.Action.MOVE, 8,
            Seat.Action.REVIEW_SAVE, 12, Seat.Action.STATISTICS, 12, Seat.Action.INBOX, 13));

    private final Config config;
    private final Cluster cluster;
    private final String password;
    private final Consumer<String> progress;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Seat.MoveAttempt> moves = Collections.synchronizedList(new ArrayList<>());
    private final List<PoolSample> pools = Collections.synchronizedList(new ArrayList<>());
    private final List<Phase> phases = new ArrayList<>();
    private volatile String phase = "ramp";
    private volatile boolean stopping;
    private long startNanos;

    public LoadRun(Config config, Cluster cluster, String password, Consumer<String> progress) {
        this.config = config;
        this.cluster = cluster;
        this.password = password;
        this.progress = progress;
    }

    public Result run() {
        List<String> logins = clientLogins();
        PgBouncer pooler = cluster.startPooler(logins);
        OffsetDateTime since;
        List<String> emails;
        try (SqlSession s = cluster.primaryAdmin().openSession(true)) {
            LoadTestMapper m = s.getMapper(LoadTestMapper.class);
            since = m.serverNow();
            emails = m.seatUsers(config.seats());
        }
        if (emails.isEmpty()) {
            throw new IllegalStateException("The database has no active recruiter to sign in as");
        }
        SqlSessionFactory primaryFactory = MyBatisFactory.create(new SeatRouter(s -> s.primaryConnections),
                Mappers.all());
        SqlSessionFactory standbyFactory = cluster.standbyDatabase() == null ? null : MyBatisFactory.create(
                new SeatRouter(s -> s.replicaConnections), List.of(StatsMapper.class, SessionMapper.class));
        Map<Integer, Integer> claims = new ConcurrentHashMap<>();
        Set<Integer> moved = ConcurrentHashMap.newKeySet();
        Random random = new Random(config.randomSeed());
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < config.seats(); i++) {
            String login = logins.get(i % logins.size());
            ConnectionSettings primary = settings(pooler, cluster.primaryDatabase(), login, 10, "");
            ConnectionSettings standby = cluster.standbyDatabase() == null ? null
                    : settings(cluster.standbyPooler() == null ? pooler : cluster.standbyPooler(),
                    cluster.standbyDatabase(), login, 3, " (statistics)");
            seats.add(new Seat(i, emails.get(i % emails.size()), password,
                    new SeatConnections(primary.jdbcUrl(), props(primary)),
                    standby == null ? null : new SeatConnections(standby.jdbcUrl(), props(standby)),
                    primaryFactory, standbyFactory, standby, new Random(random.nextLong()), claims, moved));
        }

        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(config.threads(), r -> {
            Thread t = new Thread(r, "seat-worker");
            t.setDaemon(true);
            return t;
        });
        ScheduledThreadPoolExecutor sampler = new ScheduledThreadPoolExecutor(1);
        startNanos = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> samplePools(pooler, cluster.standbyPooler()), 0, 2, TimeUnit.SECONDS);
        try {
            progress.accept(String.format("%d seats signing in over %d s through PgBouncer (%d client logins)",
                    seats.size(), config.ramp().toSeconds(), logins.size()));
            for (Seat seat : seats) {
                long delay = config.ramp().toMillis() * seat.id / Math.max(1, seats.size());
                executor.schedule(() -> act(executor, seat, random), delay, TimeUnit.MILLISECONDS);
            }
            runPhase("ramp", config.ramp(), () -> {
                // the ramp ends when every seat is in (sign-in is bcrypt on the server: slow by design), or a minute
                // after it was planned to
                long deadline = System.nanoTime() + config.ramp().toNanos() + TimeUnit.SECONDS.toNanos(60);
                while (seats.stream().anyMatch(s -> !s.signedIn()) && System.nanoTime() < deadline) {
                    Unprivileged.sleep(200);
                }
            }, Map.of());
            long signedIn = seats.stream().filter(Seat::signedIn).count();
            progress.accept(signedIn + " of " + seats.size() + " seats signed in");
            runPhase("steady", config.steady(), () -> { }, Map.of("seats signed in", signedIn));
            for (Drill drill : config.drills()) {
                progress.accept("Drill: " + drill.title);
                Map<String, Object> facts = new LinkedHashMap<>();
                Duration window = drill == Drill.STANDBY_STOPPED ? config.drillWindow().multipliedBy(2)
                        : config.drillWindow();
                runPhase(drill.name(), window, () -> fault(drill, seats, facts), facts);
                if (drill == Drill.STANDBY_STOPPED) {
                    long t = System.nanoTime();
                    cluster.startStandby();
                    facts.put("standby restarted after the window (ms)", (System.nanoTime() - t) / 1_000_000);
                }
            }
        } finally {
            stopping = true;
            executor.shutdown();
            try {
                executor.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor.shutdownNow();
            sampler.shutdownNow();
        }
        List<LoadTestMapper.MoveOutcome> outcomes = account(since);
        seats.forEach(Seat::close);
        return new Result(config, cluster.dataSet(), PgBouncer.version().orElse("?"), logins, startNanos,
                new ArrayList<>(samples), phases, new ArrayList<>(pools), new ArrayList<>(moves), outcomes,
                SeatConnections.OPENED.get());
    }

    /** Client logins, one per office, each drawing on its own sign-in budget (V31 throttles sign-ins per login). */
    private List<String> clientLogins() {
        List<String> names = new ArrayList<>();
        Set<Integer> budgets = new HashSet<>();
        try (SqlSession s = cluster.primaryAdmin().openSession(true)) {
            LoadTestMapper m = s.getMapper(LoadTestMapper.class);
            for (int k = 1; names.size() < config.logins() && k < 10_000; k++) {
                String name = String.format("loadtest_office_%02d", k);
                if (budgets.add(m.signInBudget(name)) || budgets.size() >= 64) {
                    m.createClientLogin(name, 2000);
                    m.setLoginTimeouts(name);
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static ConnectionSettings settings(PgBouncer pooler, String database, String login, int connectTimeout,
                                               String suffix) {
        return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + pooler.port() + "/" + database, login, null,
                ConnectionSettings.SslMode.DISABLE, null, 1, connectTimeout, 30_000, 5_000,
                "IntoWork Recruiter (load test)" + suffix, ConnectionSettings.Pooler.TRANSACTION);
    }

    private static Properties props(ConnectionSettings settings) {
        Properties p = DataSourceFactory.driverProperties(settings);
        p.setProperty("user", settings.user());
        return p;
    }

    private void act(ScheduledThreadPoolExecutor executor, Seat seat, Random random) {
        if (stopping) {
            return;
        }
        Seat.Action action = seat.signedIn() ? pick(random) : Seat.Action.SIGN_IN;
        long start = System.nanoTime();
        String error = null;
        String note = null;
        SeatRouter.enter(seat);
        try {
            note = seat.run(action, moves);
        } catch (RuntimeException e) {
            error = SqlErrors.describe(e);
        } finally {
            SeatRouter.leave();
        }
        if (action == Seat.Action.STATISTICS && "fallback".equals(note)) {
            note = "fallback: " + seat.lastStatsNotice;
        }
        // counted in the phase in force when it ended: an action cut by a fault belongs to that fault's drill
        samples.add(new Sample(phase, action, seat.id, start - startNanos, System.nanoTime() - start, error, note));
        long think = config.thinkMin().toMillis() + (long) (random.nextDouble()
                * (config.thinkMax().toMillis() - config.thinkMin().toMillis()));
        if (!stopping) {
            executor.schedule(() -> act(executor, seat, random), think, TimeUnit.MILLISECONDS);
        }
    }

    private static Seat.Action pick(Random random) {
        int total = MIX.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (var e : MIX.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        return Seat.Action.PIPELINE;
    }

    private void runPhase(String name, Duration length, Runnable fault, Map<String, Object> facts) {
        Map<String, Double> cpuStart = Cpu.snapshot(cluster.processes());
        long start = System.nanoTime();
        phase = name;
        fault.run();
        long remaining = length.toMillis() - (System.nanoTime() - start) / 1_000_000;
        Unprivileged.sleep(Math.max(0, remaining));
        phases.add(new Phase(name, start - startNanos, System.nanoTime() - startNanos, cpuStart,
                Cpu.snapshot(cluster.processes()), facts));
    }

    private void fault(Drill drill, List<Seat> seats, Map<String, Object> facts) {
        long t = System.nanoTime();
        switch (drill) {
            case POOLER_RESTART -> {
                cluster.pooler().restart();
                facts.put("PgBouncer down (ms)", (System.nanoTime() - t) / 1_000_000);
            }
            case STANDBY_STOPPED -> {
                cluster.stopStandby();
                facts.put("standby stop took (ms)", (System.nanoTime() - t) / 1_000_000);
            }
            case PRIMARY_RESTART -> {
                cluster.restartPrimary();
                facts.put("primary restart took (ms)", (System.nanoTime() - t) / 1_000_000);
            }
            case SEAT_KILLED -> {
                Seat victim = seats.stream().filter(Seat::signedIn).findFirst().orElse(seats.get(0));
                victim.killConnections();
                facts.put("seat", victim.id);
            }
        }
    }

    private void samplePools(PgBouncer pooler, PgBouncer standbyPooler) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        int ca = 0;
        int cw = 0;
        int sa = 0;
        int si = 0;
        int su = 0;
        double maxWait = 0;
        boolean up = true;
        try {
            List<Map<String, Object>> rows = new ArrayList<>(pooler.pools());
            if (standbyPooler != null) {
                try {
                    rows.addAll(standbyPooler.pools());
                } catch (RuntimeException e) {
                    // the standby's pooler is not drilled; a missed sample there says nothing about the main one
                }
            }
            for (Map<String, Object> row : rows) {
                if ("pgbouncer".equals(String.valueOf(row.get("database")))) {
                    continue;
                }
                ca += num(row, "cl_active");
                cw += num(row, "cl_waiting");
                sa += num(row, "sv_active");
                si += num(row, "sv_idle");
                su += num(row, "sv_used");
                maxWait = Math.max(maxWait, num(row, "maxwait") + num(row, "maxwait_us") / 1e6);
            }
        } catch (RuntimeException e) {
            up = false;
        }
        pools.add(new PoolSample(at, ca, cw, sa, si, su, maxWait, backends(cluster.primaryAdmin()),
                backends(cluster.standbyAdmin()), up));
    }

    private static long backends(SqlSessionFactory admin) {
        if (admin == null) {
            return -1;
        }
        try (SqlSession s = admin.openSession(true)) {
            return s.getMapper(LoadTestMapper.class).backends().clientBackends();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static int num(Map<String, Object> row, String key) {
        Object v = row.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return (int) Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Delivers what is still due (as any client or maintain would), then counts per application moved. */
    private List<LoadTestMapper.MoveOutcome> account(OffsetDateTime since) {
        for (int attempt = 0; ; attempt++) {
            try (SqlSession s = cluster.primaryAdmin().openSession(true)) {
                LoadTestMapper m = s.getMapper(LoadTestMapper.class);
                m.deliverDue();
                Integer[] ids = moves.stream().map(Seat.MoveAttempt::applicationId).distinct()
                        .toArray(Integer[]::new);
                return ids.length == 0 ? List.of() : m.moveOutcomes(ids, since);
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                Unprivileged.sleep(1000);
            }
        }
    }
}
