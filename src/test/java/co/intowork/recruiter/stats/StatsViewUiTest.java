package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics screen in French at 1280×720, headless: dates typed as French people write them, axes, presets. */
@ExtendWith(ApplicationExtension.class)
class StatsViewUiTest {
    private static TestDatabase.Db db;
    private static Database client;
    private static SignedInUser anne;

    private FxTaskRunner tasks;
    private StatsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        if (db == null) {
            db = TwoCompanies.create("stats_ui");
            try (Connection admin = db.superuser().getConnection()) {
                MigratedDatabases.runScript(admin, "/co/intowork/recruiter/stats/stats-fixture.sql");
            }
            client = MigratedDatabase.openAsClient(db, "stats_ui_client");
            anne = StatsServiceTest.signIn(client, TwoCompanies.ANNE);
        }
        Messages.use(Locale.FRANCE);
        tasks = new FxTaskRunner(1);
        vm = new StatsViewModel(new StatsService(client.unitOfWork(), null), tasks, new RecordingNavigator(), anne,
                14, ZoneOffset.UTC);
        stage.setScene(new Scene(StatsView.load(vm), 1280, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        Messages.use(Locale.UK);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(DatePicker.class).getEditor().clear());
        robot.clickOn(id + " .text-field").write(text).type(KeyCode.ENTER);
    }

    @Test
    void aDateTypedTheFrenchWayIsReadTheFrenchWay(FxRobot robot) throws Exception {
        robot.interact(vm::reload);
        settle();
        type(robot, "#stats-from", "05/01/2026");
        settle();
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(robot.lookup("#stats-from").queryAs(DatePicker.class).getEditor().getText())
                .isEqualTo("05/01/2026");

        type(robot, "#stats-to", "1/31/2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.toProperty().get()).isNull();
        assertThat(robot.lookup(".error-text").queryAs(Label.class).getText())
                .startsWith("« 1/31/2026 » n'est pas une date");
        type(robot, "#stats-to", "31/01/2026");
        settle();
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(vm.errorMessageProperty().get()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartsNameTheirAxesWithUnitsAndPresetsAreOffered(FxRobot robot) throws Exception {
        robot.interact(vm::reload);
        settle();
        BarChart<String, Number> times = (BarChart<String, Number>) robot.lookup(".chart").queryAll().stream()
                .filter(n -> n instanceof BarChart<?, ?> b && b.getYAxis().getLabel() != null
                        && b.getYAxis().getLabel().startsWith("Médiane"))
                .findFirst().orElseThrow();
        assertThat(times.getYAxis().getLabel()).isIn("Médiane (minutes)", "Médiane (heures)", "Médiane (jours)");
        NumberAxis values = (NumberAxis) times.getYAxis();
        assertThat(values.getTickLabelFormatter().toString(1750).replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("1 750");
        BarChart<String, Number> funnel = (BarChart<String, Number>) robot.lookup(".chart").queryAll().stream()
                .filter(n -> n instanceof BarChart<?, ?> b && "Candidatures (nombre)".equals(b.getYAxis().getLabel()))
                .findFirst().orElseThrow();
        StringConverter<Number> counts = ((NumberAxis) funnel.getYAxis()).getTickLabelFormatter();
        assertThat(counts.toString(1750).replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 750");
        assertThat(counts.toString(0.5)).as("no half application").isEmpty();
        MenuButton presets = robot.lookup("#stats-preset").queryAs(MenuButton.class);
        assertThat(presets.getItems()).extracting(i -> i.getText()).containsExactly("7 derniers jours",
                "30 derniers jours", "90 derniers jours", "Ce trimestre", null, "Depuis le début");
        robot.interact(() -> presets.getItems().get(3).fire());
        settle();
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.now(ZoneOffset.UTC)
                .with(java.time.temporal.IsoFields.DAY_OF_QUARTER, 1));
        assertThat(robot.lookup("#stats-figures").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .hasSize(7);
    }
}
