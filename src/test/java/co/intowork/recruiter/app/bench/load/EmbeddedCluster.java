package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.testing.TestDatabase;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CI variant of the load test's servers: the tests' embedded PostgreSQL (one database copied from a template)
 * behind a real PgBouncer from Debian's package, in transaction mode; no standby. Skips the test, saying why, when
 * PgBouncer is not installed (.ci/run installs it).
 */
final class EmbeddedCluster implements Cluster {
    private final TestDatabase.Db db;
    private final int poolSize;
    private final Path dir;
    private final SqlSessionFactory admin;
    private PgBouncer pooler;

    EmbeddedCluster(TestDatabase.Db db, int poolSize) {
        this.db = db;
        this.poolSize = poolSize;
        try {
            this.dir = Files.createTempDirectory("intowork-pgbouncer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin = MyBatisFactory.create(db.superuser(), List.of(LoadTestMapper.class));
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(PgBouncer.installed(), "PgBouncer is not installed (" + PgBouncer.BINARY
                + "): apt-get install -y pgbouncer (.ci/run does) to run the pooling tests");
    }

    @Override
    public PgBouncer startPooler(List<String> logins) {
        List<String> users = new ArrayList<>(logins);
        users.add(PgBouncer.ADMIN_USER);
        pooler = new PgBouncer(dir, Unprivileged.freePort(), poolSize,
                List.of(new PgBouncer.Target(db.name(), TestDatabase.server().getPort(), db.name())), users);
        pooler.start();
        return pooler;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + pooler.port() + "/" + db.name();
    }

    @Override
    public PgBouncer pooler() {
        return pooler;
    }

    @Override
    public String primaryDatabase() {
        return db.name();
    }

    @Override
    public String standbyDatabase() {
        return null;
    }

    @Override
    public SqlSessionFactory primaryAdmin() {
        return admin;
    }

    @Override
    public SqlSessionFactory standbyAdmin() {
        return null;
    }

    @Override
    public String dataSet() {
        return "demo data (seed --scale demo) in the tests' embedded PostgreSQL 15, no standby";
    }

    @Override
    public Map<String, Long> processes() {
        return pooler == null ? Map.of() : Map.of("pgbouncer", pooler.pid());
    }

    @Override
    public void close() {
        if (pooler != null) {
            pooler.close();
        }
    }
}
