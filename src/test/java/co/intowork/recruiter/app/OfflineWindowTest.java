package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.sync.OfflineIdentity;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncService;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window headless on a computer whose server cannot be reached but which holds Hugo's offline copy: it
 * opens on the copy, says so in the status bar, signs him in offline, and asks at sign-out whether to keep it.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineWindowTest {
    private static final ServerProfile SERVER = new ServerProfile(ServerProfile.SERVER, "Test server", false);
    private static SettingsLoader loader;

    private MainViewModel viewModel;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) throws Exception {
        if (loader == null) {
            loader = computerWithAnOfflineCopy();
        }
        tasks = new FxTaskRunner(1);
        LoginViewModel login = new LoginViewModel(List.of(SERVER), SERVER);
        viewModel = new MainViewModel(tasks, login, (profile, progress) -> Startup.open(loader.load(Map.of()),
                loader.paths(), profile, () -> false, progress), null, OfflineCopy.at(loader));
        stage.setScene(new Scene(MainView.load(viewModel), 1100, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(viewModel::close).get(30, TimeUnit.SECONDS);
        tasks.close();
    }

    @Test
    void opensOnTheCopyWhenTheServerIsUnreachableAndAsksAboutItAtSignOut(FxRobot robot) throws Exception {
        robot.interact(viewModel::start);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.showLoginProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#offline-badge").query().isVisible()).isTrue();
        assertThat(robot.lookup("#reconnect-button").query().isVisible()).isTrue();
        assertThat(robot.lookup("#server-back").query().isVisible()).isFalse();
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("Offline copy on this computer");
        assertThat(robot.lookup("#login-notice").queryAs(Label.class).getText())
                .startsWith("The server cannot be reached. Meanwhile you can work on the job kept on this computer");

        robot.clickOn("#login-email").write(TwoCompanies.HUGO);
        robot.clickOn("#login-password").write(TwoCompanies.PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.signedInUserProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signed-in-user").queryAs(Label.class).getText()).startsWith("Hugo Manager");
        assertThat(robot.lookup("#home-summary").queryAs(Label.class).getText())
                .startsWith("Working offline on 1 job kept on this computer.");
        assertThat(robot.lookup("#sign-out-overlay").query().isVisible()).isFalse();

        robot.clickOn("#sign-out-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sign-out-overlay").query().isVisible());
        assertThat(robot.lookup("#sign-out-question").queryAs(Label.class).getText())
                .startsWith("You are signing out. Keep the offline copy");
        robot.clickOn("#sign-out-keep");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.showLoginProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sign-out-overlay").query().isVisible()).isFalse();
        assertThat(robot.lookup("#login-email").queryAs(TextField.class).isVisible()).isTrue();
        assertThat(Replica.exists(loader.paths())).as("kept").isTrue();
    }

    /** Hugo took job 11 offline while signed in on the server; the server's address now leads nowhere. */
    private static SettingsLoader computerWithAnOfflineCopy() throws IOException {
        TestDatabase.Db server = TwoCompanies.create("offline_window");
        Path temp = Files.createTempDirectory("offline-window");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path user = temp.resolve("u.properties");
        Files.writeString(user, "db.url=jdbc:postgresql://localhost:" + closedPort + "/intowork\n"
                + "db.user=" + TwoCompanies.CLIENT_LOGIN + "\n");
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", user.toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        SettingsLoader settings = new SettingsLoader(paths, Map.of());
        try (Database client = MigratedDatabase.openAsClient(server, TwoCompanies.CLIENT_LOGIN);
             Database copy = Replica.open(settings.load(Map.of()), paths, Mappers.all(), () -> false, m -> { })) {
            SignedIn hugo = new SignedIn(new AuthService(client.unitOfWork(),
                    SessionContext.installOn(client.unitOfWork())).signIn(TwoCompanies.HUGO, TwoCompanies.PASSWORD),
                    client.unitOfWork(), new ImmediateTaskRunner());
            new SyncService(hugo, copy.unitOfWork()).takeOffline(11);
            new OfflineIdentity(copy.unitOfWork(), Clock.systemUTC())
                    .remember(hugo, OfflineIdentity.verifier(TwoCompanies.PASSWORD));
        }
        return settings;
    }
}
