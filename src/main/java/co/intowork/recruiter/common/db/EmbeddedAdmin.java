package co.intowork.recruiter.common.db;

import org.apache.ibatis.session.SqlSession;

import javax.sql.DataSource;
import java.util.List;
import java.util.regex.Pattern;

/** Administration of the embedded server itself, as its superuser. */
public final class EmbeddedAdmin {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EmbeddedAdmin() {
    }

    public static void ensureClientLogin(DataSource appDatabase, String login) {
        var factory = MyBatisFactory.create(appDatabase, List.of(EmbeddedAdminMapper.class));
        try (SqlSession session = factory.openSession(true)) {
            session.getMapper(EmbeddedAdminMapper.class).createClientLogin(login);
        }
    }

    static void ensureDatabase(DataSource postgresDatabase, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        var factory = MyBatisFactory.create(postgresDatabase, List.of(EmbeddedAdminMapper.class));
        try (SqlSession session = factory.openSession(true)) {
            EmbeddedAdminMapper mapper = session.getMapper(EmbeddedAdminMapper.class);
            if (!mapper.databaseExists(name)) {
                mapper.createDatabase(name);
            }
        }
    }
}
