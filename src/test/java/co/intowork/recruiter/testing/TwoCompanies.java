package co.intowork.recruiter.testing;

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
    static final String SCRIPT = "/co/intowork/recruiter/auth/two-companies.sql";

    private TwoCompanies() {
    }

    /** A new copy of the two companies' database (built once per test JVM, see {@link Templates}). */
    public static TestDatabase.Db create(String purpose) {
        return Templates.migratedWithScript(SCRIPT, purpose);
    }
}
