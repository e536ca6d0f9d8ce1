package co.intowork.recruiter.app;

import atlantafx.base.theme.PrimerLight;
import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Windows;
import co.intowork.recruiter.settings.LastSignIn;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsException;
import co.intowork.recruiter.settings.SettingsLoader;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JavaFX application: composition root of the window. */
public final class RecruiterApp extends Application {
    private FxTaskRunner tasks;
    private MainViewModel viewModel;

    static void launchApp(String[] args) {
        Application.launch(RecruiterApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        tasks = new FxTaskRunner(2);
        SettingsLoader loader = SettingsLoader.system();
        Messages.use(Messages.chooseLocale(languageSetting(loader), Locale.getDefault()));
        LastSignIn lastSignIn = LastSignIn.in(loader.paths());
        viewModel = new MainViewModel(tasks, loginViewModel(loader, lastSignIn),
                (profile, progress) -> Startup.open(loader.load(Map.of()), loader.paths(), profile,
                        Platform::isFxApplicationThread, progress),
                lastSignIn, OfflineCopy.at(loader));
        Scene scene = Windows.mainScene(stage, MainView.load(viewModel), 1280, 760);
        scene.getStylesheets().add(RecruiterApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("IntoWork Recruiter");
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();
        viewModel.start();
    }

    static String languageSetting(SettingsLoader loader) {
        try {
            return loader.load(Map.of()).get(SettingKey.UI_LANGUAGE).orElse("system");
        } catch (SettingsException e) {
            return "system";
        }
    }

    /** The servers to offer, with the one and the email address last used chosen. */
    private static LoginViewModel loginViewModel(SettingsLoader loader, LastSignIn lastSignIn) {
        List<ServerProfile> profiles;
        try {
            ResolvedSettings settings = loader.load(Map.of());
            String server = settings.get(SettingKey.DB_URL).map(DatabaseConnector::describeUrl).orElse("");
            profiles = ServerProfile.from(settings, server);
        } catch (SettingsException e) {
            // a broken settings file is reported by the start-up itself, with the file and line
            profiles = List.of(new ServerProfile(ServerProfile.SERVER, "INTOWORK server", false));
        }
        Optional<LastSignIn.Remembered> last = lastSignIn.load();
        List<ServerProfile> offered = profiles;
        ServerProfile initial = last.flatMap(r -> offered.stream().filter(p -> p.id().equals(r.profileId()))
                .findFirst()).orElse(offered.get(0));
        LoginViewModel login = new LoginViewModel(offered, initial);
        last.ifPresent(r -> login.emailProperty().set(r.email()));
        return login;
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
