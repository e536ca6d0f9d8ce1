package co.intowork.recruiter.app;

import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.board.BoardView;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.interviews.CalendarView;
import co.intowork.recruiter.interviews.CalendarViewModel;
import co.intowork.recruiter.interviews.InterviewMapper;
import co.intowork.recruiter.messages.MessageMapper;
import co.intowork.recruiter.messages.MessagesView;
import co.intowork.recruiter.messages.MessagesViewModel;
import co.intowork.recruiter.messages.TemplateMapper;
import co.intowork.recruiter.notifications.InboxView;
import co.intowork.recruiter.notifications.InboxViewModel;
import co.intowork.recruiter.notifications.NotificationMapper;
import co.intowork.recruiter.notifications.NotificationService;
import co.intowork.recruiter.pipeline.PipelineMapper;
import co.intowork.recruiter.pipeline.PipelineService;
import co.intowork.recruiter.pipeline.PipelineView;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.review.ReviewView;
import co.intowork.recruiter.review.ReviewViewModel;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.search.CandidateSearchService;
import co.intowork.recruiter.search.CandidateSearchView;
import co.intowork.recruiter.search.CandidateSearchViewModel;
import co.intowork.recruiter.stats.ReplicaSource;
import co.intowork.recruiter.stats.StatsMapper;
import co.intowork.recruiter.stats.StatsService;
import co.intowork.recruiter.stats.StatsView;
import co.intowork.recruiter.stats.StatsViewModel;
import co.intowork.recruiter.sync.CvFileMapper;
import co.intowork.recruiter.sync.ReplicaMapper;
import co.intowork.recruiter.sync.SliceMapper;
import co.intowork.recruiter.sync.SyncView;
import co.intowork.recruiter.sync.SyncViewModel;

/**
 * The section registry: the main window's screens, in the order of the navigation (and of Ctrl+1, Ctrl+2…). Each
 * entry says everything the window needs: its key (the bundles' "nav.KEY" and "section.KEY.summary", the button's
 * id "nav-KEY"), its icon, how its ViewModel and view are made, and its feature's mappers. The navigation, the
 * shortcuts, the workspace and {@link Mappers#all()} are generated from this list; adding a screen is adding an entry
 * here, and its two texts to both bundles (src/docs/adding-a-screen.md).
 */
public enum Section {
    PIPELINE("pipeline", "fth-layers", Screen.of(
            c -> subscribed(new PipelineViewModel(new PipelineService(c.signedIn().unitOfWork()), c.signedIn(),
                    c.navigator()), c, PipelineViewModel::applyLive),
            PipelineView::load)
            .mappers(PipelineMapper.class)),
    BOARD("board", "fth-columns", Screen.<BoardViewModel>of(
            c -> {
                BoardViewModel board = subscribed(new BoardViewModel(c.boardService(), c.signedIn(), c.navigator())
                        .withMessaging(c.messaging()), c, BoardViewModel::applyLive);
                board.offerInterviews(c.interviewPlanner());
                return board;
            },
            BoardView::load)
            .mappers(BoardMapper.class)),
    REVIEW("review", "fth-user-check", Screen.<ReviewViewModel>of(
            c -> {
                ReviewViewModel review = subscribed(new ReviewViewModel(c.reviewService(), c.signedIn(),
                        c.navigator(), c.viewModel(Section.BOARD, BoardViewModel.class)::columnIdsContaining,
                        c.cvOpener()).withMessaging(c.messaging()), c, ReviewViewModel::applyLive);
                review.offerInterviews(c.interviewPlanner());
                return review;
            },
            ReviewView::load)
            .mappers(ReviewMapper.class)
            .unsavedWork(vm -> vm.dirtyProperty().get())),
    STATISTICS("statistics", "fth-bar-chart-2", Screen.<StatsViewModel>of(
            c -> new StatsViewModel(new StatsService(c.signedIn().unitOfWork(),
                    ReplicaSource.of(c.settings().stats(), c.signedIn().unitOfWork())),
                    c.signedIn(), c.navigator(), c.settings().stats()),
            StatsView::load)
            .mappers(StatsMapper.class)
            // the statistics replica's pool
            .closing(StatsViewModel::close)),
    INBOX("inbox", "fth-bell", Screen.<InboxViewModel>of(
            c -> subscribed(new InboxViewModel(new NotificationService(c.signedIn().unitOfWork(),
                    c.signedIn().user()), c.signedIn(), c.navigator()), c, InboxViewModel::applyLive),
            InboxView::load)
            .mappers(NotificationMapper.class)
            .showsCount(InboxViewModel::unreadCountProperty)
            // the platform adds notifications at any time
            .refreshedEveryMinute(InboxViewModel::refreshUnreadCount)),
    // offline review (sync)
    SYNC("sync", "fth-wifi-off", Screen.<SyncViewModel>of(
            c -> new SyncViewModel(c.signedIn(), c.offlineCopy(), c.copyAvailable(), c.settings().cvFiles(),
                    c.repair()),
            SyncView::load)
            .mappers(SliceMapper.class, ReplicaMapper.class, CvFileMapper.class)
            // what waits or conflicts
            .showsCount(vm -> vm.pendingCountProperty().add(vm.conflictCountProperty()))
            // at once, not in a minute: an online sign-in sends what waits in the offline copy
            .refreshedEveryMinute(SyncViewModel::checkConnection)),
    // candidate search (issue 19): every applicant the person may see; needs the server (not the offline copy)
    SEARCH("search", "fth-search", Screen.of(
            c -> new CandidateSearchViewModel(new CandidateSearchService(c.signedIn()), c.signedIn(), c.navigator()),
            CandidateSearchView::load)
            .mappers(CandidateSearchMapper.class)),
    // interviews (issue 21): the company's or my day and week; needs the server (offline: scheduled ones wait)
    CALENDAR("calendar", "fth-calendar", Screen.of(
            c -> new CalendarViewModel(c.interviewPlanner(), c.signedIn(), c.navigator()),
            CalendarView::load)
            .mappers(InterviewMapper.class)),
    // candidates' messages (issue 21): the company's templates and the person's outbox
    MESSAGES("messages", "fth-mail", Screen.<MessagesViewModel>of(
            c -> new MessagesViewModel(c.messageService(), c.messaging().outbox(), c.signedIn()),
            MessagesView::load)
            .mappers(TemplateMapper.class, MessageMapper.class)
            .unsavedWork(vm -> vm.dirtyProperty().get())
            // what waits or failed
            .showsCount(vm -> vm.outbox().attentionCount())
            // due retries leave; at sign-in, what waited since the last session
            .refreshedEveryMinute(MessagesViewModel::tick));

    private final String key;
    private final String icon;
    private final Screen<?> screen;

    Section(String key, String icon, Screen<?> screen) {
        this.key = key;
        this.icon = icon;
        this.screen = screen;
    }

    /** The live board (decision 0021): the ViewModel follows changes made elsewhere. */
    private static <VM> VM subscribed(VM viewModel, WorkspaceContext context,
                                      java.util.function.BiConsumer<VM, java.util.List<co.intowork.recruiter.live.LiveEvent>> apply) {
        context.live().subscribe(events -> apply.accept(viewModel, events));
        return viewModel;
    }

    public String title() {
        return Messages.text("nav." + key);
    }

    public String summary() {
        return Messages.text("section." + key + ".summary");
    }

    /** The button's text with a count above zero ("Inbox (3)"). */
    String titleWithCount(long count) {
        return count == 0 ? title() : Messages.format("nav." + key + "Count", count);
    }

    /** The key of its texts in the bundles ("nav.KEY", "section.KEY.summary", "help.KEY"). */
    String key() {
        return key;
    }

    /** The navigation button's id, for tests and style sheets. */
    String buttonId() {
        return "nav-" + key;
    }

    /** An Ikonli icon literal (Feather set). */
    String icon() {
        return icon;
    }

    Screen<?> screen() {
        return screen;
    }
}
