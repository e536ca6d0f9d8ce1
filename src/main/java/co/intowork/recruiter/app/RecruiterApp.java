package co.intowork.recruiter.app;

import co.intowork.recruiter.common.StartupClock;
import atlantafx.base.theme.PrimerLight;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Windows;
import co.intowork.recruiter.settings.SettingsLoader;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.Objects;

/** The JavaFX application: the window's life cycle; what it shows is built by {@link CompositionRoot}. */
public final class RecruiterApp extends Application {
    // JavaFX constructs the Application itself, so the launcher's settings cross here, once, before launch
    private static volatile SettingsLoader launchSettings;

    private FxTaskRunner tasks;
    private MainViewModel viewModel;

    static void launchApp(SettingsLoader settings, String[] args) {
        launchSettings = Objects.requireNonNull(settings);
        Application.launch(RecruiterApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CompositionRoot root = new CompositionRoot(launchSettings);
        tasks = new FxTaskRunner(2);
        Messages.use(Messages.chooseLocale(root.languageSetting(), Locale.getDefault()));
        viewModel = root.mainViewModel(tasks, Platform::isFxApplicationThread);
        Scene scene = Windows.mainScene(stage, MainView.load(viewModel), 1280, 760);
        scene.getStylesheets().add(RecruiterApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("IntoWork Recruiter");
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();
        StartupClock.reached("window shown");
        viewModel.start();
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
