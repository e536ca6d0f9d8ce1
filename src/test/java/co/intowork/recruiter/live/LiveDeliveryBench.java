package co.intowork.recruiter.live;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 20 point 5: N listening clients and R platform-style changes a second on one server; delivery latency
 * (commit of the writer to the event in a client's feed) and the server's CPU. Not a test: run by hand against a
 * migrated, seeded server you own (it writes ratings of random applications), e.g.
 * {@code java -cp "target/test-classes:target/classes:target/lib/*" co.intowork.recruiter.live.LiveDeliveryBench
 * jdbc:postgresql://127.0.0.1:55471/intowork lb_client postgres /tmp/lb-pg/data/postmaster.pid 200 50 30 listen OUT.md}.
 * The clients are the seeded recruiters, several feeds each (one dedicated listener connection per feed, reads
 * through one pool per person): the server sees as many listeners and reads as N apps would make.
 */
public final class LiveDeliveryBench {
    private static final String PASSWORD = "Demo-Recruteur-2026!";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String clientLogin = args[1];
        String adminLogin = args[2];
        Path postmasterPid = Path.of(args[3]);
        int clients = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        LiveMode mode = LiveMode.parse(args[7]);
        Path out = Path.of(args[8]);

        List<String> emails = new ArrayList<>();
        List<Integer> applications = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(url, adminLogin, "x"); Statement s = admin.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT u.email FROM public.users u JOIN public.employers e ON e.user_id = u.id"
                    + " WHERE u.role = 'EMPLOYER' AND u.is_active AND e.company_id IS NOT NULL ORDER BY u.id")) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM public.job_applications WHERE deleted_at IS NULL")) {
                while (rs.next()) {
                    applications.add(rs.getInt(1));
                }
            }
        }
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Database> databases = new ArrayList<>();
        List<LiveFeed> feeds = new ArrayList<>();
        int perPerson = (clients + emails.size() - 1) / emails.size();
        for (String email : emails) {
            ConnectionSettings cs = new ConnectionSettings(url, clientLogin, null, ConnectionSettings.SslMode.DISABLE,
                    null, Math.min(perPerson, 10), 10, 30_000, 5_000, "IntoWork Recruiter live bench");
            Database db = new Database(DataSourceFactory.create(cs, "live-bench-" + databases.size()),
                    new Database.Target(false, "localhost", 0, "bench", clientLogin), Mappers.all(), () -> false, null);
            databases.add(db);
            new AuthService(db.unitOfWork(), SessionContext.installOn(db.unitOfWork())).signIn(email, PASSWORD);
            for (int i = 0; i < perPerson && feeds.size() < clients; i++) {
                LiveFeed feed = new LiveFeed(db.unitOfWork(), LiveFeed.directOpener(db.dataSource(), null), mode, null,
                        events -> {
                            long now = System.nanoTime();
                            for (LiveEvent e : events) {
                                Long t = committedAt.get(e.applicationId() + ":" + e.version());
                                if (t != null) {
                                    latencies.add(now - t);
                                }
                            }
                        });
                feed.start();
                feeds.add(feed);
            }
        }
        for (LiveFeed feed : feeds) {
            if (!feed.awaitReady(Duration.ofSeconds(60))) {
                throw new IllegalStateException("A feed did not start");
            }
        }
        System.out.println(feeds.size() + " feeds " + feeds.get(0).state());

        Random random = new Random(20);
        long cpuBefore = serverCpuTicks(postmasterPid);
        long start = System.nanoTime();
        int written = 0;
        try (Connection writer = DriverManager.getConnection(url, adminLogin, "x");
             PreparedStatement ps = writer.prepareStatement("UPDATE public.job_applications SET rating = coalesce(rating, 0) % 5 + 1"
                     + " WHERE id = ? RETURNING id, version")) {
            long periodNanos = 1_000_000_000L / rate;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = start + written * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                ps.setInt(1, applications.get(random.nextInt(applications.size())));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    committedAt.put(rs.getInt(1) + ":" + rs.getInt(2), System.nanoTime());
                }
                written++;
            }
        }
        Thread.sleep(3_000);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = serverCpuTicks(postmasterPid);
        feeds.forEach(LiveFeed::close);
        databases.forEach(Database::close);

        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        double cpuSeconds = (cpuAfter - cpuBefore) / 100.0;
        String report = String.format("""
                | %s | %s | %d | %d/s | %d s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f cores |
                """, OffsetDateTime.now().withNano(0), mode.name().toLowerCase(), feeds.size(), rate, seconds,
                written, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0),
                cpuSeconds / elapsed);
        System.out.print(report);
        Files.writeString(out, report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(i, 0)) / 1e6;
    }

    /** utime + stime of the postmaster and all its children, in clock ticks (Linux, 100 a second). */
    private static long serverCpuTicks(Path postmasterPid) throws Exception {
        String master = Files.readAllLines(postmasterPid).get(0).trim();
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // f[1] = ppid, f[11] = utime, f[12] = stime
                    if (name.equals(master) || f[1].equals(master)) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }
}
