package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app never works through a login that would see every company. */
class StartupTest {
    @Test
    void onlyAClientLoginInRecruiterAppIsAccepted() throws Exception {
        TestDatabase.Db db = MigratedDatabase.create("startup_login");
        try (Database superuser = MigratedDatabase.open(db)) {
            assertThatThrownBy(() -> Startup.requireClientLogin(superuser))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("can see every company's data")
                    .hasMessageContaining("client-login create");
        }
        try (Database client = MigratedDatabase.openAsClient(db, "startup_client")) {
            assertThatCode(() -> Startup.requireClientLogin(client)).doesNotThrowAnyException();
        }
        try (Database outsider = MigratedDatabase.openAsClient(db, "startup_outsider_probe")) {
            // openAsClient adds the login to recruiter_app; take it out again to see the refusal
            try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
                s.execute("REVOKE recruiter_app FROM startup_outsider_probe");
            }
            assertThatThrownBy(() -> Startup.requireClientLogin(outsider))
                    .hasMessageContaining("is not a member of recruiter_app");
        }
    }
}
