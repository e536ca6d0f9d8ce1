package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.seed.DemoLogin;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/** State of the main window: connection, progress while starting, the chosen section. No scene-graph types. */
public final class MainViewModel {
    private static final Logger log = LoggerFactory.getLogger(MainViewModel.class);

    /** Opens the database off the UI thread, reporting progress; the app passes {@link Startup#open}. */
    @FunctionalInterface
    public interface Opener {
        Startup.Outcome open(Consumer<String> progress);
    }

    private final TaskRunner tasks;
    private final Opener opener;

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty connectionLabel = new SimpleStringProperty("Not connected");
    private final StringProperty schemaLabel = new SimpleStringProperty("");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.PIPELINE);
    private final ObservableList<DemoLogin> demoLogins = FXCollections.observableArrayList();
    private final ObjectProperty<Database> database = new SimpleObjectProperty<>();

    public MainViewModel(TaskRunner tasks, Opener opener) {
        this.tasks = tasks;
        this.opener = opener;
    }

    public void start() {
        busy.set(true);
        errorMessage.set("");
        progressMessage.set("Starting…");
        tasks.run(() -> opener.open(msg -> tasks.onUi(() -> progressMessage.set(msg))),
                outcome -> {
                    database.set(outcome.database());
                    connectionLabel.set(outcome.database().target().label());
                    schemaLabel.set("Schema v" + outcome.schemaVersion());
                    demoLogins.setAll(outcome.demoLogins());
                    progressMessage.set("");
                    busy.set(false);
                },
                failure -> {
                    String message = SqlErrors.describe(failure);
                    log.error("Start-up failed: {}", message, failure);
                    errorMessage.set(message);
                    connectionLabel.set("Not connected");
                    progressMessage.set("");
                    busy.set(false);
                });
    }

    public void retry() {
        start();
    }

    public void select(Section s) {
        section.set(s);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel;
    }

    public ReadOnlyStringProperty schemaLabelProperty() {
        return schemaLabel;
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObservableList<DemoLogin> demoLogins() {
        return demoLogins;
    }

    public ReadOnlyObjectProperty<Database> databaseProperty() {
        return database;
    }

    public void close() {
        Database db = database.get();
        if (db != null) {
            database.set(null);
            db.close();
        }
    }
}
