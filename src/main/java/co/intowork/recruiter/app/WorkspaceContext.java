package co.intowork.recruiter.app;

import co.intowork.recruiter.interviews.InterviewPlanner;
import co.intowork.recruiter.interviews.InterviewService;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.live.LiveFeed;
import co.intowork.recruiter.live.LiveMode;
import co.intowork.recruiter.live.LiveUpdates;
import co.intowork.recruiter.messages.DesktopMailProgram;
import co.intowork.recruiter.messages.MessageSender;
import co.intowork.recruiter.messages.MessageService;
import co.intowork.recruiter.messages.Messaging;
import co.intowork.recruiter.messages.OutboxViewModel;
import co.intowork.recruiter.messages.ServerMessageQueue;
import co.intowork.recruiter.messages.SmtpMailer;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.review.CvOpener;
import co.intowork.recruiter.review.DesktopCvOpener;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.CvFiles;
import co.intowork.recruiter.sync.OfflineOperations;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a section's ViewModel may be built from, for one signed-in person: who they are and their task runner, the
 * navigator, the settings, the offline copy, the services that sections share, and the ViewModels of the sections
 * listed before it. Services are built here, once, and handed to the ViewModels (which build none themselves).
 */
final class WorkspaceContext {
    private final SignedIn signedIn;
    private final Navigator navigator;
    private final WorkspaceSettings settings;
    private final Supplier<Database> offlineCopy;
    private final BooleanSupplier copyOnDisk;
    private final CopyRepair repair;
    private final Map<Section, Object> built;
    private BoardService boardService;
    private ReviewService reviewService;
    private OfflineOperations outbox;
    private StatusNotificationDelivery delivery;
    private InterviewPlanner interviewPlanner;
    private Messaging messaging;
    private MessageService messageService;
    private LiveUpdates live;
    private LiveFeed liveFeed;

    /**
     * {@code offlineCopy}: the copy on this computer (opened on first use; {@code copyOnDisk} says whether there is
     * one, without starting it); working offline, the window's own database, and then the board and the review
     * write to its outbox instead of the server. {@code repair}: how the Offline section reports and rebuilds a
     * damaged copy. {@code built}: the ViewModels made so far, in the sections' order.
     */
    WorkspaceContext(SignedIn signedIn, Navigator navigator, WorkspaceSettings settings, Supplier<Database> offlineCopy,
                     BooleanSupplier copyOnDisk, CopyRepair repair, Map<Section, Object> built) {
        this.signedIn = signedIn;
        this.navigator = navigator;
        this.settings = settings;
        this.offlineCopy = offlineCopy;
        this.copyOnDisk = copyOnDisk;
        this.repair = repair;
        this.built = built;
    }

    SignedIn signedIn() {
        return signedIn;
    }

    Navigator navigator() {
        return navigator;
    }

    WorkspaceSettings settings() {
        return settings;
    }

    Supplier<Database> offlineCopy() {
        return offlineCopy;
    }

    /** Whether there is a copy to show: working on it, or one on disk. */
    BooleanSupplier copyAvailable() {
        return () -> signedIn.offline() || copyOnDisk.getAsBoolean();
    }

    CopyRepair repair() {
        return repair;
    }

    /** The ViewModel of a section listed before the asking one. */
    <T> T viewModel(Section section, Class<T> type) {
        Object vm = built.get(section);
        if (vm == null) {
            throw new IllegalStateException(section + " is built after the section that asks for it: list it first");
        }
        return type.cast(vm);
    }

    /**
     * Working offline, moves go to the copy's outbox instead of the server. Online, each candidate's notification
     * waits the undo window and this workspace delivers what is due (decision 0018): after its own moves, and
     * every half minute anyone's.
     */
    BoardService boardService() {
        if (boardService == null) {
            if (signedIn.offline()) {
                boardService = new BoardService(signedIn, outbox());
            } else {
                delivery = new StatusNotificationDelivery(signedIn.unitOfWork(), settings.undoWindow());
                boardService = new BoardService(signedIn, delivery.undoWindow(), delivery::moved);
                delivery.start();
            }
        }
        return boardService;
    }

    ReviewService reviewService() {
        if (reviewService == null) {
            reviewService = signedIn.offline() ? new ReviewService(signedIn, boardService(), outbox())
                    : new ReviewService(signedIn, boardService());
        }
        return reviewService;
    }

    /** Scheduling dialogs for the board, the review and the calendar; offline, new interviews wait in the outbox. */
    InterviewPlanner interviewPlanner() {
        if (interviewPlanner == null) {
            InterviewService service = new InterviewService(signedIn);
            interviewPlanner = new InterviewPlanner(service, signedIn.offline() ? outbox() : service);
        }
        return interviewPlanner;
    }

    /**
     * Candidates' messages (issue 21): queued on the server's outbox, or working offline in the copy's outbox; sent
     * in the background over the settings' SMTP server when there is one and the window is online.
     */
    Messaging messaging() {
        if (messaging == null) {
            MessageSender sender = settings.smtp() == null || signedIn.offline() ? null
                    : new MessageSender(signedIn.unitOfWork(), signedIn.user(), new SmtpMailer(settings.smtp()));
            messaging = new Messaging(messageService(), new OutboxViewModel(messageService(), sender, signedIn.tasks()),
                    new DesktopMailProgram(), signedIn.tasks());
        }
        return messaging;
    }

    MessageService messageService() {
        if (messageService == null) {
            messageService = new MessageService(signedIn, signedIn.offline() ? outbox() : new ServerMessageQueue());
        }
        return messageService;
    }

    /**
     * Changes made elsewhere, for the sections that show them (decision 0021): the feed starts with the first
     * subscriber, online only, unless the settings turn it off.
     */
    LiveUpdates live() {
        if (live == null) {
            live = new LiveUpdates(signedIn.tasks());
            if (!signedIn.offline() && settings.liveMode() != LiveMode.OFF) {
                var pool = signedIn.unitOfWork().factory().getConfiguration().getEnvironment().getDataSource();
                liveFeed = new LiveFeed(signedIn.unitOfWork(), LiveFeed.directOpener(pool, settings.liveListenUrl()),
                        settings.liveMode(), null, live::publish);
                liveFeed.start();
            }
        }
        return live;
    }

    /**
     * Stops the delivery's timer (sign-out itself delivers what the person still had pending) and the live feed's
     * connection.
     */
    void close() {
        if (delivery != null) {
            delivery.close();
        }
        if (messaging != null) {
            messaging.outbox().stop();
        }
        if (liveFeed != null) {
            liveFeed.close();
        }
    }

    /** Working offline, a CV opens from the copy the last pull downloaded (when it could). */
    CvOpener cvOpener() {
        CvOpener desktop = new DesktopCvOpener();
        CvFiles cvFiles = settings.cvFiles();
        return cvFiles == null || !signedIn.offline() ? desktop
                : url -> desktop.open(cvFiles.local(url).map(p -> p.toUri().toString()).orElse(url));
    }

    private OfflineOperations outbox() {
        if (outbox == null) {
            outbox = new OfflineOperations(signedIn.unitOfWork());
        }
        return outbox;
    }
}
