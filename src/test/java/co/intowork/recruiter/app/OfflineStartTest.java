package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.review.Review;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.sync.OfflineOperations;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncService;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working offline from start-up, end to end through the main window's ViewModel: a hiring manager takes a job
 * offline while signed in on the server; later the server cannot be reached, the window opens on the offline copy,
 * they sign in with their usual password, move and annotate candidates (into the outbox, the server untouched),
 * undo a wrong move (which then never reaches the candidate), and once back on the server the work is sent once.
 */
class OfflineStartTest {
    static final ServerProfile SERVER = new ServerProfile(ServerProfile.SERVER, "Test server", false);

    @TempDir
    Path temp;
    final List<MainViewModel> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(MainViewModel::close);
    }

    @Test
    void opensOnTheOfflineCopyWhenTheServerIsUnreachableAndSendsTheWorkOnceBack() throws Exception {
        TestDatabase.Db server = TwoCompanies.create("offline_start");
        exec(server, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at) "
                + "VALUES (102, 11, 2, 'applied', now() - interval '2 days')");
        SettingsLoader unreachable = settings(closedPort());

        // online: the window signs Hugo in on the server; his copy opens on first use and keeps who he is
        MainViewModel online = window(unreachable, (profile, progress) -> new Startup.Outcome(
                MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN), "30", List.of()));
        online.start();
        signIn(online, TwoCompanies.PASSWORD);
        online.offlineDatabase().get();
        online.signOut();
        assertThat(online.signOutQuestionProperty().get()).as("an empty copy is not worth a question").isEmpty();
        assertThat(online.signedInProperty().get()).isNull();
        signIn(online, TwoCompanies.PASSWORD);
        SignedIn onServer = online.signedInProperty().get();
        assertThat(onServer.offline()).isFalse();
        Database copy = online.offlineDatabase().get();
        new SyncService(onServer, copy.unitOfWork()).takeOffline(11);
        online.signOut();
        assertThat(online.signOutQuestionProperty().get()).as("sign-out asks about the copy")
                .contains("Keep the offline copy");
        online.confirmSignOut(false);
        assertThat(Replica.exists(unreachable.paths())).isTrue();

        // the server cannot be reached: the window opens on the copy and says so
        MainViewModel offline = window(unreachable, (profile, progress) -> Startup.open(unreachable.load(Map.of()),
                unreachable.paths(), profile, () -> false, progress));
        offline.start();
        assertThat(offline.errorMessageProperty().get()).isEmpty();
        assertThat(offline.offlineProperty().get()).isNotNull();
        assertThat(offline.offlineProperty().get().jobs()).isEqualTo(1);
        assertThat(offline.connectionLabelProperty().get()).isEqualTo("Offline copy on this computer");
        assertThat(offline.login().noticeProperty().get()).contains("cannot be reached").contains("work on the job kept on this computer");

        signIn(offline, "wrong password");
        assertThat(offline.login().errorMessageProperty().get()).contains("not right");
        assertThat(offline.signedInProperty().get()).isNull();
        signIn(offline, TwoCompanies.PASSWORD);
        SignedIn onCopy = offline.signedInProperty().get();
        assertThat(onCopy.offline()).isTrue();
        assertThat(onCopy.user().userId()).isEqualTo(4);
        assertThat(offline.homeSummaryProperty().get()).contains("Working offline on 1 job");

        // the screens read the copy through the session opened in it
        PipelineViewModel pipeline = new PipelineViewModel(onCopy, new RecordingNavigator());
        pipeline.start();
        assertThat(pipeline.jobs()).extracting(j -> j.getId()).containsExactly(11);
        assertThat(pipeline.canEdit()).as("jobs are not edited offline").isFalse();

        // the board moves through the outbox, as the workspace wires it offline
        OfflineOperations outbox = new OfflineOperations(onCopy.unitOfWork());
        BoardService boardService = new BoardService(onCopy, outbox);
        BoardViewModel board = new BoardViewModel(boardService, onCopy, new RecordingNavigator());
        board.open(11);
        BoardCard card = card(board, ApplicationStatus.APPLIED, 102);
        board.requestMove(List.of(card), ApplicationStatus.REJECTED);
        assertThat(board.errorProperty().get()).isEmpty();
        assertThat(SyncService.countsIn(offline.databaseProperty().get().unitOfWork()).pending()).isEqualTo(1);
        board.undo();
        assertThat(board.errorProperty().get()).isEmpty();
        assertThat(card(board, ApplicationStatus.APPLIED, 102)).isNotNull();
        assertThat(SyncService.countsIn(offline.databaseProperty().get().unitOfWork()).pending()).as("the undone rejection is cancelled, not sent").isZero();
        board.requestMove(List.of(card(board, ApplicationStatus.APPLIED, 102)), ApplicationStatus.SHORTLISTED);

        ReviewService review = new ReviewService(onCopy, boardService, outbox);
        Review.Application a = review.load(102).application();
        review.saveAssessment(102, a.version(), "Met her on the train: sharp.", 4, Scorecard.parse(null));
        assertThat(status(server, 102)).as("nothing reached the server").isEqualTo("applied");

        offline.signOut();
        assertThat(offline.signOutQuestionProperty().get()).contains("3 changes made offline have not reached");
        offline.confirmSignOut(false);

        // back on the server: the sign-in's workspace sends the outbox by itself (its Offline section looks for the
        // server at once), and only once
        MainViewModel back = window(unreachable, (profile, progress) -> new Startup.Outcome(
                MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN), "30", List.of()));
        offline.close();
        back.start();
        signIn(back, TwoCompanies.PASSWORD);
        assertThat(back.workspaceProperty().get().sync().pendingCountProperty().get()).isZero();
        Database copyAgain = back.offlineDatabase().get();
        SyncService.SyncReport report = new SyncService(back.signedInProperty().get(), copyAgain.unitOfWork())
                .sync(p -> { });
        assertThat(report.push().applied()).as("already sent at sign-in").isZero();
        assertThat(status(server, 102)).isEqualTo("shortlisted");
        assertThat(text(server, "SELECT notes || ' / ' || rating FROM public.job_applications WHERE id = 102"))
                .isEqualTo("Met her on the train: sharp. / 4");
        assertThat(text(server, "SELECT string_agg(to_status::text, ',' ORDER BY id) FROM "
                + "recruiter.application_status_events WHERE application_id = 102 AND source = 'client'"))
                .as("one event, and no rejection ever recorded").isEqualTo("shortlisted");

        // and signing out can remove the copy from the computer
        back.signOut();
        back.confirmSignOut(true);
        assertThat(Replica.exists(unreachable.paths())).isFalse();
    }

    @Test
    void whenTheServerStopsAnsweringDuringTheSessionTheWindowSwitchesToTheCopy() throws Exception {
        TestDatabase.Db server = TwoCompanies.create("offline_switch");
        SettingsLoader settings = settings(closedPort());
        MainViewModel vm = window(settings, (profile, progress) -> new Startup.Outcome(
                MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN), "30", List.of()));
        vm.start();
        signIn(vm, TwoCompanies.PASSWORD);
        new SyncService(vm.signedInProperty().get(), vm.offlineDatabase().get().unitOfWork()).takeOffline(11);

        vm.workOffline();

        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(vm.signedInProperty().get()).as("signed out of the server").isNull();
        assertThat(vm.offlineProperty().get().reason()).startsWith("You chose to work offline");
        assertThat(vm.login().emailProperty().get()).isEqualTo(TwoCompanies.HUGO);
        signIn(vm, TwoCompanies.PASSWORD);
        assertThat(vm.signedInProperty().get().offline()).isTrue();
        assertThat(vm.homeSummaryProperty().get()).startsWith("Working offline on 1 job");
    }

    @Test
    void aServerThatAnswersAndRefusesIsReportedNotReplacedByTheCopy() throws Exception {
        SettingsLoader wrongDatabase = settings(TestDatabase.server().getPort(), "no_such_database");
        Files.createDirectories(Replica.folder(wrongDatabase.paths()));
        Files.writeString(Replica.folder(wrongDatabase.paths()).resolve("PG_VERSION"), "15");
        assertThatThrownBy(() -> Startup.open(wrongDatabase.load(Map.of()), wrongDatabase.paths(), SERVER,
                () -> false, progress -> { }))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("no_such_database")
                .satisfies(e -> assertThat(e.getSuppressed()).as("the copy was not even tried").isEmpty());
    }

    @Test
    void commandsNeverFallBackToTheCopy() throws Exception {
        SettingsLoader unreachable = settings(closedPort());
        Files.createDirectories(Replica.folder(unreachable.paths()));
        Files.writeString(Replica.folder(unreachable.paths()).resolve("PG_VERSION"), "15");
        // the window tries the (here unusable) copy and says so beside the server's failure ...
        assertThatThrownBy(() -> Startup.open(unreachable.load(Map.of()), unreachable.paths(), SERVER,
                () -> false, progress -> { }))
                .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
        // ... a command reports the server as it is
        assertThatThrownBy(() -> Startup.open(unreachable.load(Map.of()), unreachable.paths(), () -> false,
                progress -> { }))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("could not be reached")
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    }

    @Test
    void withoutAnOfflineCopyAnUnreachableServerIsReportedAsSuch() throws Exception {
        SettingsLoader unreachable = settings(closedPort());
        assertThatThrownBy(() -> Startup.open(unreachable.load(Map.of()), unreachable.paths(), SERVER,
                () -> false, progress -> { }))
                .isInstanceOf(UserFacingException.class);
        assertThat(Replica.exists(unreachable.paths())).isFalse();
    }

    private MainViewModel window(SettingsLoader loader, MainViewModel.Opener opener) {
        LoginViewModel login = new LoginViewModel(List.of(SERVER), SERVER);
        login.emailProperty().set(TwoCompanies.HUGO);
        MainViewModel vm = new MainViewModel(new ImmediateTaskRunner(), login, opener, null, OfflineCopy.at(loader));
        windows.add(vm);
        return vm;
    }

    private static void signIn(MainViewModel vm, String password) {
        vm.login().emailProperty().set(TwoCompanies.HUGO);
        vm.login().passwordProperty().set(password);
        vm.login().submit();
    }

    private SettingsLoader settings(int port) throws IOException {
        return settings(port, "intowork");
    }

    private SettingsLoader settings(int port, String database) throws IOException {
        Path user = temp.resolve("u.properties");
        Files.writeString(user, "db.url=jdbc:postgresql://localhost:" + port + "/" + database + "\n"
                + "db.user=" + TwoCompanies.CLIENT_LOGIN + "\ndb.connect.timeout.seconds=2\n");
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", user.toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        return new SettingsLoader(paths, Map.of());
    }

    private static BoardCard card(BoardViewModel board, ApplicationStatus status, int applicationId) {
        return board.column(status).cards().stream().filter(c -> c.applicationId() == applicationId).findFirst()
                .orElseThrow(() -> new AssertionError(applicationId + " is not in " + status));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String status(TestDatabase.Db db, int applicationId) throws SQLException {
        return text(db, "SELECT status::text FROM public.job_applications WHERE id = " + applicationId);
    }

    private static void exec(TestDatabase.Db db, String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static String text(TestDatabase.Db db, String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
