package co.intowork.recruiter.testing;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migrated database holding auth/two-companies.sql: Anne and Albert recruit for Alpha, Bruno for Beta, Hugo is a
 * hiring manager on one Alpha job. Every account's password is {@link #PASSWORD}.
 */
public final class TwoCompanies {
    public static final String PASSWORD = "Correct-Horse-7!";
    public static final String ANNE = "anne@alpha.example";
    public static final String HUGO = "hugo@freelance.example";
    public static final String BRUNO = "bruno@beta.example";
    public static final String CLIENT_LOGIN = "two_companies_client";

    private TwoCompanies() {
    }

    public static TestDatabase.Db create(String purpose) {
        TestDatabase.Db db = MigratedDatabases.migrated(purpose);
        try (Connection admin = db.superuser().getConnection()) {
            MigratedDatabases.runScript(admin, "/co/intowork/recruiter/auth/two-companies.sql");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }
}
