package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics screen's ViewModel without the FX toolkit, on the hand-worked fixture: what it shows, the CSV it
 * writes, the stale list's link to the board, and which database it read (replica, fallback).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsViewModelTest {
    TestDatabase.Db db;
    Database client;
    SignedInUser anne;
    String clientUrl;

    @TempDir
    Path temp;

    @BeforeAll
    void setUp() throws SQLException {
        Messages.use(Locale.UK);
        db = TwoCompanies.create("stats_vm");
        try (Connection admin = db.superuser().getConnection()) {
            MigratedDatabases.runScript(admin, "/co/intowork/recruiter/stats/stats-fixture.sql");
        }
        client = MigratedDatabase.openAsClient(db, "stats_vm_client");
        anne = StatsServiceTest.signIn(client, TwoCompanies.ANNE);
        clientUrl = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @AfterAll
    void close() {
        client.close();
    }

    StatsViewModel viewModel(ReplicaSource replica, RecordingNavigator navigator) {
        return new StatsViewModel(new StatsService(client.unitOfWork(), replica), new ImmediateTaskRunner(),
                navigator, anne, 14, ZoneOffset.UTC);
    }

    static ConnectionSettings replicaAt(String url, String user) {
        return new ConnectionSettings(url, user, null, ConnectionSettings.SslMode.DISABLE, null, 2, 2, 30_000, 5_000,
                "stats replica test");
    }

    @Test
    void showsThePanelsAndExportsTheirCsv() throws Exception {
        StatsViewModel vm = viewModel(null, new RecordingNavigator());
        vm.reload();
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(vm.dataSourceProperty().get()).isEqualTo("Live figures from the main database.");
        assertThat(vm.jobs()).extracting(JobOption::title)
                .containsExactlyInAnyOrder("Alpha accountant", "Alpha analyst", "Alpha engineer");
        vm.jobSearchProperty().set("engineer");
        assertThat(vm.jobs()).extracting(JobOption::title).containsExactly("Alpha engineer");
        vm.jobSearchProperty().set("");
        assertThat(vm.jobs()).hasSize(3);

        assertThat(vm.csv(StatsTable.DASHBOARD)).isEqualTo(
                "active_jobs,applications,not_yet_viewed,in_interview,accepted,rejected,response_rate\r\n"
                        + "2,8,2,1,1,2,0.7500\r\n");
        assertThat(vm.csv(StatsTable.FUNNEL)).isEqualTo("stage,reached,pass_through\r\n"
                + "applied,8,\r\n"
                + "viewed,5,0.6250\r\n"
                + "shortlisted,4,0.8000\r\n"
                + "interview,3,0.7500\r\n"
                + "accepted,1,0.3333\r\n");
        // histogram figures (decision 0012): the middle of the quarter-octave bucket of the sample at that rank,
        // 22.13 h for a 24 h sample, 44.27 h for 48 h, 88.53 h for 96 h (within 9 %)
        assertThat(vm.csv(StatsTable.TIMES)).isEqualTo("metric,samples,median_hours,p90_hours\r\n"
                + "first_view,4,22.13,44.27\r\n"
                + "hire,1,88.53,88.53\r\n"
                + "stage:applied,4,22.13,44.27\r\n"
                + "stage:interview,2,22.13,44.27\r\n"
                + "stage:shortlisted,2,22.13,88.53\r\n"
                + "stage:viewed,3,22.13,44.27\r\n");
        assertThat(vm.csv(StatsTable.STALE)).isEqualTo(
                "application_id,job_id,job_title,candidate,status,last_move\r\n"
                        + "304,11,Alpha engineer,Cand Seven,interview,2026-01-14 12:00\r\n"
                        + "305,11,Alpha engineer,Cand Eight,applied,2026-01-15 12:00\r\n"
                        + "303,11,Alpha engineer,Cand Six,shortlisted,2026-01-16 12:00\r\n");
        assertThat(vm.csv(StatsTable.SOURCES)).isEqualTo("source,applications\r\n"
                + "direct,5\r\nlinkedin,2\r\njobberman,1\r\n");

        Path file = temp.resolve("funnel.csv");
        vm.exportCsv(StatsTable.FUNNEL, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + vm.csv(StatsTable.FUNNEL));
        assertThat(vm.noticeProperty().get()).isEqualTo("Saved funnel.csv.");
    }

    @Test
    void frenchCsvIsWhatFrenchExcelSplitsAndReadsAsNumbers() throws Exception {
        StatsViewModel vm = viewModel(null, new RecordingNavigator());
        vm.reload();
        Messages.use(Locale.FRANCE);
        try {
            assertThat(vm.csv(StatsTable.DASHBOARD)).isEqualTo(
                    "active_jobs;applications;not_yet_viewed;in_interview;accepted;rejected;response_rate\r\n"
                            + "2;8;2;1;1;2;0,7500\r\n");
            assertThat(vm.csv(StatsTable.TIMES)).startsWith("metric;samples;median_hours;p90_hours\r\n"
                    + "first_view;4;22,13;44,27\r\n");
            assertThat(vm.csv(StatsTable.STALE)).contains("304;11;Alpha engineer;Cand Seven;interview;2026-01-14 12:00\r\n");
            Path file = temp.resolve("funnel-fr.csv");
            vm.exportCsv(StatsTable.FUNNEL, file);
            byte[] bytes = Files.readAllBytes(file);
            assertThat(java.util.Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark")
                    .containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFstage;reached;pass_through\r\n"
                    + "applied;8;\r\nviewed;5;0,6250\r\nshortlisted;4;0,8000\r\ninterview;3;0,7500\r\n"
                    + "accepted;1;0,3333\r\n");
        } finally {
            Messages.use(Locale.UK);
        }
    }

    @Test
    void csvQuotesCommasAndDefusesFormulas() {
        assertThat(Csv.of(java.util.List.of("a", "b"), java.util.List.of(java.util.List.of("x, \"y\"", "=SUM(A1)"))))
                .isEqualTo("a,b\r\n\"x, \"\"y\"\"\",'=SUM(A1)\r\n");
    }

    @Test
    void filtersNarrowTheFiguresAndABackwardPeriodIsRefused() {
        StatsViewModel vm = viewModel(null, new RecordingNavigator());
        vm.reload();
        vm.jobProperty().set(vm.jobs().stream().filter(j -> j.id() == 13).findFirst().orElseThrow());
        vm.reload();
        assertThat(vm.overviewProperty().get().dashboard().applications()).isEqualTo(1);
        vm.fromProperty().set(LocalDate.of(2026, 3, 1));
        vm.toProperty().set(LocalDate.of(2026, 2, 1));
        vm.reload();
        assertThat(vm.errorMessageProperty().get()).contains("ends before it starts");
        // the figures on screen are still those of the last valid choice
        assertThat(vm.overviewProperty().get().dashboard().applications()).isEqualTo(1);
    }

    @Test
    void aStaleApplicationOpensItsJobsBoard() {
        RecordingNavigator navigator = new RecordingNavigator();
        StatsViewModel vm = viewModel(null, navigator);
        vm.reload();
        vm.openStale(vm.stale().get(0));
        assertThat(navigator.requests()).containsExactly("board 11");
    }

    @Test
    void anUnreachableReplicaFallsBackToTheMainDatabaseAndSaysSo() {
        ReplicaSource replica = new ReplicaSource(replicaAt("jdbc:postgresql://127.0.0.1:1/intowork", "nobody"),
                client.unitOfWork(), Clock.systemUTC());
        StatsViewModel vm = viewModel(replica, new RecordingNavigator());
        vm.reload();
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(vm.overviewProperty().get().source().replica()).isFalse();
        assertThat(vm.overviewProperty().get().source().replicaConfigured()).isTrue();
        assertThat(vm.dataSourceProperty().get())
                .startsWith("Replica unavailable, read from the main database instead: ");
        // the figures are those of the main database
        assertThat(vm.overviewProperty().get().dashboard().applications()).isEqualTo(8);
        // within the minute the replica is not tried again, and still reported
        assertThat(replica.unitOfWork()).as("left alone after the failure").isNull();
        vm.reload();
        assertThat(vm.dataSourceProperty().get()).startsWith("Replica unavailable");
        replica.close();
    }

    @Test
    void aReachableReplicaIsUsedAndItsLagShown() {
        // the same database as a second data source: reachable, but a primary, so no replication lag to show
        ReplicaSource replica = new ReplicaSource(replicaAt(clientUrl, "stats_vm_client"), client.unitOfWork(),
                Clock.systemUTC());
        StatsViewModel vm = viewModel(replica, new RecordingNavigator());
        vm.reload();
        DataSourceReport source = vm.overviewProperty().get().source();
        assertThat(source.replica()).isTrue();
        assertThat(source.standby()).isFalse();
        assertThat(source.lagSeconds()).isNull();
        assertThat(vm.dataSourceProperty().get())
                .isEqualTo("Read from the replica (it is not a standby: no replication lag).");
        assertThat(vm.overviewProperty().get().dashboard().applications()).isEqualTo(8);
        replica.close();
        // a standby's lag, as the screen words it
        assertThat(StatsViewModel.describe(new DataSourceReport(true, true, true, 95.0, null)))
                .isEqualTo("Read from the replica, 2 min behind the main database.");
    }

    @Test
    void durationsPickAReadableUnit() {
        assertThat(StatsViewModel.duration(42)).isEqualTo("42 s");
        assertThat(StatsViewModel.duration(600)).isEqualTo("10 min");
        assertThat(StatsViewModel.duration(5.5 * 3600)).isEqualTo("5.5 h");
        assertThat(StatsViewModel.duration(3.4 * 86_400)).isEqualTo("3.4 d");
    }

    @Test
    void thePdfReportIsWritten() throws Exception {
        StatsViewModel vm = viewModel(null, new RecordingNavigator());
        vm.reload();
        Path file = temp.resolve("statistics.pdf");
        vm.exportPdf(file, java.util.List.of(new StatsViewModel.ChartImage("Time – Median (days)", onePixelPng())));
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        byte[] pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Recruitment statistics").contains("Funnel").contains("Alpha engineer")
                    .contains("Time – Median (days)").contains("Received, all time").contains("Not yet viewed")
                    .doesNotContain("New");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        }
    }

    static byte[] onePixelPng() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
