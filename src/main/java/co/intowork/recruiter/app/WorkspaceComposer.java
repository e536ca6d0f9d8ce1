package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.BoardView;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.notifications.InboxView;
import co.intowork.recruiter.notifications.InboxViewModel;
import co.intowork.recruiter.pipeline.PipelineView;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.review.CvOpener;
import co.intowork.recruiter.review.DesktopCvOpener;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.ReviewView;
import co.intowork.recruiter.review.ReviewViewModel;
import co.intowork.recruiter.search.CandidateSearchView;
import co.intowork.recruiter.search.CandidateSearchViewModel;
import co.intowork.recruiter.settings.SettingsException;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.stats.StatsSettings;
import co.intowork.recruiter.stats.StatsView;
import co.intowork.recruiter.stats.StatsViewModel;
import co.intowork.recruiter.sync.CvFiles;
import co.intowork.recruiter.sync.OfflineOperations;
import co.intowork.recruiter.sync.SyncView;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.SyncViewModel;
import javafx.scene.Parent;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Composition root of the signed-in workspace: builds each section's ViewModel and view for one signed-in person,
 * and carries out navigation between them. A section with no view yet keeps the main window's placeholder.
 */
final class WorkspaceComposer implements Navigator {
    private final Map<Section, Parent> views = new EnumMap<>(Section.class);
    private final Consumer<Section> showSection;
    private final InboxViewModel inbox;
    private final BoardViewModel board;
    private final ReviewViewModel review;
    private final SyncViewModel sync;
    private final StatsViewModel stats;

    /**
     * {@code offlineCopy}: the copy on this computer (opened on first use; {@code copyOnDisk} says whether there is
     * one, without starting it); working offline, the window's own database, and then the board and the review
     * write to its outbox instead of the server.
     */
    WorkspaceComposer(SignedIn signedIn, Supplier<Database> offlineCopy, BooleanSupplier copyOnDisk,
                      Consumer<Section> showSection) {
        this(signedIn, offlineCopy, copyOnDisk, CopyRepair.NONE, showSection);
    }

    /** {@code repair}: how the Offline section reports and rebuilds a damaged copy. */
    WorkspaceComposer(SignedIn signedIn, Supplier<Database> offlineCopy, BooleanSupplier copyOnDisk,
                      CopyRepair repair, Consumer<Section> showSection) {
        this.showSection = showSection;
        views.put(Section.PIPELINE, PipelineView.load(new PipelineViewModel(signedIn, this)));
        BoardService boardService;
        ReviewService reviewService;
        if (signedIn.offline()) {
            OfflineOperations outbox = new OfflineOperations(signedIn.unitOfWork());
            boardService = new BoardService(signedIn, outbox);
            reviewService = new ReviewService(signedIn, boardService, outbox);
        } else {
            boardService = new BoardService(signedIn);
            reviewService = new ReviewService(signedIn);
        }
        board = new BoardViewModel(boardService, signedIn, this);
        views.put(Section.BOARD, BoardView.load(board));
        CvFiles cvFiles = cvFiles();
        CvOpener desktop = new DesktopCvOpener();
        // working offline, a CV opens from the copy the last pull downloaded (when it could)
        CvOpener cvOpener = cvFiles == null || !signedIn.offline() ? desktop
                : url -> desktop.open(cvFiles.local(url).map(p -> p.toUri().toString()).orElse(url));
        review = new ReviewViewModel(reviewService, signedIn, this, board::columnIdsContaining, cvOpener);
        views.put(Section.REVIEW, ReviewView.load(review));
        inbox = new InboxViewModel(signedIn, this);
        views.put(Section.INBOX, InboxView.load(inbox));
        stats = new StatsViewModel(signedIn, this, statsSettings());
        views.put(Section.STATISTICS, StatsView.load(stats));
        sync = new SyncViewModel(signedIn, offlineCopy,
                () -> signedIn.offline() || copyOnDisk.getAsBoolean(), cvFiles, repair);
        views.put(Section.SYNC, SyncView.load(sync));
        views.put(Section.SEARCH, CandidateSearchView.load(new CandidateSearchViewModel(signedIn, this)));
    }

    /** Where CV files are kept offline; a broken value means CV files are not downloaded (metadata still is). */
    private static CvFiles cvFiles() {
        try {
            SettingsLoader loader = SettingsLoader.system();
            return CvFiles.from(loader.load(Map.of()), loader.paths());
        } catch (SettingsException e) {
            LoggerFactory.getLogger(WorkspaceComposer.class).warn("Offline CV settings: {}", e.getMessage());
            return null;
        }
    }

    /** The replica and stale threshold; a broken value leaves statistics on the main database with defaults. */
    private static StatsSettings statsSettings() {
        try {
            return StatsSettings.from(SettingsLoader.system().load(Map.of()));
        } catch (SettingsException e) {
            LoggerFactory.getLogger(WorkspaceComposer.class).warn("Statistics settings: {}", e.getMessage());
            return StatsSettings.defaults();
        }
    }

    /** The workspace's own connections: the statistics replica's pool (the main window owns the offline copy). */
    void close() {
        stats.close();
    }

    /** Typing not saved yet: a review's notes, rating or scorecard (job editors are modal and ask themselves). */
    boolean hasUnsavedWork() {
        return review.dirtyProperty().get();
    }

    SyncViewModel sync() {
        return sync;
    }

    InboxViewModel inbox() {
        return inbox;
    }

    Map<Section, Parent> views() {
        return views;
    }

    @Override
    public void showPipeline() {
        showSection.accept(Section.PIPELINE);
    }

    @Override
    public void showBoard(int jobId) {
        board.open(jobId);
        showSection.accept(Section.BOARD);
    }

    @Override
    public void showReview(int applicationId) {
        review.open(applicationId);
        showSection.accept(Section.REVIEW);
    }
}
