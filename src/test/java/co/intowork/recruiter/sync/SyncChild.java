package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;

/**
 * The app's sync in a process of its own, for {@link SyncProcessKillTest}: it connects to the parent's embedded
 * databases (the server as a client login, signed in as a person; the replica as its owner), and syncs. With a
 * step name it halts the JVM at that step (exit 137, no shutdown hook, no finally: as a killed process); with
 * "none" it syncs to the end and exits 0, unless the parent kills it first.
 *
 * <p>Arguments: serverUrl clientLogin email password replicaUrl step
 */
public final class SyncChild {
    static final int HALTED = 137;
    /** Printed on stdout just before the sync starts, so a failure's report shows how far the child got. */
    static final String SYNCING = "SYNCING";
    static final String DONE = "DONE";

    private SyncChild() {
    }

    public static void main(String[] args) {
        String serverUrl = args[0];
        String clientLogin = args[1];
        String email = args[2];
        String password = args[3];
        String replicaUrl = args[4];
        String step = args[5];

        Database client = MigratedDatabase.openAsClient(db(serverUrl), clientLogin);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(email, password);
        SignedIn signedIn = new SignedIn(user, client.unitOfWork(), new ImmediateTaskRunner());
        Database replica = MigratedDatabase.open(db(replicaUrl));
        SyncService sync = new SyncService(signedIn, replica.unitOfWork(), at -> {
            if (at.equals(step)) {
                System.out.println("halting at " + at);
                System.out.flush();
                Runtime.getRuntime().halt(HALTED);
            }
            System.out.println("at " + at);
            System.out.flush();
        }, Duration.ofMinutes(2));

        System.out.println(SYNCING);
        System.out.flush();
        SyncService.SyncReport report = sync.sync(p -> { });
        System.out.println(DONE + " " + report);
        System.out.flush();
        client.close();
        replica.close();
        System.exit(0);
    }

    /** The parent's database by its URL (user=postgres in it, the embedded server trusts local connections). */
    private static TestDatabase.Db db(String url) {
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setUrl(url);
        String name = url.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        return new TestDatabase.Db(name, url, superuser);
    }
}
