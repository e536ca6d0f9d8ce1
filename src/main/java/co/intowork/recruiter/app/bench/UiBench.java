package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.app.RecruiterApp;
import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.BoardHeader;
import co.intowork.recruiter.board.BoardView;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.tasks.FxTaskRunner;
import co.intowork.recruiter.common.ui.Navigator;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The board screen's timing and memory (issue 7, part 4): the real BoardView and BoardViewModel, signed in as a
 * recruiter of the job's company, on the real FX toolkit (a display or Xvfb). One run = choosing the job (the
 * chooser's action: viewModel.open) until a layout pulse in which the first non-empty column's ListView shows
 * cells with cards; before each run a small job of the same company is opened, so every run loads the big board
 * afresh. Heap: used heap after two System.gc() with the board open, against the same before the first opening.
 */
final class UiBench {
    static final String UI_JOB_TITLE = "Chargé(e) de clientèle – benchmark 5 000 candidatures";
    private static final int RUNS = 9;
    /** Openings before the timed ones: a recruiter's app has long passed the JIT's start (the statements warm up too). */
    private static final int WARM_UP_RUNS = 3;
    private static final long TIMEOUT_SECONDS = 120;

    private UiBench() {
    }

    static BenchReport measure(BenchReport report, Database owner, Database client, int applications,
                               Consumer<String> progress) throws Exception {
        UnitOfWork own = owner.unitOfWork();
        BenchMapper.JobRow job = uiJob(own, applications, report, progress);
        String email = own.inTransaction(s -> s.getMapper(BenchMapper.class).recruiterOf(job.companyId));
        BenchRunner.Session session = BenchRunner.signIn(client.unitOfWork().factory(), email);
        List<BenchMapper.JobRow> jobs = session.client().inTransaction(s -> s.getMapper(BenchMapper.class)
                .jobPool(session.user().companyId(), session.user().userId()));
        int small = jobs.stream().filter(j -> j.jobId != job.jobId).min((a, b) -> Long.compare(a.applications,
                b.applications)).orElseThrow().jobId;
        progress.accept("Board UI: job " + job.jobId + " (" + job.applications + " applications) as " + email);

        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        try (FxTaskRunner tasks = new FxTaskRunner(2)) {
            SignedIn signedIn = new SignedIn(session.user(), session.client(), tasks);
            AtomicReference<BoardViewModel> vm = new AtomicReference<>();
            AtomicReference<Stage> stage = new AtomicReference<>();
            onFx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                BoardViewModel model = new BoardViewModel(signedIn, new Navigator() {
                    @Override
                    public void showPipeline() {
                    }

                    @Override
                    public void showBoard(int jobId) {
                    }

                    @Override
                    public void showReview(int applicationId) {
                    }
                });
                Parent root = BoardView.load(model);
                Scene scene = new Scene(root, 1366, 768);
                scene.getStylesheets().add(RecruiterApp.class.getResource("app.css").toExternalForm());
                Stage s = new Stage();
                s.setTitle("IntoWork Recruiter – board benchmark");
                s.setScene(scene);
                s.show();
                vm.set(model);
                stage.set(s);
                return null;
            });
            long heapBefore = heapAfterGc();
            List<Long> warmUp = new ArrayList<>();
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                openAndWait(vm.get(), stage.get(), small);
                warmUp.add(openAndWait(vm.get(), stage.get(), job.jobId).rendered());
            }
            List<Long> times = new ArrayList<>();
            List<Long> dataIn = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                openAndWait(vm.get(), stage.get(), small);
                Opening run = openAndWait(vm.get(), stage.get(), job.jobId);
                times.add(run.rendered());
                dataIn.add(run.dataIn());
            }
            long heapOpen = heapAfterGc();
            onFx(() -> {
                stage.get().close();
                return null;
            });
            String display = System.getProperty("glass.platform", "").isEmpty()
                    ? "DISPLAY=" + System.getenv("DISPLAY") : System.getProperty("glass.platform");
            return new BenchReport(report.generatedAt(), report.command(), report.settings(), report.machine(),
                    report.data(), report.statements(), new BenchReport.UiResult(job.jobId, job.applications,
                    BenchReport.median(times), times, heapOpen / 1048576, heapBefore / 1048576, display,
                    warmUp, dataIn),
                    report.moveTriggers(), report.notes());
        } finally {
            session.client().inTransaction(s -> s.getMapper(SessionMapper.class).signOut(session.token()));
        }
    }

    /**
     * The job nearest this many applications, as the data has it; when even that one is much smaller, a bench-only
     * job of that size is added (deterministic) and read back like any other, so the report shows its real size.
     */
    private static BenchMapper.JobRow uiJob(UnitOfWork own, int applications, BenchReport report,
                                            Consumer<String> progress) {
        return own.inTransaction(s -> {
            BenchMapper m = s.getMapper(BenchMapper.class);
            BenchMapper.JobRow near = m.jobNear(applications);
            if (near != null && near.applications >= applications * 0.8) {
                return near;
            }
            progress.accept("Adding a job with " + applications + " applications for the board timing (the "
                    + "data's nearest has " + (near == null ? 0 : near.applications) + ")");
            int company = report.data().subjects().stream().filter(x -> "large".equals(x.key()))
                    .findFirst().orElseThrow().companyId();
            OffsetDateTime anchor = OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.UTC);
            int added = m.insertUiJob(company, UI_JOB_TITLE, anchor, applications);
            m.insertUiApplications(added, applications, anchor);
            return m.jobNear(applications);
        });
    }

    /** Milliseconds from choosing the job until its data was in the view model, and until its cards were laid out. */
    private record Opening(long dataIn, long rendered) {
    }

    /** Opens the job as choosing it does and waits until its first column's cards are laid out. */
    private static Opening openAndWait(BoardViewModel vm, Stage stage, int jobId) throws Exception {
        CompletableFuture<Long> rendered = new CompletableFuture<>();
        CompletableFuture<Long> loaded = new CompletableFuture<>();
        AtomicReference<Runnable> listener = new AtomicReference<>();
        javafx.beans.value.ChangeListener<Boolean> idle = (o, was, busy) -> {
            if (!busy) {
                loaded.complete(System.nanoTime());
            }
        };
        long start = onFx(() -> {
            Scene scene = stage.getScene();
            vm.busyProperty().addListener(idle);
            long t0 = System.nanoTime();
            Runnable check = () -> {
                BoardHeader header = vm.jobProperty().get();
                if (header != null && header.jobId() == jobId && firstColumnShowsCards(scene.getRoot(), vm)) {
                    rendered.complete(System.nanoTime());
                }
            };
            listener.set(check);
            scene.addPostLayoutPulseListener(check);
            vm.open(jobId);
            Platform.requestNextPulse();
            return t0;
        });
        long end = rendered.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            stage.getScene().removePostLayoutPulseListener(listener.get());
            vm.busyProperty().removeListener(idle);
            return null;
        });
        long dataIn = loaded.getNow(end);
        return new Opening(TimeUnit.NANOSECONDS.toMillis(dataIn - start), TimeUnit.NANOSECONDS.toMillis(end - start));
    }

    private static boolean firstColumnShowsCards(Parent root, BoardViewModel vm) {
        BoardHeader header = vm.jobProperty().get();
        for (var column : vm.columns()) {
            if (header.counts().get(column.status()) > 0) {
                Node list = root.lookup("#column-" + column.status().label());
                if (!(list instanceof ListView<?> view) || view.getItems().isEmpty()) {
                    return false;
                }
                return view.lookupAll(".list-cell").stream().anyMatch(n -> n instanceof ListCell<?> cell
                        && cell.isVisible() && cell.getItem() != null && cell.getHeight() > 0);
            }
        }
        return true;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private interface FxWork<T> {
        T run() throws Exception;
    }

    private static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
