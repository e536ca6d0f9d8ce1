package co.intowork.recruiter.app;

import atlantafx.base.theme.PrimerLight;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.settings.SettingsLoader;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Map;

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
        viewModel = new MainViewModel(tasks,
                progress -> Startup.open(loader.load(Map.of()), loader.paths(), Platform::isFxApplicationThread,
                        progress));
        Scene scene = new Scene(MainView.load(viewModel), 1280, 760);
        scene.getStylesheets().add(RecruiterApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("IntoWork Recruiter");
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
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
