package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import org.apache.ibatis.session.SqlSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** The board's database work, each method one transaction as the signed-in person (row-level security). */
public final class BoardService {
    /** A page of a column: a screenful or two of cards, so a column of thousands loads as it is scrolled. */
    public static final int PAGE_SIZE = 50;
    /** Jobs in the chooser at a time: the newest, or the best matches of what was typed (the stats filter's 100). */
    public static final int JOB_CHOICES = 100;

    /** One card to move to a status; the card carries the version it was read at. */
    public record Move(BoardCard card, ApplicationStatus to) {
    }

    /**
     * Carries out a list of moves, all or nothing, each against the version its card was read at; throws
     * {@link MoveConflictException} when any card changed meanwhile.
     */
    @FunctionalInterface
    public interface Mover {
        /**
         * {@code alsoInTransaction} (may be null): more writes that commit with the moves or not at all, given the
         * moved applications' ids (a bulk rejection's messages, issue 21).
         */
        List<BoardCard> move(int jobId, List<Move> moves, BiConsumer<SqlSession, List<Integer>> alsoInTransaction);

        default List<BoardCard> move(int jobId, List<Move> moves) {
            return move(jobId, moves, null);
        }
    }

    /** The undo window when no setting says otherwise (SettingKey.NOTIFY_UNDO_SECONDS). */
    public static final Duration DEFAULT_UNDO_WINDOW = Duration.ofSeconds(10);

    private final SignedIn signedIn;
    private final Mover mover;
    private final Duration undoWindow;
    private final Runnable afterMove;

    public BoardService(SignedIn signedIn) {
        this(signedIn, DEFAULT_UNDO_WINDOW, () -> { });
    }

    /**
     * {@code undoWindow}: how long a candidate's notification of a move waits, so that an undo within it cancels
     * the message (decision 0018); {@code afterMove} runs after each committed move, e.g. to deliver the message
     * once the window has passed.
     */
    public BoardService(SignedIn signedIn, Duration undoWindow, Runnable afterMove) {
        this.signedIn = signedIn;
        this.mover = this::moveOnServer;
        this.undoWindow = undoWindow;
        this.afterMove = afterMove;
    }

    /** Working offline: {@code mover} records each move in the offline copy's outbox (sync.OfflineOperations). */
    public BoardService(SignedIn signedIn, Mover mover) {
        this.signedIn = signedIn;
        this.mover = mover;
        // the candidate hears of an offline move only once it is sent; the board promises no window
        this.undoWindow = Duration.ZERO;
        this.afterMove = () -> { };
    }

    /** How long a candidate's notification waits for an undo. */
    public Duration undoWindow() {
        return undoWindow;
    }

    /** Who is signed in: the live board does not tell them of their own changes. */
    int signedInUserId() {
        return user().userId();
    }

    private SignedInUser user() {
        return signedIn.user();
    }

    public BoardHeader header(int jobId) {
        return signedIn.unitOfWork().inTransaction(s -> header(s.getMapper(BoardMapper.class), jobId));
    }

    private BoardHeader header(BoardMapper m, int jobId) {
        BoardHeader header = BoardHeader.of(m.header(jobId, user().companyId(), user().userId()));
        if (header == null) {
            throw new UserFacingException(Sentence.of("board.jobNotFound"));
        }
        return header;
    }

    /** A job's header and the first page of each of its non-empty columns. */
    public record Opening(BoardHeader header, Map<ApplicationStatus, List<BoardCard>> pages) {
    }

    /** What opening a board shows, read in one transaction (one session look-up, not one per column). */
    public Opening open(int jobId, int limit, BoardFilter filter) {
        return signedIn.unitOfWork().inTransaction(s -> {
            BoardMapper m = s.getMapper(BoardMapper.class);
            BoardHeader header = header(m, jobId);
            Map<ApplicationStatus, List<BoardCard>> pages = new java.util.EnumMap<>(ApplicationStatus.class);
            for (ApplicationStatus status : ApplicationStatus.values()) {
                pages.put(status, header.counts().get(status) == 0 ? List.of()
                        : page(m, jobId, status, null, limit, filter));
            }
            return new Opening(header, pages);
        });
    }

    public List<BoardCard> page(int jobId, ApplicationStatus status, BoardCard after, int limit) {
        return page(jobId, status, after, limit, BoardFilter.NONE);
    }

    public List<BoardCard> page(int jobId, ApplicationStatus status, BoardCard after, int limit, BoardFilter filter) {
        return signedIn.unitOfWork().inTransaction(s -> page(s.getMapper(BoardMapper.class), jobId, status, after,
                limit, filter));
    }

    private static List<BoardCard> page(BoardMapper m, int jobId, ApplicationStatus status, BoardCard after,
                                        int limit, BoardFilter filter) {
        BoardFilter f = filter == null ? BoardFilter.NONE : filter;
        return m.page(jobId, status.label(), after == null ? null : after.appliedAt(),
                after == null ? null : after.applicationId(), limit, f.namePattern(), f.minRating(), f.tagArray(),
                f.sourceArray(), f.minAiScore(), f.byAiScore(), after == null ? null : after.aiScoreKey());
    }

    /** The tags and sources found on the job's applications, for the filters' choices. */
    public record FilterChoices(List<String> tags, List<String> sources) {
    }

    public FilterChoices filterChoices(int jobId) {
        return signedIn.unitOfWork().inTransaction(s -> {
            BoardMapper m = s.getMapper(BoardMapper.class);
            return new FilterChoices(m.tags(jobId), m.sources(jobId));
        });
    }

    public List<JobChoice> jobChoices() {
        return jobChoices(null);
    }

    /** The chooser's jobs: the newest {@link #JOB_CHOICES}, or those matching what was typed (all jobs searched). */
    public List<JobChoice> jobChoices(String search) {
        return signedIn.unitOfWork().inTransaction(s -> {
            s.getMapper(SessionMapper.class).planForTheseValues();
            return s.getMapper(BoardMapper.class).jobChoices(user().companyId(), user().userId(),
                    search == null || search.isBlank() ? null : search.strip(), JOB_CHOICES);
        });
    }

    public List<CardState> states(int jobId, Collection<Integer> ids) {
        return signedIn.unitOfWork().inTransaction(
                s -> s.getMapper(BoardMapper.class).states(jobId, ids.toArray(Integer[]::new)));
    }

    /**
     * Moves every card in one transaction, each checked against its version; each candidate is notified as the
     * platform does once the undo window has passed (an undo within it cancels the message). All or nothing:
     * when any card changed meanwhile, nothing moves and a {@link MoveConflictException} says what those cards
     * look like now. Transition rules are the caller's
     * business (an undo deliberately goes back where a card came from).
     */
    public List<BoardCard> move(int jobId, List<Move> moves) {
        return mover.move(jobId, moves, null);
    }

    /** As {@link #move(int, List)}, with more writes in the same transaction (see {@link Mover}). */
    public List<BoardCard> move(int jobId, List<Move> moves, BiConsumer<SqlSession, List<Integer>> alsoInTransaction) {
        return mover.move(jobId, moves, alsoInTransaction);
    }

    private List<BoardCard> moveOnServer(int jobId, List<Move> moves,
                                         BiConsumer<SqlSession, List<Integer>> alsoInTransaction) {
        Map<ApplicationStatus, List<BoardCard>> byTarget = new EnumMap<>(ApplicationStatus.class);
        Set<Integer> seen = new HashSet<>();
        for (Move m : moves) {
            if (seen.add(m.card().applicationId())) {
                byTarget.computeIfAbsent(m.to(), t -> new ArrayList<>()).add(m.card());
            }
        }
        int undoSeconds = (int) Math.min(Integer.MAX_VALUE, undoWindow.toSeconds());
        try {
            List<BoardCard> result = signedIn.unitOfWork().inTransaction(s -> {
                s.getMapper(SessionMapper.class).planOnceForAnyValues();
                BoardMapper mapper = s.getMapper(BoardMapper.class);
                List<BoardCard> moved = new ArrayList<>();
                Set<Integer> stale = new LinkedHashSet<>();
                for (var entry : byTarget.entrySet()) {
                    ApplicationStatus to = entry.getKey();
                    List<BoardCard> cards = entry.getValue();
                    Integer[] ids = cards.stream().map(BoardCard::applicationId).toArray(Integer[]::new);
                    Integer[] versions = cards.stream().map(BoardCard::version).toArray(Integer[]::new);
                    Map<Integer, Versioned> done = new LinkedHashMap<>();
                    for (Versioned v : mapper.move(jobId, ids, versions, to.label(), undoSeconds)) {
                        done.put(v.applicationId(), v);
                    }
                    for (BoardCard card : cards) {
                        Versioned v = done.get(card.applicationId());
                        if (v == null) {
                            stale.add(card.applicationId());
                        } else {
                            moved.add(card.movedTo(to, v.version(), v.changedAt()));
                        }
                    }
                }
                if (!stale.isEmpty()) {
                    throw new MoveConflictException.Stale(stale);
                }
                if (alsoInTransaction != null) {
                    alsoInTransaction.accept(s, moved.stream().map(BoardCard::applicationId).toList());
                }
                return moved;
            });
            afterMove.run();
            return result;
        } catch (MoveConflictException.Stale e) {
            List<CardState> now = states(jobId, e.ids);
            Set<Integer> gone = new LinkedHashSet<>(e.ids);
            now.forEach(state -> gone.remove(state.card().applicationId()));
            throw new MoveConflictException(now, gone);
        }
    }
}
