package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.seed.large.LargeSeeder;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The load command's servers, all Debian's, on loopback: a primary (created, migrated and seeded with the large
 * seeder's data set divided by {@code divisor} on first use, kept in {@code workDir} for the next run), a streaming
 * hot standby cloned from it afresh, and PgBouncer in transaction mode in front of both.
 */
public final class LocalCluster implements Cluster {
    static final String DATABASE = "intowork";
    static final String STANDBY_DATABASE = "intowork_standby";
    private static final String SEEDED_MARKER = "seeded";
    static final int STANDBY_QUERY_WAIT_SECONDS = 5;

    private final Path workDir;
    private final PgServer primary;
    private final PgServer standby;
    private final int divisor;
    private final HikariDataSource primaryPool;
    private final HikariDataSource standbyPool;
    private final SqlSessionFactory primaryAdmin;
    private final SqlSessionFactory standbyAdmin;
    private PgBouncer pooler;
    private PgBouncer standbyPooler;

    public LocalCluster(Path workDir, int divisor, Consumer<String> progress) {
        this.workDir = workDir;
        this.divisor = divisor;
        primary = PgServer.primary(workDir.resolve("primary"), Unprivileged.freePort());
        primary.start();
        boolean fresh;
        try (HikariDataSource postgres = pool(primary.jdbcUrl("postgres"), "loadtest-admin-postgres")) {
            try (SqlSession s = MyBatisFactory.create(postgres, List.of(LoadTestMapper.class)).openSession(true)) {
                LoadTestMapper m = s.getMapper(LoadTestMapper.class);
                // the marker is written once the seed has finished: a run stopped while seeding starts it again
                fresh = !m.databaseExists(DATABASE) || !Files.exists(workDir.resolve(SEEDED_MARKER));
                if (fresh) {
                    m.dropDatabase(DATABASE);
                    m.createDatabase(DATABASE);
                }
            }
        }
        primaryPool = pool(primary.jdbcUrl(DATABASE), "loadtest-admin-primary");
        progress.accept("Migrating the primary");
        new Migrator(primaryPool).migrate(false, null, progress);
        if (fresh) {
            progress.accept("Seeding the large data set divided by " + divisor);
            try (Database db = new Database(pool(primary.jdbcUrl(DATABASE), "loadtest-seed"),
                    new Database.Target(false, "127.0.0.1", primary.port(), DATABASE, "postgres"),
                    Mappers.withDeveloperTools(), () -> false, null)) {
                new LargeSeeder(db.unitOfWork()).seed(LargeSeeder.Options.large(42).scaledDown(divisor),
                        progress);
            }
            try {
                Files.writeString(workDir.resolve(SEEDED_MARKER), "divisor " + divisor + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        primaryAdmin = MyBatisFactory.create(primaryPool, List.of(LoadTestMapper.class));
        progress.accept("Cloning the streaming standby (pg_basebackup)");
        standby = PgServer.standbyOf(primary, workDir.resolve("standby"), Unprivileged.freePort());
        standby.start();
        standbyPool = pool(standby.jdbcUrl(DATABASE), "loadtest-admin-standby");
        standbyAdmin = MyBatisFactory.create(standbyPool, List.of(LoadTestMapper.class));
    }

    private static HikariDataSource pool(String url, String name) {
        return DataSourceFactory.create(new ConnectionSettings(url, "postgres", null,
                ConnectionSettings.SslMode.DISABLE, null, 2, 10, 0, 0, "loadtest admin"), name);
    }

    @Override
    public PgBouncer startPooler(List<String> logins) {
        List<String> users = new ArrayList<>(logins);
        users.add(PgBouncer.ADMIN_USER);
        pooler = new PgBouncer(workDir.resolve("pgbouncer"), Unprivileged.freePort(), 4,
                List.of(new PgBouncer.Target(DATABASE, primary.port(), DATABASE)), users);
        pooler.start();
        // The standby behind its own PgBouncer: with the standby down, a client queued for a server connection
        // waits query_wait_timeout before its screen can fall back to the primary, and PgBouncer 1.18 has one
        // such timeout per instance (30 s would also be right for the primary's restart; 5 s is right here).
        standbyPooler = new PgBouncer(workDir.resolve("pgbouncer-standby"), Unprivileged.freePort(), 4,
                List.of(new PgBouncer.Target(STANDBY_DATABASE, standby.port(), DATABASE)), users,
                STANDBY_QUERY_WAIT_SECONDS);
        standbyPooler.start();
        return pooler;
    }

    @Override
    public PgBouncer standbyPooler() {
        return standbyPooler;
    }

    @Override
    public PgBouncer pooler() {
        return pooler;
    }

    @Override
    public String primaryDatabase() {
        return DATABASE;
    }

    @Override
    public String standbyDatabase() {
        return STANDBY_DATABASE;
    }

    @Override
    public SqlSessionFactory primaryAdmin() {
        return primaryAdmin;
    }

    @Override
    public SqlSessionFactory standbyAdmin() {
        return standbyAdmin;
    }

    @Override
    public String dataSet() {
        return "the large seeder's data set divided by " + divisor + " (" + 5_000 / divisor + " companies, "
                + 100_000 / divisor + " jobs, " + 1_000_000 / divisor + " applications), PostgreSQL 15 (Debian) "
                + "primary with one streaming hot standby, each behind its own PgBouncer 1.18 in transaction mode (the "
                + "standby's with query_wait_timeout " + STANDBY_QUERY_WAIT_SECONDS + " s)";
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("primary", primary.postmasterPid());
        out.put("standby", standby.postmasterPid());
        if (pooler != null) {
            out.put("pgbouncer", pooler.pid());
        }
        if (standbyPooler != null) {
            out.put("pgbouncer (standby)", standbyPooler.pid());
        }
        return out;
    }

    @Override
    public void restartPrimary() {
        primary.restart("fast");
    }

    @Override
    public void stopStandby() {
        standby.stop("fast");
    }

    @Override
    public void startStandby() {
        standby.start();
    }

    @Override
    public void close() {
        if (pooler != null) {
            pooler.close();
        }
        if (standbyPooler != null) {
            standbyPooler.close();
        }
        standbyPool.close();
        primaryPool.close();
        standby.stop("fast");
        primary.stop("fast");
    }
}
