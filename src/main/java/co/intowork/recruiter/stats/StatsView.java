package co.intowork.recruiter.stats;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.ui.Formats;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Views;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import org.controlsfx.control.textfield.CustomTextField;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Controller of StatsView.fxml: charts, each beside its table, bound to the {@link StatsViewModel}. */
public final class StatsView {
    @FXML private VBox root;
    @FXML private ComboBox<JobOption> job;
    @FXML private CustomTextField jobSearch;
    @FXML private MenuButton preset;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private Button refresh;
    @FXML private Button pdf;
    @FXML private Label source;
    @FXML private Label notice;
    @FXML private Label error;
    @FXML private FlowPane figures;
    @FXML private BarChart<String, Number> funnelChart;
    @FXML private TableView<Funnel.Step> funnelTable;
    @FXML private Button funnelCsv;
    @FXML private BarChart<String, Number> timesChart;
    @FXML private TableView<StatsViewModel.TimeRow> timesTable;
    @FXML private Button timesCsv;
    @FXML private LineChart<String, Number> weeksChart;
    @FXML private TableView<Trends.WeekCount> weeksTable;
    @FXML private Button weeksCsv;
    @FXML private PieChart sourcesChart;
    @FXML private TableView<Trends.SourceCount> sourcesTable;
    @FXML private Button sourcesCsv;
    @FXML private TableView<Trends.JobCount> topJobsTable;
    @FXML private Button topJobsCsv;
    @FXML private Label staleTitle;
    @FXML private TableView<StaleApplication> staleTable;
    @FXML private Button staleCsv;
    @FXML private Label summaryAsOf;
    @FXML private Button summaryRefresh;
    @FXML private Button summaryCsv;
    @FXML private TableView<JobSummary> summaryTable;

    private final StatsViewModel viewModel;

    private StatsView(StatsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(StatsViewModel viewModel) {
        return Views.load(StatsView.class, new StatsView(viewModel));
    }

    @FXML
    private void initialize() {
        filters();
        source.textProperty().bind(viewModel.dataSourceProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        refresh.setTooltip(new Tooltip(Messages.text("stats.refresh")));
        refresh.setOnAction(e -> viewModel.reload());
        refresh.disableProperty().bind(viewModel.loadingProperty());
        pdf.disableProperty().bind(viewModel.overviewProperty().isNull());
        pdf.setOnAction(e -> exportPdf());
        viewModel.overviewProperty().addListener((obs, old, now) -> showFigures(now));

        funnelTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.stage"), s -> StatsViewModel.stageLabel(s.stage())),
                column(Messages.text("stats.col.reached"), Funnel.Step::reached),
                column(Messages.text("stats.col.passThrough"), s -> StatsViewModel.percent(s.passThrough()))));
        bindTable(funnelTable, viewModel.funnel());
        viewModel.funnel().addListener((ListChangeListener<Funnel.Step>) c -> barChart(funnelChart,
                viewModel.funnel().stream().map(s -> point(StatsViewModel.stageLabel(s.stage()), s.reached(),
                        Formats.count(s.reached()))).toList()));
        axes(funnelChart, Messages.text("stats.col.stage"), Messages.text("stats.axis.applications"), true);

        timesTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.measure"), StatsViewModel.TimeRow::label),
                column(Messages.text("stats.col.samples"), StatsViewModel.TimeRow::samples),
                column(Messages.text("stats.col.median"), StatsViewModel.TimeRow::median),
                column(Messages.text("stats.col.p90"), StatsViewModel.TimeRow::p90)));
        bindTable(timesTable, viewModel.times());
        viewModel.timesChart().addListener((ListChangeListener<StatsViewModel.ChartPoint>) c -> barChart(timesChart,
                viewModel.timesChart().stream().map(t -> point(t.label(), t.value(), t.shown())).toList()));
        axes(timesChart, Messages.text("stats.col.measure"), viewModel.timesAxisProperty().get(), false);
        timesChart.getYAxis().labelProperty().bind(viewModel.timesAxisProperty());

        weeksTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.week"), w -> StatsViewModel.week(w.week())),
                column(Messages.text("stats.col.applications"), Trends.WeekCount::applications)));
        bindTable(weeksTable, viewModel.weeks());
        viewModel.weeks().addListener((ListChangeListener<Trends.WeekCount>) c -> lineChart());
        axes(weeksChart, Messages.text("stats.col.week"), Messages.text("stats.axis.applications"), true);

        sourcesTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.source"), s -> StatsViewModel.sourceLabel(s.source())),
                column(Messages.text("stats.col.applications"), Trends.SourceCount::applications)));
        bindTable(sourcesTable, viewModel.sources());
        viewModel.sources().addListener((ListChangeListener<Trends.SourceCount>) c -> pieChart());

        topJobsTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.job"), Trends.JobCount::title),
                column(Messages.text("stats.col.applications"), Trends.JobCount::applications)));
        bindTable(topJobsTable, viewModel.topJobs());

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Messages.locale());
        staleTitle.setText(Messages.format("stats.section.stale", viewModel.staleDays()));
        staleTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.candidate"), StaleApplication::candidateName),
                column(Messages.text("stats.col.job"), StaleApplication::jobTitle),
                column(Messages.text("stats.col.status"), s -> ApplicationStatus.fromLabel(s.status()).displayName()),
                column(Messages.text("stats.col.lastMove"), s -> s.lastMove() == null ? ""
                        : when.format(s.lastMove().atZoneSameInstant(ZoneId.systemDefault())))));
        bindTable(staleTable, viewModel.stale());
        staleTable.setPlaceholder(new Label(Messages.text("stats.stale.empty")));
        staleTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.openStale(staleTable.getSelectionModel().getSelectedItem());
            }
        });
        staleTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openStale(staleTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        summaryAsOf.textProperty().bind(viewModel.summaryAsOfProperty());
        summaryRefresh.setOnAction(e -> viewModel.refreshSummary());
        summaryTable.getColumns().setAll(List.of(
                column(Messages.text("stats.col.job"), JobSummary::title),
                column(Messages.text("board.status.applied"), JobSummary::applied),
                column(Messages.text("board.status.viewed"), JobSummary::viewed),
                column(Messages.text("board.status.shortlisted"), JobSummary::shortlisted),
                column(Messages.text("board.status.interview"), JobSummary::interview),
                column(Messages.text("board.status.accepted"), JobSummary::accepted),
                column(Messages.text("board.status.rejected"), JobSummary::rejected),
                column(Messages.text("stats.col.total"), JobSummary::total)));
        bindTable(summaryTable, viewModel.summary());

        csv(funnelCsv, StatsTable.FUNNEL);
        csv(timesCsv, StatsTable.TIMES);
        csv(weeksCsv, StatsTable.WEEKS);
        csv(sourcesCsv, StatsTable.SOURCES);
        csv(topJobsCsv, StatsTable.TOP_JOBS);
        csv(staleCsv, StatsTable.STALE);
        csv(summaryCsv, StatsTable.SUMMARY);

        root.visibleProperty().addListener((obs, was, now) -> {
            if (now && viewModel.overviewProperty().get() == null) {
                viewModel.reload();
            }
        });
        // every section's view is built (and visible) at sign-in: the figures load once the workspace has shown
        // its section and it is this one, so the first screen after sign-in does not wait behind the charts
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Platform.runLater(() -> {
                    if (root.isVisible() && root.getScene() != null && viewModel.overviewProperty().get() == null) {
                        viewModel.reload();
                    }
                });
            }
        });
    }

    private void filters() {
        job.setItems(viewModel.jobs());
        job.setPromptText(Messages.text("stats.allJobs"));
        job.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(JobOption item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? Messages.text("stats.allJobs") : item.title());
            }
        });
        job.valueProperty().bindBidirectional(viewModel.jobProperty());
        jobSearch.textProperty().bindBidirectional(viewModel.jobSearchProperty());
        jobSearch.setLeft(new org.kordamp.ikonli.javafx.FontIcon("fth-search"));
        from.setConverter(viewModel.dateConverter(viewModel.fromProperty()));
        to.setConverter(viewModel.dateConverter(viewModel.toProperty()));
        String example = from.getConverter().toString(java.time.LocalDate.now());
        from.setPromptText(example);
        to.setPromptText(example);
        for (StatsDates.Preset p : StatsDates.Preset.values()) {
            MenuItem item = new MenuItem(Messages.text(p.messageKey()));
            item.setOnAction(e -> viewModel.applyPreset(p));
            preset.getItems().add(item);
        }
        MenuItem allTime = new MenuItem(Messages.text("stats.preset.all"));
        allTime.setOnAction(e -> viewModel.setPeriod(null, null));
        preset.getItems().addAll(new SeparatorMenuItem(), allTime);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        job.valueProperty().addListener((obs, old, now) -> viewModel.filtersChanged());
        from.valueProperty().addListener((obs, old, now) -> viewModel.filtersChanged());
        to.valueProperty().addListener((obs, old, now) -> viewModel.filtersChanged());
        job.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                job.setValue(null);
            }
        });
    }

    private void showFigures(StatsService.Overview o) {
        figures.getChildren().clear();
        if (o == null) {
            return;
        }
        Dashboard d = o.dashboard();
        figures.getChildren().addAll(
                tile("stats.figure.activeJobs", Formats.count(d.activeJobs())),
                tile(viewModel.applicationsCaption(), Messages.text("stats.figure.applications.tip"),
                        Formats.count(d.applications())),
                tile(Messages.text("stats.figure.notViewed"), Messages.text("stats.figure.notViewed.tip"),
                        Formats.count(d.newApplications())),
                tile("stats.figure.interview", Formats.count(d.inInterview())),
                tile("stats.figure.accepted", Formats.count(d.accepted())),
                tile("stats.figure.rejected", Formats.count(d.rejected())),
                tile("stats.figure.responseRate", StatsViewModel.percent(d.responseRate())));
    }

    private static Node tile(String key, String value) {
        return tile(Messages.text(key), null, value);
    }

    private static Node tile(String captionText, String tip, String value) {
        Label number = new Label(value);
        number.getStyleClass().addAll("title-2", "stats-figure-value");
        Label caption = new Label(captionText);
        caption.getStyleClass().addAll("text-muted", "text-small");
        VBox box = new VBox(2, number, caption);
        box.getStyleClass().add("stats-figure");
        if (tip != null) {
            Tooltip.install(box, new Tooltip(tip));
        }
        return box;
    }

    private record Point(String label, Number value, String shown) {
    }

    private static Point point(String label, Number value, String shown) {
        return new Point(label, value, shown);
    }

    private static void barChart(BarChart<String, Number> chart, List<Point> points) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Point p : points) {
            XYChart.Data<String, Number> data = new XYChart.Data<>(p.label(), p.value());
            series.getData().add(data);
        }
        chart.getData().setAll(List.of(series));
        for (int i = 0; i < points.size(); i++) {
            tooltip(series.getData().get(i), Messages.format("stats.chart.tooltip", points.get(i).label(),
                    points.get(i).shown()));
        }
    }

    private void lineChart() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Trends.WeekCount w : viewModel.weeks()) {
            series.getData().add(new XYChart.Data<>(StatsViewModel.week(w.week()), w.applications()));
        }
        weeksChart.getData().setAll(List.of(series));
        for (XYChart.Data<String, Number> d : series.getData()) {
            tooltip(d, Messages.format("stats.chart.tooltip", d.getXValue(), Formats.count(d.getYValue().longValue())));
        }
    }

    /** Axis titles with their unit, and the language's digits on the value axis ("1 750" in French). */
    private static void axes(XYChart<String, Number> chart, String categories, String values, boolean counts) {
        chart.getXAxis().setLabel(categories);
        chart.getYAxis().setLabel(values);
        if (chart.getYAxis() instanceof NumberAxis numbers) {
            numbers.setMinorTickVisible(false);
            numbers.setTickLabelFormatter(counts ? StatsViewModel.axisCounts() : StatsViewModel.axisNumbers());
        }
    }

    private void pieChart() {
        List<PieChart.Data> slices = new ArrayList<>();
        for (Trends.SourceCount s : viewModel.sources()) {
            slices.add(new PieChart.Data(StatsViewModel.sourceLabel(s.source()), s.applications()));
        }
        sourcesChart.getData().setAll(slices);
        for (PieChart.Data slice : slices) {
            String text = Messages.format("stats.chart.tooltip", slice.getName(), Formats.count((long) slice.getPieValue()));
            if (slice.getNode() != null) {
                Tooltip.install(slice.getNode(), new Tooltip(text));
            }
        }
    }

    private static void tooltip(XYChart.Data<String, Number> data, String text) {
        if (data.getNode() != null) {
            Tooltip.install(data.getNode(), new Tooltip(text));
        } else {
            data.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip.install(node, new Tooltip(text));
                }
            });
        }
    }

    private static <T> void bindTable(TableView<T> table, ObservableList<T> items) {
        table.setItems(items);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (table.getPlaceholder() == null) {
            table.setPlaceholder(new Label(Messages.text("stats.empty")));
        }
    }

    private static <T> TableColumn<T, Object> column(String title, Function<T, Object> value) {
        TableColumn<T, Object> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // counts stay numbers (they sort as numbers) and are shown with the language's digit grouping
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof Long || item instanceof Integer) {
                    setText(Formats.count(((Number) item).longValue()));
                    setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
                } else {
                    setText(item.toString());
                }
            }
        });
        return column;
    }

    private void csv(Button button, StatsTable table) {
        button.disableProperty().bind(viewModel.overviewProperty().isNull());
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(table.fileName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                viewModel.exportCsv(table, file.toPath());
            }
        });
    }

    private void exportPdf() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("statistics.pdf");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.exportPdf(file.toPath(), List.of(
                    chart("stats.section.funnel", funnelChart), chart("stats.section.times", timesChart),
                    chart("stats.section.weeks", weeksChart), chart("stats.section.sources", sourcesChart)));
        }
    }

    /** The chart's section title, with the unit of its values: the image itself has only its axis titles. */
    private static StatsViewModel.ChartImage chart(String sectionKey, Node chart) {
        String title = Messages.text(sectionKey);
        if (chart instanceof XYChart<?, ?> xy && xy.getYAxis().getLabel() != null) {
            title = Messages.format("stats.chart.title", title, xy.getYAxis().getLabel());
        }
        return new StatsViewModel.ChartImage(title, png(chart));
    }

    /** A chart as PNG bytes, taken here on the FX thread (a snapshot needs the scene graph). */
    private static byte[] png(Node chart) {
        WritableImage image = chart.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(buffered, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
