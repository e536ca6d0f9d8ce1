package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.sync.CopyDamage;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.OfflineIdentity;
import co.intowork.recruiter.sync.Replica;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The offline copy of the person signed in on the server: opened on first use, and until then a verifier of the
 * password they signed in with (never the password itself), which the copy keeps when it opens so that they can
 * sign in offline later.
 */
final class PersonalCopy {
    /** Keeps who signed in, and their verifier, in the copy. */
    @FunctionalInterface
    interface Identity {
        void remember(Database copy, SignedIn who, String verifier);
    }

    private final OfflineCopy copies;
    private final Function<String, String> verifierOf;
    private final Identity identity;
    private final Executor hashing;
    private Replica.Lazy copy;
    private volatile CompletableFuture<String> verifier;

    PersonalCopy(OfflineCopy copies) {
        // a few seconds after the sign-in, so the first screen does not share the processor with the hash (it is
        // only waited for when the offline copy is first used)
        this(copies, OfflineIdentity::verifier,
                (db, who, v) -> new OfflineIdentity(db.unitOfWork(), Clock.systemUTC()).remember(who, v),
                CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
    }

    /** At once, on the common pool (tests). */
    PersonalCopy(OfflineCopy copies, Function<String, String> verifierOf, Identity identity) {
        this(copies, verifierOf, identity, null);
    }

    /** {@code hashing}: where the verifier is computed; null: at once, on the common pool. */
    PersonalCopy(OfflineCopy copies, Function<String, String> verifierOf, Identity identity, Executor hashing) {
        this.copies = copies;
        this.verifierOf = verifierOf;
        this.identity = identity;
        this.hashing = hashing;
    }

    /**
     * The server accepted this password (called off the UI thread): its verifier, a deliberately slow hash (up to
     * 2 s on a cold start), is computed beside the sign-in, not in it, and (in the window) a few seconds later.
     */
    void passwordAccepted(String password) {
        verifier = hashing == null ? CompletableFuture.supplyAsync(() -> verifierOf.apply(password))
                : CompletableFuture.supplyAsync(() -> verifierOf.apply(password), hashing);
    }

    /**
     * Someone else is signed in now: their copy on the server (opened on first use), none working offline (the copy
     * is then the window's database). Returns the previous person's copy, for the caller to close.
     */
    Replica.Lazy newPerson(boolean onServer) {
        Replica.Lazy previous = copy;
        copy = onServer ? copies.lazy() : null;
        return previous;
    }

    /** Signed out: the copy is handed over to be closed (null for none) and the verifier forgotten. */
    Replica.Lazy release() {
        Replica.Lazy released = copy;
        copy = null;
        verifier = null;
        return released;
    }

    /**
     * The copy of {@code server}'s person for the workspace, opened on first use, which then also keeps who signed
     * in; a supplier that refuses when nobody is.
     */
    Supplier<Database> database(SignedIn server) {
        Replica.Lazy opened = copy;
        if (opened == null || server == null) {
            return () -> {
                throw new IllegalStateException("Nobody is signed in");
            };
        }
        return () -> {
            Database db = opened.get();
            CompletableFuture<String> pending = verifier;
            if (pending != null) {
                identity.remember(db, server, pending.join());
                verifier = null;
            }
            return db;
        };
    }

    /** What the Offline section may do about a damaged copy: this person's copy. */
    CopyRepair repair() {
        Replica.Lazy current = copy;
        return new CopyRepair() {
            @Override
            public RuntimeException examine(RuntimeException failure) {
                return copies.examine(failure, current);
            }

            @Override
            public CopyDamage.Rebuilt rebuild() {
                if (current == null) {
                    throw new IllegalStateException("Working offline: the copy is the window's database");
                }
                return copies.rebuild(current);
            }
        };
    }
}
