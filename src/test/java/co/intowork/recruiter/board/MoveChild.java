package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.util.List;

/**
 * A desktop client in a process of its own, for {@link UndoProcessKillTest}: signs in to the parent's embedded
 * database as a client login, wires the board as the workspace does (undo window, delivery after its own moves),
 * moves one card, says {@value #MOVED} on stdout and waits to be killed.
 *
 * <p>Arguments: url clientLogin email password jobId applicationId toStatus undoSeconds
 */
public final class MoveChild {
    static final String MOVED = "MOVED";

    private MoveChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setUrl(args[0]);
        String name = args[0].replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        Database client = MigratedDatabase.openAsClient(new TestDatabase.Db(name, args[0], superuser), args[1]);
        SignedInUser user = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(args[2], args[3]);
        SignedIn signedIn = new SignedIn(user, client.unitOfWork(), new ImmediateTaskRunner());
        int jobId = Integer.parseInt(args[4]);
        int applicationId = Integer.parseInt(args[5]);
        ApplicationStatus to = ApplicationStatus.fromLabel(args[6]);
        Duration window = Duration.ofSeconds(Integer.parseInt(args[7]));

        StatusNotificationDelivery delivery = new StatusNotificationDelivery(client.unitOfWork(), window);
        BoardService board = new BoardService(signedIn, window, delivery::moved);
        BoardCard card = java.util.Arrays.stream(ApplicationStatus.values())
                .flatMap(s -> board.page(jobId, s, null, 500).stream())
                .filter(c -> c.applicationId() == applicationId).findFirst().orElseThrow();
        board.move(jobId, List.of(new BoardService.Move(card, to)));
        System.out.println(MOVED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
