package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Signing in on the offline copy when the server cannot be reached: the password is checked against the offline
 * identity ({@link OfflineIdentity}), then a session is opened in the copy itself, so every screen runs its usual
 * statements there. Nothing signed in this way can reach the server: sending the outbox needs a server sign-in.
 */
public final class OfflineSignIn implements Authenticator {
    private static final Logger log = LoggerFactory.getLogger(OfflineSignIn.class);

    private final UnitOfWork replica;
    private final SessionContext context;
    private final OfflineIdentity identity;
    private final Duration limit;
    // the copy holds the same session functions as a server: counting jobs and ending the session work as online
    private final AuthService local;

    public OfflineSignIn(UnitOfWork replica, SessionContext context, Duration limit) {
        this.replica = replica;
        this.context = context;
        this.identity = new OfflineIdentity(replica, Clock.systemUTC());
        this.limit = limit;
        this.local = new AuthService(replica, context);
    }

    @Override
    public SignedInUser signIn(String email, String password) {
        OfflineIdentity.OfflineUser offline = identity.signIn(email, password, limit);
        local.signOut();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            m.replicationMode();
            m.openLocalSession(offline.user(), offline.employerId(), token);
        });
        context.set(token);
        log.info("Signed in offline as user {}", offline.user().userId());
        return offline.user();
    }

    @Override
    public long visibleJobCount(SignedInUser user) {
        return local.visibleJobCount(user);
    }

    @Override
    public void signOut() {
        local.signOut();
    }

    @Override
    public boolean isSignedIn() {
        return local.isSignedIn();
    }
}
