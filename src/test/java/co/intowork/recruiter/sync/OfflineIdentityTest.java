package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineIdentityTest {

    @Test
    void signsInOfflineWithTheLastVerifiedPasswordWithinTheLimitOnly() {
        try (Database replica = MigratedDatabase.open(MigratedDatabase.create("sync_identity"))) {
            Instant verified = Instant.parse("2026-03-01T08:00:00Z");
            SignedInUser hugo = new SignedInUser(4, "hugo@freelance.example", "Hugo", "Manager", null, null,
                    "hiring_manager", null, 1);
            new OfflineIdentity(replica.unitOfWork(), Clock.fixed(verified, ZoneOffset.UTC))
                    .remember(hugo, "Correct-Horse-7!");

            OfflineIdentity tenDaysLater = new OfflineIdentity(replica.unitOfWork(),
                    Clock.fixed(verified.plus(Duration.ofDays(10)), ZoneOffset.UTC));
            assertThat(tenDaysLater.signIn("Hugo@Freelance.example ", "Correct-Horse-7!", Duration.ofDays(14)))
                    .isEqualTo(hugo);
            assertThatThrownBy(() -> tenDaysLater.signIn("hugo@freelance.example", "wrong", Duration.ofDays(14)))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not right");

            OfflineIdentity tooLate = new OfflineIdentity(replica.unitOfWork(),
                    Clock.fixed(verified.plus(Duration.ofDays(15)), ZoneOffset.UTC));
            assertThatThrownBy(() -> tooLate.signIn("hugo@freelance.example", "Correct-Horse-7!", Duration.ofDays(14)))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("14 days");
        }
    }
}
