package co.intowork.recruiter.common.db;

import co.intowork.recruiter.common.text.Sentence;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/** One open database: its pool, its SqlSessionFactory and its unit of work, plus what to call it on screen. */
public final class Database implements AutoCloseable {
    /** What the status bar and {@code config} say about where the data lives. */
    public record Target(boolean embedded, String host, int port, String database, String user) {
        public String label() {
            return embedded ? Sentence.of("db.embeddedLabel").toString() : host + (port > 0 ? ":" + port : "") + "/" + database;
        }
    }

    private final HikariDataSource dataSource;
    private final Target target;
    private final UnitOfWork unitOfWork;
    private final EmbeddedDatabase embedded;

    public Database(HikariDataSource dataSource, Target target, Collection<Class<?>> mappers,
                    BooleanSupplier onUiThread, EmbeddedDatabase embedded) {
        this.dataSource = dataSource;
        this.target = target;
        List<Class<?>> all = new ArrayList<>(mappers);
        if (!all.contains(SchemaInspectionMapper.class)) {
            all.add(SchemaInspectionMapper.class);
        }
        SqlSessionFactory factory = MyBatisFactory.create(dataSource, all);
        this.unitOfWork = new UnitOfWork(factory, onUiThread);
        this.embedded = embedded;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Target target() {
        return target;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String serverVersion() {
        return unitOfWork.inTransaction(s -> inspect(s).serverVersion());
    }

    private static SchemaInspectionMapper inspect(SqlSession session) {
        return session.getMapper(SchemaInspectionMapper.class);
    }

    /** The embedded server under this database, or null (for settings.DatabaseConnector's hand-over). */
    public EmbeddedDatabase embedded() {
        return embedded;
    }

    /** The embedded server's PostgreSQL folder; null on a configured server. */
    public java.nio.file.Path embeddedDataDir() {
        return embedded == null ? null : embedded.dataDir();
    }

    /** Closes only the pool, leaving the embedded server to the Database that takes it over. */
    public void closePool() {
        dataSource.close();
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
