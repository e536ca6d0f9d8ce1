package co.intowork.recruiter.stats;

import co.intowork.recruiter.testing.HeldTasks;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.testing.RecordingNavigator;
import javafx.util.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statistics screen's formatting without a database or the FX toolkit: dates, presets, numbers, CSV. */
class StatsFormattingTest {
    static final ZoneId DOUALA = ZoneId.of("Africa/Douala");

    final HeldTasks tasks = new HeldTasks();

    StatsViewModel viewModel(String now) {
        SignedInUser anne = new SignedInUser(1, "anne@example.com", "Anne", "A", 1, "Alpha", "recruiter", null, 0);
        return new StatsViewModel(new StatsService(null, null), tasks, new RecordingNavigator(), anne, 14, DOUALA,
                Clock.fixed(Instant.parse(now), DOUALA));
    }

    @AfterEach
    void english() {
        Messages.use(Locale.UK);
    }

    @Test
    void datesAreTypedAndShownInTheLanguagesOrder() {
        LocalDate lastOfMarch = LocalDate.of(2026, 3, 31);
        for (Locale dayFirst : List.of(Locale.FRANCE, Locale.UK, Locale.FRENCH, new Locale("fr", "CM"))) {
            assertThat(StatsDates.format(lastOfMarch, dayFirst)).as(dayFirst.toString()).isEqualTo("31/03/2026");
            assertThat(StatsDates.parse("31/03/2026", dayFirst)).isEqualTo(lastOfMarch);
            assertThat(StatsDates.parse("31/3/26", dayFirst)).isEqualTo(lastOfMarch);
            assertThat(StatsDates.parse(" 31.03.2026 ", dayFirst)).isEqualTo(lastOfMarch);
            assertThat(StatsDates.parse("31-03-2026", dayFirst)).isEqualTo(lastOfMarch);
            assertThat(StatsDates.parse("05/04/2026", dayFirst)).isEqualTo(LocalDate.of(2026, 4, 5));
        }
        assertThat(StatsDates.format(lastOfMarch, Locale.US)).isEqualTo("3/31/2026");
        assertThat(StatsDates.parse("3/31/2026", Locale.US)).isEqualTo(lastOfMarch);
        assertThat(StatsDates.parse("05/04/2026", Locale.US)).isEqualTo(LocalDate.of(2026, 5, 4));
        // ISO, as in the CSV, whatever the language
        assertThat(StatsDates.parse("2026-03-31", Locale.FRANCE)).isEqualTo(lastOfMarch);
        assertThat(StatsDates.parse("", Locale.FRANCE)).isNull();
        assertThatThrownBy(() -> StatsDates.parse("3/31/2026", Locale.UK)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StatsDates.parse("31 mars", Locale.FRANCE))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StatsDates.parse("30/02/2026", Locale.FRANCE))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theDateFieldsReadTheInterfaceLanguageAndSayWhatToTypeOtherwise() {
        Messages.use(Locale.FRANCE);
        StatsViewModel vm = viewModel("2026-03-31T10:00:00Z");
        StringConverter<LocalDate> from = vm.dateConverter(vm.fromProperty());
        assertThat(from.fromString("01/02/2026")).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(from.toString(LocalDate.of(2026, 2, 1))).isEqualTo("01/02/2026");
        assertThat(vm.errorMessageProperty().get()).isEmpty();

        vm.fromProperty().set(LocalDate.of(2026, 2, 1));
        assertThat(from.fromString("2/31/2026")).as("kept as it was").isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("« 2/31/2026 » n'est pas une date : saisissez-la comme l'application affiche les dates, "
                        + "par exemple 31/03/2026.");
        assertThat(from.fromString("15/02/2026")).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(vm.errorMessageProperty().get()).as("a good date clears the complaint").isEmpty();
    }

    @Test
    void presetsEndTodayWhereThePersonIsAndReadOnce() {
        // 23:30 UTC on 31 March is already 1 April in Douala (UTC+1)
        StatsViewModel vm = viewModel("2026-03-31T23:30:00Z");
        vm.applyPreset(StatsDates.Preset.LAST_7_DAYS);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(tasks.held).as("one read for both ends").hasSize(1);
        vm.applyPreset(StatsDates.Preset.LAST_30_DAYS);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 3, 3));
        vm.applyPreset(StatsDates.Preset.LAST_90_DAYS);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 2));
        vm.applyPreset(StatsDates.Preset.THIS_QUARTER);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(viewModel("2026-02-10T12:00:00Z").query()).isNotNull();
        StatsViewModel february = viewModel("2026-02-10T12:00:00Z");
        february.applyPreset(StatsDates.Preset.THIS_QUARTER);
        assertThat(february.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(tasks.held).hasSize(5);
        vm.setPeriod(null, null);
        assertThat(vm.fromProperty().get()).isNull();
        assertThat(vm.toProperty().get()).isNull();
        Messages.use(Locale.FRANCE);
        vm.setPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 31));
        assertThat(vm.describeFilters()).startsWith("Toutes les offres · du 05/01/2026 au 31/03/2026");
    }

    static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void axesAndValuesUseTheLanguagesDigits() {
        Messages.use(Locale.FRANCE);
        assertThat(spaces(StatsViewModel.axisNumbers().toString(1750))).isEqualTo("1 750");
        assertThat(spaces(StatsViewModel.axisNumbers().toString(2.5))).isEqualTo("2,5");
        assertThat(StatsViewModel.axisNumbers().fromString(StatsViewModel.axisNumbers().toString(1750)).intValue())
                .isEqualTo(1750);
        assertThat(StatsViewModel.week(LocalDate.of(2026, 1, 5))).isEqualTo("05/01/2026");
        Messages.use(Locale.UK);
        assertThat(StatsViewModel.axisNumbers().toString(1750)).isEqualTo("1,750");
        assertThat(StatsViewModel.axisNumbers().toString(2.5)).isEqualTo("2.5");
    }

    @Test
    void theDurationsChartHasOneUnitNamedOnItsAxisAndOnEachValue() {
        List<TimeMetric> metrics = List.of(new TimeMetric(TimeMetric.FIRST_VIEW, 4, 5 * 3600, 9 * 3600),
                new TimeMetric(TimeMetric.HIRE, 1, 6 * 86_400, 6 * 86_400));
        StatsViewModel.DurationUnit unit = StatsViewModel.DurationUnit.fitting(6 * 86_400);
        assertThat(unit).isEqualTo(StatsViewModel.DurationUnit.DAYS);
        assertThat(StatsViewModel.timesChartPoints(metrics, unit))
                .extracting(StatsViewModel.ChartPoint::label, StatsViewModel.ChartPoint::value,
                        StatsViewModel.ChartPoint::shown)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("First view", 5.0 / 24, "0.2 days"),
                        org.assertj.core.groups.Tuple.tuple("Hire", 6.0, "6 days"));
        // the bars and rows in the funnel's order, not the query's alphabetical one
        assertThat(StatsViewModel.funnelOrder(List.of(new TimeMetric(TimeMetric.HIRE, 1, 1, 1),
                        new TimeMetric("stage:viewed", 1, 1, 1), new TimeMetric("stage:interview", 1, 1, 1),
                        new TimeMetric(TimeMetric.FIRST_VIEW, 1, 1, 1), new TimeMetric("stage:applied", 1, 1, 1))))
                .extracting(TimeMetric::metric)
                .containsExactly("first_view", "stage:applied", "stage:viewed", "stage:interview", "hire");
        assertThat(StatsViewModel.DurationUnit.fitting(30 * 3600)).isEqualTo(StatsViewModel.DurationUnit.HOURS);
        assertThat(StatsViewModel.DurationUnit.fitting(1800)).isEqualTo(StatsViewModel.DurationUnit.MINUTES);
        Messages.use(Locale.FRANCE);
        assertThat(StatsViewModel.timesChartPoints(metrics, StatsViewModel.DurationUnit.HOURS))
                .extracting(StatsViewModel.ChartPoint::shown).containsExactly("5 heures", "144 heures");
        assertThat(Messages.format("stats.axis.median", StatsViewModel.DurationUnit.DAYS.label()))
                .isEqualTo("Médiane (jours)");
    }

    @Test
    void theStatisticsDoNotCallAnythingNew() {
        StatsViewModel vm = viewModel("2026-03-31T10:00:00Z");
        assertThat(vm.applicationsCaption()).isEqualTo("Received, all time");
        vm.applyPreset(StatsDates.Preset.LAST_30_DAYS);
        assertThat(vm.applicationsCaption()).isEqualTo("Received in the period");
        assertThat(Messages.text("stats.figure.notViewed")).isEqualTo("Not yet viewed");
        Messages.use(Locale.FRANCE);
        assertThat(vm.applicationsCaption()).isEqualTo("Candidatures sur la période");
        // the job list keeps "New" / "Nouvelles" for applications since the job was last opened
        assertThat(Messages.text("pipeline.column.new")).isEqualTo("Nouvelles");
        java.util.ResourceBundle fr = Messages.bundle();
        for (String key : java.util.Collections.list(fr.getKeys())) {
            if (key.startsWith("stats.")) {
                assertThat(fr.getString(key)).as(key).doesNotContainIgnoringCase("nouvelle");
            }
        }
        Messages.use(Locale.UK);
        java.util.ResourceBundle en = Messages.bundle();
        for (String key : java.util.Collections.list(en.getKeys())) {
            if (key.startsWith("stats.")) {
                assertThat(en.getString(key)).as(key).doesNotContain("New");
            }
        }
    }

    @Test
    void csvDialectFollowsTheLanguagesDecimalMark() {
        assertThat(Csv.Dialect.of(Locale.FRANCE)).isEqualTo(new Csv.Dialect(';', ','));
        assertThat(Csv.Dialect.of(new Locale("fr", "CM"))).isEqualTo(new Csv.Dialect(';', ','));
        assertThat(Csv.Dialect.of(Locale.UK)).isEqualTo(new Csv.Dialect(',', '.'));
        List<List<?>> rows = List.of(List.of("Chauffeur; poids lourd", new java.math.BigDecimal("0.7500"), 1750L,
                "Smith, J.", 2.5));
        assertThat(Csv.of(Csv.Dialect.of(Locale.FRANCE), List.of("a", "b", "c", "d", "e"), rows))
                .isEqualTo("a;b;c;d;e\r\n\"Chauffeur; poids lourd\";0,7500;1750;Smith, J.;2,5\r\n");
        assertThat(Csv.of(Csv.Dialect.of(Locale.UK), List.of("a", "b", "c", "d", "e"), rows))
                .isEqualTo("a,b,c,d,e\r\nChauffeur; poids lourd,0.7500,1750,\"Smith, J.\",2.5\r\n");
    }
}
