package co.intowork.recruiter.testing;

import co.intowork.recruiter.app.Mappers;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.settings.ConnectionSettings;

/**
 * A migrated database holding the demo data of given options. Seeding takes seconds, so each set of options is
 * seeded once per test JVM into a template and every caller gets a copy (see {@link Templates}).
 */
public final class DemoDatabase {
    private DemoDatabase() {
    }

    public static TestDatabase.Db create(String purpose, DemoSeeder.Options options) {
        return Templates.copy("demo:" + options, purpose, () -> {
            TestDatabase.Db db = Templates.migrated("tpl_demo");
            // no statement timeout: the seed's statements take seconds, longer on a busy 2-core machine
            ConnectionSettings cs = new ConnectionSettings(db.jdbcUrl(), db.user(), null,
                    ConnectionSettings.SslMode.DISABLE, null, 2, 10, 0, 0, "IntoWork Recruiter tests: demo seed");
            try (Database admin = new Database(DataSourceFactory.create(cs, "demo-seed-" + db.name()),
                    new Database.Target(false, "localhost", 0, db.name(), db.user()), Mappers.withDeveloperTools(), () -> false,
                    null)) {
                new DemoSeeder(admin.unitOfWork()).seed(options, m -> { });
            }
            return db;
        });
    }
}
