package co.intowork.recruiter.common.db;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import javax.sql.DataSource;
import java.util.Collection;

/** Builds the one SqlSessionFactory of a data source; each mapper's XML sits at its interface's path under sql/. */
public final class MyBatisFactory {
    private MyBatisFactory() {
    }

    public static SqlSessionFactory create(DataSource dataSource, Collection<Class<?>> mappers) {
        Configuration configuration = new Configuration(
                new Environment("intowork", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        // Live data: a statement-scoped local cache so a re-read inside one unit of work sees fresh rows.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.setDefaultStatementTimeout(60);
        for (Class<?> mapper : mappers) {
            configuration.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
