package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signing in on the replica without the server: against the last sign-in the server verified, for a limited time
 * (offline.signin.days, 14 by default). At each online sign-in the replica keeps who the person is and a salted
 * PBKDF2 verifier of the password (never the password itself); offline, the same password must match it and the
 * last verification must be recent enough. Someone removed from the platform can therefore keep reading their
 * offline copy for at most that long, and nothing they do offline reaches the server without a fresh sign-in.
 */
public final class OfflineIdentity {
    private static final int ITERATIONS = 210_000;

    private final UnitOfWork replica;
    private final Clock clock;

    public OfflineIdentity(UnitOfWork replica, Clock clock) {
        this.replica = replica;
        this.clock = clock;
    }

    /** Who signed in offline, and the employer row their local session refers to. */
    public record OfflineUser(SignedInUser user, int employerId) {
    }

    /**
     * A salted verifier of the password, computed at each online sign-in (off the UI thread: it takes a moment)
     * and kept in memory until the offline copy is opened, so the password itself is never kept.
     */
    public static String verifier(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(salt) + ":" + base64.encodeToString(hash(password, salt));
    }

    /**
     * Called with a server session: who the person is (asked of the server) and the verifier, as of now. A copy
     * holding someone else's jobs or unsent work is refused: syncing it under this session would send their work
     * as this person's and show them what the other person could see.
     */
    public void remember(SignedIn server, String verifier) {
        SignedInUser user = server.user();
        Integer employerId = server.unitOfWork().inTransaction(
                s -> s.getMapper(SessionMapper.class).sessionEmployerId());
        replica.run(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            String stored = m.stateValue("user");
            SyncCounts counts = m.counts();
            if (stored != null && SyncJson.read(stored).path("userId").asInt() != user.userId()
                    && (counts.jobs() > 0 || counts.pending() > 0 || counts.conflicts() > 0)) {
                JsonNode owner = SyncJson.read(stored);
                throw new UserFacingException(Sentence.of("sync.copyOfSomeoneElse",
                        (owner.path("firstName").asText() + " " + owner.path("lastName").asText()).strip()));
            }
            m.saveState("user", SyncJson.object("userId", user.userId(), "email", user.email(),
                    "firstName", user.firstName(), "lastName", user.lastName(), "companyId", user.companyId(),
                    "companyName", user.companyName(), "role", user.role(),
                    "hiringManagerJobCount", user.hiringManagerJobCount(), "employerId", employerId));
            m.saveState("verifier", verifier);
            m.saveState("verified_at", Instant.now(clock).toString());
        });
    }

    /** Whether anyone signed in online since this copy was made (else there is nobody to sign in offline). */
    public boolean isKnown() {
        return replica.inTransaction(s -> s.getMapper(ReplicaMapper.class).stateValue("verifier")) != null;
    }

    public OfflineUser signIn(String email, String password, Duration limit) {
        record Stored(String user, String verifier, String verifiedAt) {
        }
        Stored stored = replica.inTransaction(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            return new Stored(m.stateValue("user"), m.stateValue("verifier"), m.stateValue("verified_at"));
        });
        if (stored.user() == null || stored.verifier() == null || stored.verifiedAt() == null) {
            throw new UserFacingException(Sentence.of("sync.offline.noIdentity"));
        }
        JsonNode n = SyncJson.read(stored.user());
        SignedInUser user = new SignedInUser(n.path("userId").asInt(), n.path("email").asText(),
                n.path("firstName").asText(), n.path("lastName").asText(),
                n.path("companyId").isNumber() ? n.path("companyId").asInt() : null, SyncJson.text(n, "companyName"),
                n.path("role").asText(), null, n.path("hiringManagerJobCount").asInt());
        String[] parts = stored.verifier().split(":");
        boolean matches = user.email().equalsIgnoreCase(email == null ? "" : email.strip())
                && MessageDigest.isEqual(hash(password, Base64.getDecoder().decode(parts[0])),
                Base64.getDecoder().decode(parts[1]));
        if (!matches) {
            throw new UserFacingException(Sentence.of("auth.invalid"));
        }
        if (Instant.parse(stored.verifiedAt()).plus(limit).isBefore(Instant.now(clock))) {
            throw new UserFacingException(Sentence.of("sync.offline.expired", limit.toDays()));
        }
        return new OfflineUser(user, n.path("employerId").asInt());
    }

    private static byte[] hash(String password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
