package co.intowork.recruiter.testing;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.settings.ConnectionSettings;

/** A new database at the latest schema, opened the way the app opens a server database. */
public final class MigratedDatabase {
    private MigratedDatabase() {
    }

    /** A new copy of a database migrated once per test JVM (see {@link Templates}). */
    public static TestDatabase.Db create(String purpose) {
        return Templates.migrated(purpose);
    }

    /** The database as a client login in recruiter_app (created if missing), as the app runs in production. */
    public static Database openAsClient(TestDatabase.Db db, String login) {
        try (var c = db.superuser().getConnection(); var ps = c.prepareStatement("SELECT recruiter.create_client_login(?, 200)")) {
            ps.setString(1, login);
            ps.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        ConnectionSettings cs = new ConnectionSettings(url, login, null,
                ConnectionSettings.SslMode.DISABLE, null, 4, 10, 30_000, 5_000, "IntoWork Recruiter tests");
        return new Database(DataSourceFactory.create(cs, "test-client-" + db.name()),
                new Database.Target(false, "localhost", 0, db.name(), login), Mappers.withDeveloperTools(), () -> false, null);
    }

    public static Database open(TestDatabase.Db db) {
        ConnectionSettings cs = new ConnectionSettings(db.jdbcUrl(), db.user(), null,
                ConnectionSettings.SslMode.DISABLE, null, 4, 10, 30_000, 5_000, "IntoWork Recruiter tests");
        return new Database(DataSourceFactory.create(cs, "test-" + db.name()),
                new Database.Target(false, "localhost", 0, db.name(), db.user()), Mappers.withDeveloperTools(), () -> false, null);
    }
}
