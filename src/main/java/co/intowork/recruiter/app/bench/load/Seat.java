package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardHeader;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.StatusTransitions;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.notifications.NotificationService;
import co.intowork.recruiter.notifications.StatusNotificationDelivery;
import co.intowork.recruiter.pipeline.JobSort;
import co.intowork.recruiter.pipeline.JobSummary;
import co.intowork.recruiter.pipeline.PipelineCriteria;
import co.intowork.recruiter.pipeline.PipelineService;
import co.intowork.recruiter.review.Review;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.search.CandidateSearchService;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.stats.DataSourceReport;
import co.intowork.recruiter.stats.ReplicaSource;
import co.intowork.recruiter.stats.StatsQuery;
import co.intowork.recruiter.stats.StatsService;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * One simulated desk: a person signed in with their own session, using the product's services exactly as the
 * window does (same statements, same transactions), over its own connections to PgBouncer. It does one thing at a
 * time, as a person does.
 */
final class Seat {
    enum Action { SIGN_IN, PIPELINE, SEARCH, BOARD, MOVE, REVIEW_SAVE, STATISTICS, INBOX }

    /** An application moved by a seat: each is moved at most once per run, so its events can be counted. */
    record MoveAttempt(int seat, int applicationId, ApplicationStatus to, boolean reportedOk, String error) {
    }

    private static final String[] SEARCHES = {"Martin", "Marie", "développeur", "Lefèvre", "comptable", "Sophie",
        "data", "Nicolas", "infirmier", "Dubois"};

    final int id;
    final String email;
    final String password;
    final SeatConnections primaryConnections;
    final SeatConnections replicaConnections;
    private final UnitOfWork unitOfWork;
    private final SessionContext session;
    private final ReplicaSource replica;
    private final RandomGenerator random;
    private final Map<Integer, Integer> claims;
    private final Set<Integer> moved;
    private SignedInUser user;
    private SignedIn signedIn;
    private PipelineService pipeline;
    private CandidateSearchService search;
    private BoardService board;
    private ReviewService review;
    private StatsService stats;
    private NotificationService inbox;
    private StatusNotificationDelivery delivery;
    private List<Integer> jobs = List.of();
    private List<BoardCard> lastCards = List.of();
    private Integer lastJob;
    /** How the last statistics were read: replica, fallback (with its notice) or primary. */
    volatile String lastStatsSource;
    volatile String lastStatsNotice;

    Seat(int id, String email, String password, SeatConnections primaryConnections,
         SeatConnections replicaConnections, SqlSessionFactory primaryFactory, SqlSessionFactory replicaFactory,
         ConnectionSettings replicaSettings, RandomGenerator random, Map<Integer, Integer> claims,
         Set<Integer> moved) {
        this.id = id;
        this.email = email;
        this.password = password;
        this.primaryConnections = primaryConnections;
        this.replicaConnections = replicaConnections;
        this.random = random;
        this.claims = claims;
        this.moved = moved;
        BooleanSupplier never = () -> false;
        unitOfWork = new UnitOfWork(primaryFactory, never);
        session = SessionContext.installOn(unitOfWork);
        replica = replicaFactory == null ? null : new ReplicaSource(replicaSettings, unitOfWork, Clock.systemUTC(),
                new ReplicaSource.Opener() {
                    @Override
                    public UnitOfWork open(ConnectionSettings settings, BooleanSupplier onUiThread) {
                        return new UnitOfWork(replicaFactory, onUiThread);
                    }

                    @Override
                    public void close() {
                        replicaConnections.close();
                    }
                });
    }

    boolean signedIn() {
        return user != null;
    }

    void signIn() {
        user = new AuthService(unitOfWork, session).signIn(email, password);
        signedIn = new SignedIn(user, unitOfWork, null);
        pipeline = new PipelineService(unitOfWork);
        search = new CandidateSearchService(signedIn);
        // the delivery's timer thread is never started: the seat delivers after its own moves, as the window does
        // once the undo window has passed (0 here, so that every move is counted once it is delivered)
        delivery = new StatusNotificationDelivery(unitOfWork, Duration.ZERO);
        board = new BoardService(signedIn, Duration.ZERO, () -> { });
        review = new ReviewService(signedIn, board);
        stats = new StatsService(unitOfWork, replica);
        inbox = new NotificationService(unitOfWork, user);
        pipelinePage();
    }

    /** Runs one action of the mix; returns a short note (e.g. where statistics came from) or null. */
    String run(Action action, List<MoveAttempt> moves) {
        return switch (action) {
            case SIGN_IN -> {
                signIn();
                yield null;
            }
            case PIPELINE -> {
                pipelinePage();
                yield null;
            }
            case SEARCH -> {
                search.search(SEARCHES[random.nextInt(SEARCHES.length)], null);
                yield null;
            }
            case BOARD -> {
                boardPage();
                yield null;
            }
            case MOVE -> {
                move(moves);
                yield null;
            }
            case REVIEW_SAVE -> {
                reviewSave();
                yield null;
            }
            case STATISTICS -> {
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                DataSourceReport source = stats.headline(StatsQuery.of(user, null, today.minusDays(90), today, 14))
                        .source();
                lastStatsSource = source.replica() ? "replica" : source.replicaConfigured() ? "fallback" : "primary";
                lastStatsNotice = source.fallbackReason();
                yield lastStatsSource;
            }
            case INBOX -> {
                inbox.unreadCount();
                inbox.page(false, null);
                yield null;
            }
        };
    }

    private void pipelinePage() {
        JobSort sort = random.nextInt(4) == 0 ? JobSort.TITLE : JobSort.NEWEST;
        List<JobSummary> rows = pipeline.page(new PipelineCriteria(user.isRecruiter() ? user.companyId() : null,
                user.userId(), null, null, null, null, null, null, sort, null, 100)).rows();
        if (!rows.isEmpty()) {
            List<Integer> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getId()));
            jobs = ids;
        }
    }

    private void boardPage() {
        // cards of an earlier page are not offered again: their versions may have changed since (a review saved)
        lastCards = List.of();
        if (jobs.isEmpty()) {
            pipelinePage();
            return;
        }
        int job = jobs.get(random.nextInt(Math.min(jobs.size(), 20)));
        BoardHeader header = board.header(job);
        List<ApplicationStatus> filled = new ArrayList<>();
        header.counts().forEach((s, n) -> {
            if (n > 0) {
                filled.add(s);
            }
        });
        if (filled.isEmpty()) {
            return;
        }
        ApplicationStatus column = filled.get(random.nextInt(filled.size()));
        lastCards = board.page(job, column, null, BoardService.PAGE_SIZE);
        lastJob = job;
    }

    /** A card of the last board page that this seat may touch: its own, or nobody's yet (then it becomes its own). */
    private BoardCard claimCard(boolean notMovedYet) {
        for (int tries = 0; tries < 2; tries++) {
            if (lastCards.isEmpty()) {
                boardPage();
                continue;
            }
            List<BoardCard> cards = new ArrayList<>(lastCards);
            java.util.Collections.shuffle(cards, new java.util.Random(random.nextLong()));
            for (BoardCard card : cards) {
                if (notMovedYet && moved.contains(card.applicationId())) {
                    continue;
                }
                Integer owner = claims.putIfAbsent(card.applicationId(), id);
                if (owner == null || owner == id) {
                    return card;
                }
            }
            boardPage();
        }
        return null;
    }

    private void move(List<MoveAttempt> moves) {
        // as a person drags a card of the board in front of them: the column as it is now
        boardPage();
        BoardCard card = claimCard(true);
        if (card == null) {
            return;
        }
        ApplicationStatus to = null;
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s != card.status() && StatusTransitions.allowed(card.status(), s) && s != ApplicationStatus.ACCEPTED) {
                to = s;
                break;
            }
        }
        if (to == null || !moved.add(card.applicationId())) {
            return;
        }
        try {
            board.move(lastJob, List.of(new BoardService.Move(card, to)));
        } catch (RuntimeException e) {
            moves.add(new MoveAttempt(id, card.applicationId(), to, false, e.getMessage()));
            throw e;
        }
        moves.add(new MoveAttempt(id, card.applicationId(), to, true, null));
        lastCards = lastCards.stream().filter(c -> c.applicationId() != card.applicationId()).toList();
        delivery.deliverDue();
    }

    private void reviewSave() {
        BoardCard card = claimCard(false);
        if (card == null) {
            return;
        }
        Review r = review.load(card.applicationId());
        Review.Application a = r.application();
        String notes = (a.notes() == null ? "" : a.notes());
        if (notes.length() > 2000) {
            notes = "";
        }
        review.saveAssessment(a.applicationId(), a.version(), notes + " ·", 1 + random.nextInt(5),
                a.scorecard() == null ? Scorecard.EMPTY : Scorecard.parse(a.scorecard()));
        // the card now holds an old version: a move must read the board again first, as the window does
        lastCards = lastCards.stream().filter(c -> c.applicationId() != card.applicationId()).toList();
    }

    void killConnections() {
        primaryConnections.kill();
        if (replicaConnections != null) {
            replicaConnections.kill();
        }
    }

    void close() {
        if (delivery != null) {
            delivery.close();
        }
        primaryConnections.close();
        if (replicaConnections != null) {
            replicaConnections.close();
        }
    }
}
