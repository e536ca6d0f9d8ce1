package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
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
        try (SyncFixture f = SyncFixture.create("sync_identity", "hugo@freelance.example")) {
            Instant verified = Instant.parse("2026-03-01T08:00:00Z");
            new OfflineIdentity(f.replica.unitOfWork(), Clock.fixed(verified, ZoneOffset.UTC))
                    .remember(f.signedIn, OfflineIdentity.verifier(TwoCompanies.PASSWORD));

            OfflineIdentity tenDaysLater = new OfflineIdentity(f.replica.unitOfWork(),
                    Clock.fixed(verified.plus(Duration.ofDays(10)), ZoneOffset.UTC));
            OfflineIdentity.OfflineUser hugo = tenDaysLater.signIn("Hugo@Freelance.example ", TwoCompanies.PASSWORD,
                    Duration.ofDays(14));
            assertThat(hugo.user().userId()).isEqualTo(4);
            assertThat(hugo.user().role()).isEqualTo("hiring_manager");
            assertThat(hugo.user().hiringManagerJobCount()).isEqualTo(f.signedIn.user().hiringManagerJobCount());
            assertThat(hugo.employerId()).as("the employer row the server's session refers to").isEqualTo(4);
            assertThatThrownBy(() -> tenDaysLater.signIn("hugo@freelance.example", "wrong", Duration.ofDays(14)))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not right");

            OfflineIdentity tooLate = new OfflineIdentity(f.replica.unitOfWork(),
                    Clock.fixed(verified.plus(Duration.ofDays(15)), ZoneOffset.UTC));
            assertThatThrownBy(() -> tooLate.signIn("hugo@freelance.example", TwoCompanies.PASSWORD,
                    Duration.ofDays(14))).isInstanceOf(UserFacingException.class).hasMessageContaining("14 days");
        }
    }

    @Test
    void aCopyHoldingSomeoneElsesJobsIsRefusedToTheNextPerson() {
        try (SyncFixture f = SyncFixture.create("sync_identity_other", TwoCompanies.HUGO);
             Database client = MigratedDatabase.openAsClient(f.server, TwoCompanies.CLIENT_LOGIN)) {
            OfflineIdentity identity = new OfflineIdentity(f.replica.unitOfWork(), Clock.systemUTC());
            identity.remember(f.signedIn, OfflineIdentity.verifier(TwoCompanies.PASSWORD));
            f.sync().takeOffline(11);
            f.offline().move(102, ApplicationStatus.VIEWED);
            SignedIn anne = new SignedIn(new AuthService(client.unitOfWork(), SessionContext.installOn(
                    client.unitOfWork())).signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD), client.unitOfWork(),
                    new ImmediateTaskRunner());

            assertThatThrownBy(() -> identity.remember(anne, OfflineIdentity.verifier(TwoCompanies.PASSWORD)))
                    .isInstanceOf(UserFacingException.class).hasMessageStartingWith(
                            "The offline copy on this computer belongs to Hugo Manager.");
            assertThat(identity.signIn(TwoCompanies.HUGO, TwoCompanies.PASSWORD, Duration.ofDays(14)).user()
                    .userId()).as("still Hugo's").isEqualTo(4);
        }
    }
}
