package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.sync.CopyDamage;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: the offline copy (a second embedded PostgreSQL) is started when it is used, not at every sign-in.
 * Hugo, who has never worked offline on this computer, signs in on the server and opens the Offline section: no
 * copy is started (that taking a job offline starts it: SyncViewModelTest, without a window).
 */
@ExtendWith(ApplicationExtension.class)
class OfflineCopyOnDemandTest {
    private static final ServerProfile SERVER = new ServerProfile(ServerProfile.SERVER, "Test server", false);
    private static TestDatabase.Db db;

    private final AtomicInteger copiesStarted = new AtomicInteger();
    private SettingsLoader loader;
    private MainViewModel viewModel;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) throws Exception {
        if (db == null) {
            db = TwoCompanies.create("copy_on_demand");
        }
        Path temp = Files.createTempDirectory("copy-on-demand");
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp.resolve("home"));
        loader = new SettingsLoader(paths, Map.of());
        OfflineCopy real = OfflineCopy.at(loader);
        OfflineCopy counting = new OfflineCopy() {
            @Override
            public boolean exists() {
                return real.exists();
            }

            @Override
            public Replica.Lazy lazy() {
                Replica.Lazy copy = real.lazy();
                return Replica.Lazy.of(() -> {
                    copiesStarted.incrementAndGet();
                    return copy.get();
                });
            }

            @Override
            public void wipe() {
                real.wipe();
            }

            @Override
            public Startup.Outcome open(Consumer<String> progress) {
                copiesStarted.incrementAndGet();
                return real.open(progress);
            }

            @Override
            public RuntimeException examine(RuntimeException failure, Replica.Lazy copy) {
                return real.examine(failure, copy);
            }

            @Override
            public CopyDamage.Rebuilt rebuild(Replica.Lazy copy) {
                return real.rebuild(copy);
            }
        };
        tasks = new FxTaskRunner(1);
        viewModel = new MainViewModel(tasks, new LoginViewModel(List.of(SERVER), SERVER), (profile, progress) ->
                new Startup.Outcome(MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN), "40", List.of()),
                null, counting);
        stage.setScene(new Scene(MainView.load(viewModel), 1280, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(viewModel::close).get(30, TimeUnit.SECONDS);
        tasks.close();
        if (Replica.exists(loader.paths())) {
            Replica.wipe(loader.paths());
        }
    }

    @Test
    void signingInAndOpeningTheOfflineSectionStartNoCopy(FxRobot robot) throws Exception {
        robot.interact(viewModel::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.showLoginProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#login-email").write(TwoCompanies.HUGO);
        robot.clickOn("#login-password").write(TwoCompanies.PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.signedInUserProperty().get() != null);
        // what a sign-in starts has run: the pipeline's page, the inbox's count, the periodic look
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#pipeline-table").tryQuery()
                .map(t -> !((javafx.scene.control.TableView<?>) t).getItems().isEmpty()).orElse(false));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(copiesStarted.get()).as("copies started at sign-in").isZero();
        assertThat(Replica.exists(loader.paths())).isFalse();

        robot.interact(() -> viewModel.select(Section.SYNC));
        ListView<?> jobs = robot.lookup("#sync-jobs").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !jobs.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(copiesStarted.get()).as("copies started by opening the section").isZero();
        assertThat(Replica.exists(loader.paths())).isFalse();
    }
}
