package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.messages.ComposeViewModel;
import co.intowork.recruiter.messages.Messaging;
import co.intowork.recruiter.messages.RejectionViewModel;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.interviews.InterviewDialogViewModel;
import co.intowork.recruiter.interviews.InterviewPlanner;
import co.intowork.recruiter.live.LiveEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status board of one job: six columns loaded page by page, moves (single, bulk with a preview, undo of the
 * last one) checked against the transition rules and each card's version, and what to tell the user when a move
 * is refused. No scene-graph types: the view turns drags and keys into {@link #requestMove} and friends.
 */
public final class BoardViewModel {
    private static final Logger log = LoggerFactory.getLogger(BoardViewModel.class);
    private static final int NAMES_IN_MESSAGE = 3;

    /** What a bulk move would do, shown before anything changes. */
    public record BulkPreview(ApplicationStatus to, List<BoardCard> movable, Map<BoardCard, String> refused,
                              String summary) {
    }

    private record UndoEntry(BoardCard after, ApplicationStatus previous) {
    }

    private record Moved(List<BoardCard> cards, BoardHeader header) {
    }

    private final BoardService service;
    private final TaskRunner tasks;
    private final Navigator navigator;
    private final Clock clock;
    private final Map<ApplicationStatus, BoardColumn> columns = new EnumMap<>(ApplicationStatus.class);
    private final ObservableList<BoardColumn> columnList = FXCollections.observableArrayList();
    private final ObservableList<JobChoice> jobChoices = FXCollections.observableArrayList();
    private final StringProperty jobSearch = new SimpleStringProperty("");
    // the newest jobs as loaded without a search; a newer search's answer wins over an older one's
    private List<JobChoice> newestJobs;
    private long jobSearchSequence;
    private final ObjectProperty<BoardHeader> job = new SimpleObjectProperty<>();
    private final StringProperty jobSubtitle = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    // the discreet line saying who changed what meanwhile (live board, decision 0021)
    private final StringProperty liveLine = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    // issue 21: a card just moved to Interview, whose interview the board offers to schedule (not blocking)
    private final ObjectProperty<BoardCard> interviewOffer = new SimpleObjectProperty<>();
    private InterviewPlanner interviews;
    private final ObjectProperty<BulkPreview> preview = new SimpleObjectProperty<>();
    private List<UndoEntry> lastMove = List.of();
    // when the last move was made, to say whether its undo comes before the candidates are told
    private Instant lastMoveAt = Instant.MIN;
    private int generation;

    // search and filters (issue 19): applied by the page query; the view edits these, then calls applyFilter()
    private final StringProperty filterName = new SimpleStringProperty("");
    private final ObjectProperty<Integer> filterMinRating = new SimpleObjectProperty<>();
    private final ObservableList<String> filterTags = FXCollections.observableArrayList();
    private final ObservableList<String> filterSources = FXCollections.observableArrayList();
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList();
    private final ObservableList<String> sourceChoices = FXCollections.observableArrayList();
    private final BooleanProperty filtered = new SimpleBooleanProperty(false);
    private BoardFilter filter = BoardFilter.NONE;
    // the platform's AI match score (issue 24): a minimum, and the columns' order
    private final ObjectProperty<Integer> filterMinAiScore = new SimpleObjectProperty<>();
    private final ObjectProperty<BoardOrder> order = new SimpleObjectProperty<>(BoardOrder.NEWEST);

    /** The cards a move just placed, so the view can keep them selected and the next key moves them again. */
    public record Placed(ApplicationStatus status, List<Integer> applicationIds) {
    }

    private final ObjectProperty<Placed> placed = new SimpleObjectProperty<>();

    // candidates' messages (issue 21): null when the workspace offers none (tests, a hiring manager's window)
    private Messaging messaging;
    private final ObjectProperty<ComposeViewModel> compose = new SimpleObjectProperty<>();
    private final ObjectProperty<RejectionViewModel> rejection = new SimpleObjectProperty<>();
    // the applications whose rejection letters the last move queued, canceled by its undo within the window
    private List<Integer> lastLetters = List.of();

    public BoardViewModel(SignedIn signedIn, Navigator navigator) {
        this(new BoardService(signedIn), signedIn, navigator);
    }

    /** With the service the workspace chose (working offline, one that moves through the offline copy's outbox). */
    public BoardViewModel(BoardService service, SignedIn signedIn, Navigator navigator) {
        this(service, signedIn.tasks(), navigator, Clock.systemDefaultZone());
    }

    BoardViewModel(BoardService service, TaskRunner tasks, Navigator navigator, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.navigator = navigator;
        this.clock = clock;
        jobSearch.addListener((o, was, typed) -> findJobs(typed));
        for (ApplicationStatus s : ApplicationStatus.values()) {
            BoardColumn column = new BoardColumn(s);
            columns.put(s, column);
            columnList.add(column);
        }
    }

    /** Offers "write to the candidate" and "reject with a message" (the workspace's messages feature). */
    public BoardViewModel withMessaging(Messaging messaging) {
        this.messaging = messaging;
        return this;
    }

    public boolean canMessage() {
        return messaging != null && messaging.canWrite();
    }

    /** A message to one card's candidate: the view shows the compose dialog for the ViewModel set here. */
    public void compose(BoardCard card) {
        if (messaging == null) {
            return;
        }
        if (card == null) {
            error.set(Messages.text("board.messages.selectFirst"));
            return;
        }
        compose.set(messaging.compose(card.applicationId(), null, java.util.Map.of()));
    }

    /**
     * Rejecting the selected cards with a reason and a template: the cards that may not be rejected are named and
     * left out; the view shows the dialog for the ViewModel set here, whose confirmation moves the others and
     * queues their letters in the same transaction.
     */
    public void requestRejectWithMessage(Collection<BoardCard> selected) {
        if (messaging == null || job.get() == null) {
            return;
        }
        if (selected.isEmpty()) {
            error.set(Messages.text("board.messages.selectFirst"));
            return;
        }
        if (busy.get()) {
            error.set(Messages.text("board.busy"));
            return;
        }
        BulkPreview p = previewOf(List.copyOf(new LinkedHashMap<>(selected.stream().collect(Collectors.toMap(
                BoardCard::applicationId, c -> c, (a, b) -> a, LinkedHashMap::new))).values()),
                ApplicationStatus.REJECTED);
        if (p.movable().isEmpty()) {
            error.set(p.refused().isEmpty() ? Messages.text("board.preview.nothing") : p.summary());
            return;
        }
        error.set(p.refused().isEmpty() ? "" : p.summary());
        List<BoardCard> movable = p.movable();
        rejection.set(messaging.rejection(movable.stream().map(BoardCard::applicationId).toList(),
                (template, reason) -> {
                    rejection.set(null);
                    perform(movable.stream().map(c -> new BoardService.Move(c, ApplicationStatus.REJECTED)).toList(),
                            ApplicationStatus.REJECTED, false,
                            messaging.rejectionWriter(template, reason, service.undoWindow()));
                }));
    }

    public ReadOnlyObjectProperty<ComposeViewModel> composeProperty() {
        return compose;
    }

    public ReadOnlyObjectProperty<RejectionViewModel> rejectionProperty() {
        return rejection;
    }

    /** The jobs that can be opened here, for the chooser shown with the board (the newest, or what was typed). */
    public void loadJobChoices() {
        String typed = jobSearch.get();
        long sequence = ++jobSearchSequence;
        tasks.run(() -> service.jobChoices(), newest -> {
            newestJobs = List.copyOf(newest);
            if (sequence == jobSearchSequence) {
                findJobs(typed);
            }
        }, failure -> fail("board.error.load", failure));
    }

    /**
     * The chooser's jobs for what was typed. When the newest jobs were fewer than a chooser holds, they are every job
     * one may open, and are filtered here (also on the laptop's offline copy, which has no session to search with);
     * otherwise the database searches all of them.
     */
    private void findJobs(String typed) {
        if (newestJobs == null) {
            return;
        }
        long sequence = ++jobSearchSequence;
        String wanted = typed == null ? "" : typed.strip();
        if (wanted.isEmpty() || newestJobs.size() < BoardService.JOB_CHOICES) {
            String key = foldedForMatching(wanted);
            jobChoices.setAll(newestJobs.stream().filter(j -> foldedForMatching(j.title()).contains(key)).toList());
            return;
        }
        tasks.run(() -> service.jobChoices(wanted), found -> {
            if (sequence == jobSearchSequence) {
                jobChoices.setAll(found);
            }
        }, failure -> fail("board.error.load", failure));
    }

    /** Lower case without accents: "Ingénieur" is found by "ingenieur". */
    static String foldedForMatching(String text) {
        return java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** What was typed in the chooser's search field: the choices follow it. */
    public StringProperty jobSearchProperty() {
        return jobSearch;
    }

    /** Shows the board of one job: header and counts, then the first page of every column. */
    public void open(int jobId) {
        BoardHeader shown = job.get();
        if (shown == null || shown.jobId() != jobId) {
            clearFilterFields();
            filter = BoardFilter.NONE;
            filtered.set(false);
            tagChoices.clear();
            sourceChoices.clear();
        }
        int opening = ++generation;
        preview.set(null);
        lastMove = List.of();
        canUndo.set(false);
        message.set("");
        error.set("");
        liveLine.set("");
        columns.values().forEach(BoardColumn::reset);
        columns.values().forEach(c -> c.setOrder(filter.order()));
        busy.set(true);
        BoardFilter using = filter;
        tasks.run(() -> service.open(jobId, BoardService.PAGE_SIZE, using), loaded -> {
            if (opening != generation) {
                return;
            }
            busy.set(false);
            showHeader(loaded.header());
            loaded.pages().forEach((s, page) -> columns.get(s).appendPage(page, BoardService.PAGE_SIZE));
            loadFilterChoices(jobId);
        }, failure -> {
            if (opening == generation) {
                busy.set(false);
                job.set(null);
                fail("board.error.load", failure);
            }
        });
    }

    /** Loads the next page of a column; the view calls it when the column is scrolled near its end. */
    public void loadMore(ApplicationStatus status) {
        BoardColumn column = columns.get(status);
        BoardHeader header = job.get();
        if (header == null || column.isLoading() || column.exhaustedProperty().get()) {
            return;
        }
        int loading = generation;
        BoardCard after = column.cursor();
        column.setLoading(true);
        BoardFilter using = filter;
        tasks.run(() -> service.page(header.jobId(), status, after, BoardService.PAGE_SIZE, using), page -> {
            if (loading == generation) {
                column.setLoading(false);
                column.appendPage(page, BoardService.PAGE_SIZE);
            }
        }, failure -> {
            if (loading == generation) {
                column.setLoading(false);
                fail("board.error.load", failure);
            }
        });
    }

    /**
     * The user dropped or sent cards to a status. One card moves at once (or is refused with the reason); several
     * first get a preview, confirmed with {@link #confirmPreview}.
     */
    public void requestMove(Collection<BoardCard> selected, ApplicationStatus to) {
        List<BoardCard> cards = List.copyOf(new LinkedHashMap<>(selected.stream()
                .collect(Collectors.toMap(BoardCard::applicationId, c -> c, (a, b) -> a, LinkedHashMap::new)))
                .values());
        if (cards.isEmpty() || job.get() == null) {
            return;
        }
        if (busy.get()) {
            error.set(Messages.text("board.busy"));
            return;
        }
        error.set("");
        if (cards.size() == 1) {
            BoardCard card = cards.get(0);
            Optional<String> refusal = StatusTransitions.refusal(card.status(), to);
            if (refusal.isPresent()) {
                preview.set(null);
                error.set(Messages.format("board.refused", card.candidateName(), refusal.get()));
                return;
            }
            perform(List.of(new BoardService.Move(card, to)), to, false);
            return;
        }
        preview.set(previewOf(cards, to));
    }

    /** Bulk reject of the selected cards: always previewed, since it notifies every candidate. */
    public void requestReject(Collection<BoardCard> selected) {
        if (selected.size() == 1) {
            BoardCard only = selected.iterator().next();
            preview.set(previewOf(List.of(only), ApplicationStatus.REJECTED));
            return;
        }
        requestMove(selected, ApplicationStatus.REJECTED);
    }

    BulkPreview previewOf(List<BoardCard> cards, ApplicationStatus to) {
        List<BoardCard> movable = new ArrayList<>();
        Map<BoardCard, String> refused = new LinkedHashMap<>();
        for (BoardCard card : cards) {
            StatusTransitions.refusal(card.status(), to).ifPresentOrElse(
                    reason -> refused.put(card, reason), () -> movable.add(card));
        }
        StringBuilder summary = new StringBuilder(
                Messages.format("board.preview.summary", movable.size(), to.displayName()));
        if (!refused.isEmpty()) {
            summary.append(' ').append(Messages.format("board.preview.refusedCount", refused.size()));
            refused.entrySet().stream().limit(NAMES_IN_MESSAGE).forEach(e -> summary.append('\n')
                    .append(Messages.format("board.preview.refusedLine", e.getKey().candidateName(), e.getValue())));
            if (refused.size() > NAMES_IN_MESSAGE) {
                summary.append('\n').append(Messages.format("board.more", refused.size() - NAMES_IN_MESSAGE));
            }
        }
        return new BulkPreview(to, List.copyOf(movable), refused, summary.toString());
    }

    public void confirmPreview() {
        BulkPreview pending = preview.get();
        if (pending == null || busy.get()) {
            return;
        }
        preview.set(null);
        if (pending.movable().isEmpty()) {
            error.set(Messages.text("board.preview.nothing"));
            return;
        }
        perform(pending.movable().stream().map(c -> new BoardService.Move(c, pending.to())).toList(),
                pending.to(), false);
    }

    public void cancelPreview() {
        preview.set(null);
    }

    /** Moves the cards of the last move (or bulk move) back where they were, again checked against versions. */
    public void undo() {
        if (lastMove.isEmpty() || busy.get() || job.get() == null) {
            return;
        }
        List<BoardService.Move> back = lastMove.stream()
                .map(e -> new BoardService.Move(current(e.after()), e.previous())).toList();
        perform(back, null, true);
    }

    private BoardCard current(BoardCard card) {
        BoardColumn column = columns.get(card.status());
        int i = column.indexOf(card.applicationId());
        return i >= 0 ? column.cards().get(i) : card;
    }

    private void perform(List<BoardService.Move> moves, ApplicationStatus to, boolean undoing) {
        perform(moves, to, undoing, null);
    }

    private void perform(List<BoardService.Move> moves, ApplicationStatus to, boolean undoing,
                         java.util.function.BiConsumer<org.apache.ibatis.session.SqlSession, List<Integer>> letters) {
        int jobId = job.get().jobId();
        int moving = generation;
        Map<Integer, ApplicationStatus> previous = new LinkedHashMap<>();
        moves.forEach(m -> previous.put(m.card().applicationId(), m.card().status()));
        busy.set(true);
        message.set("");
        interviewOffer.set(null);
        Instant requested = clock.instant();
        // the undo reaches the server before the window of the move it undoes has passed (with a second to spare
        // for the round trip): the pending messages end as they began, and nothing is sent (decision 0018)
        boolean untold = undoing && !service.undoWindow().isZero()
                && requested.isBefore(lastMoveAt.plus(service.undoWindow()).minusSeconds(1));
        tasks.run(() -> new Moved(service.move(jobId, moves, letters), service.header(jobId)), moved -> {
            busy.set(false);
            if (messaging != null && undoing && !lastLetters.isEmpty()) {
                // those still inside the window are canceled; one already gone cannot be called back
                messaging.undone(lastLetters);
            }
            if (messaging != null && letters != null) {
                messaging.queued();
            }
            lastLetters = undoing || letters == null ? List.of()
                    : moved.cards().stream().map(BoardCard::applicationId).toList();
            if (moving != generation) {
                return;
            }
            for (BoardCard card : moved.cards()) {
                columns.get(previous.get(card.applicationId())).remove(card.applicationId());
                // shown even when it sorts after the loaded pages: the selection follows it (a page loaded later
                // skips a card already shown)
                columns.get(card.status()).placeShown(card);
            }
            if (!moved.cards().isEmpty()) {
                placed.set(new Placed(moved.cards().get(0).status(),
                        moved.cards().stream().map(BoardCard::applicationId).toList()));
            }
            showHeader(moved.header());
            if (undoing) {
                lastMove = List.of();
                message.set(Messages.format(untold ? "board.undone.untold" : "board.undone", moved.cards().size()));
            } else {
                lastMove = moved.cards().stream()
                        .map(c -> new UndoEntry(c, previous.get(c.applicationId()))).toList();
                lastMoveAt = requested;
                long seconds = service.undoWindow().toSeconds();
                String suffix = seconds > 0 ? ".window" : "";
                message.set(moved.cards().size() == 1
                        ? Messages.format("board.moved.one" + suffix, moved.cards().get(0).candidateName(),
                                to.displayName(), seconds)
                        : Messages.format("board.moved.many" + suffix, moved.cards().size(), to.displayName(),
                                seconds));
            }
            canUndo.set(!lastMove.isEmpty());
            if (!undoing && to == ApplicationStatus.INTERVIEW && moved.cards().size() == 1 && interviews != null) {
                interviewOffer.set(moved.cards().get(0));
            }
        }, failure -> {
            busy.set(false);
            if (moving != generation) {
                return;
            }
            if (failure instanceof MoveConflictException conflict) {
                showConflict(conflict, undoing);
            } else {
                fail(undoing ? "board.error.undo" : "board.error.move", failure);
            }
        });
    }

    private record LiveRead(Map<Integer, CardState> states, BoardHeader header) {
    }

    /**
     * Changes made elsewhere (a colleague, the web platform, an offline replay), from the live feed: the cards
     * concerned are read again as the signed-in person and put where they now belong, the counts with them, without
     * reloading the board: other cards, the selection and the scroll position stay. The board's own moves come
     * back too; their cards already carry the new version and are skipped.
     */
    public void applyLive(List<LiveEvent> events) {
        BoardHeader header = job.get();
        if (header == null) {
            return;
        }
        int jobId = header.jobId();
        Map<Integer, LiveEvent> latest = new LinkedHashMap<>();
        for (LiveEvent e : events) {
            if (e.concernsJob(jobId) && !e.isNotification() && e.applicationId() != null) {
                latest.remove(e.applicationId());
                latest.put(e.applicationId(), e);
            }
        }
        latest.values().removeIf(e -> {
            BoardCard shown = shownCard(e.applicationId());
            return shown != null && e.version() != null && shown.version() >= e.version() && !"removed".equals(e.kind());
        });
        if (latest.isEmpty()) {
            return;
        }
        Set<Integer> ids = new LinkedHashSet<>(latest.keySet());
        int reading = generation;
        tasks.run(() -> {
            Map<Integer, CardState> states = new LinkedHashMap<>();
            service.states(jobId, ids).forEach(st -> states.put(st.card().applicationId(), st));
            return new LiveRead(states, service.header(jobId));
        }, read -> {
            if (reading != generation) {
                return;
            }
            String line = null;
            for (LiveEvent e : latest.values()) {
                CardState now = read.states().get(e.applicationId());
                BoardCard before = shownCard(e.applicationId());
                if (now == null) {
                    columns.values().forEach(c -> c.remove(e.applicationId()));
                    if (before != null) {
                        line = Messages.format("board.live.removed", before.candidateName());
                    }
                    continue;
                }
                BoardCard card = now.card();
                if (before != null && before.version() >= card.version()) {
                    continue;
                }
                if (filter.isEmpty() || before != null) {
                    if (before != null && before.status() == card.status()) {
                        columns.get(card.status()).replace(card);
                    } else {
                        columns.values().forEach(c -> c.remove(card.applicationId()));
                        columns.get(card.status()).place(card);
                    }
                }
                if (e.actorUserId() == null || e.actorUserId() != service.signedInUserId()) {
                    line = liveLine(e, now, before);
                }
            }
            showHeader(read.header());
            if (line != null) {
                liveLine.set(line);
            }
        }, failure -> log.warn("Live update of job {}: {}", jobId, SqlErrors.describe(failure)));
    }

    private BoardCard shownCard(int applicationId) {
        for (BoardColumn column : columnList) {
            int i = column.indexOf(applicationId);
            if (i >= 0) {
                return column.cards().get(i);
            }
        }
        return null;
    }

    private String liveLine(LiveEvent e, CardState now, BoardCard before) {
        BoardCard card = now.card();
        boolean moved = before == null ? "moved".equals(e.kind()) : before.status() != card.status();
        if ("added".equals(e.kind())) {
            return Messages.format("board.live.added", card.candidateName(), card.status().displayName());
        }
        if (!moved) {
            return Messages.format("board.live.changed", card.candidateName());
        }
        if (e.actorUserId() == null && now.changedBy() == null) {
            return Messages.format("board.live.movedByPlatform", card.candidateName(), card.status().displayName());
        }
        String who = now.changedBy() != null ? now.changedBy() : Messages.text("board.conflict.bySomeone");
        return Messages.format("board.live.moved", who, card.candidateName(), card.status().displayName());
    }

    private void showConflict(MoveConflictException conflict, boolean undoing) {
        List<String> lines = new ArrayList<>();
        for (CardState state : conflict.current()) {
            BoardCard now = state.card();
            columns.values().forEach(c -> c.remove(now.applicationId()));
            columns.get(now.status()).place(now);
            lines.add(Messages.format("board.conflict.line", now.candidateName(), now.status().displayName(),
                    who(state), when(state.changedAt())));
        }
        for (int gone : conflict.gone()) {
            String name = columns.values().stream().flatMap(c -> c.cards().stream())
                    .filter(c -> c.applicationId() == gone).map(BoardCard::candidateName).findFirst().orElse("#" + gone);
            columns.values().forEach(c -> c.remove(gone));
            lines.add(Messages.format("board.conflict.gone", name));
        }
        if (undoing) {
            lastMove = List.of();
            canUndo.set(false);
        }
        List<String> shown = lines.stream().limit(NAMES_IN_MESSAGE).collect(Collectors.toCollection(ArrayList::new));
        if (lines.size() > NAMES_IN_MESSAGE) {
            shown.add(Messages.format("board.more", lines.size() - NAMES_IN_MESSAGE));
        }
        error.set(Messages.text(undoing ? "board.conflict.undo" : "board.conflict.title") + "\n"
                + String.join("\n", shown));
        log.info("Move refused: {} application(s) changed meanwhile", lines.size());
        BoardHeader header = job.get();
        if (header != null) {
            int jobId = header.jobId();
            tasks.run(() -> service.header(jobId), this::showHeader, failure -> fail("board.error.load", failure));
        }
    }

    private String who(CardState state) {
        if (state.changedBy() != null) {
            return state.changedBy();
        }
        return Messages.text("platform".equals(state.source()) ? "board.conflict.byPlatform" : "board.conflict.bySomeone");
    }

    private String when(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        return at.atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Messages.locale()));
    }

    private void showHeader(BoardHeader header) {
        job.set(header);
        jobSubtitle.set(Messages.format("board.job.subtitle", jobStatusText(header.jobStatus()),
                header.counts().values().stream().mapToLong(Long::longValue).sum()));
        header.counts().forEach((s, n) -> columns.get(s).setCount(n));
    }

    private static String jobStatusText(String status) {
        String text = Messages.text("board.jobStatus." + status);
        return text.startsWith("!") ? status : text;
    }

    private void fail(String key, Throwable failure) {
        String reason = SqlErrors.describe(failure);
        log.error("{}: {}", key, reason, failure);
        error.set(Messages.format(key, reason));
    }

    /** Shows the columns again with the filters as edited (name, minimum rating, tags, sources). */
    public void applyFilter() {
        BoardFilter wanted = new BoardFilter(filterName.get(), filterMinRating.get(), List.copyOf(filterTags),
                List.copyOf(filterSources), filterMinAiScore.get(), order.get());
        if (wanted.equals(filter)) {
            return;
        }
        filter = wanted;
        filtered.set(!wanted.isEmpty());
        BoardHeader header = job.get();
        if (header != null) {
            open(header.jobId());
        }
    }

    public void clearFilter() {
        clearFilterFields();
        applyFilter();
    }

    private void clearFilterFields() {
        filterName.set("");
        filterMinRating.set(null);
        filterTags.clear();
        filterSources.clear();
        filterMinAiScore.set(null);
    }

    private void loadFilterChoices(int jobId) {
        int loading = generation;
        tasks.run(() -> service.filterChoices(jobId), choices -> {
            if (loading == generation) {
                tagChoices.setAll(choices.tags());
                sourceChoices.setAll(choices.sources());
            }
        }, failure -> log.warn("Board filter choices of job {}: {}", jobId, failure.toString()));
    }

    /** A source as the filter lists it: "" is an application made directly on the website. */
    public static String sourceText(String source) {
        return source == null || source.isEmpty() ? Messages.text("board.filter.direct") : source;
    }

    public static String minRatingText(Integer stars) {
        return stars == null ? Messages.text("board.filter.anyRating") : Messages.format("board.filter.minRating", stars);
    }

    public StringProperty filterNameProperty() {
        return filterName;
    }

    public ObjectProperty<Integer> filterMinRatingProperty() {
        return filterMinRating;
    }

    /** The minimum AI match score (0-100), null for any; applied with {@link #applyFilter()}. */
    public ObjectProperty<Integer> filterMinAiScoreProperty() {
        return filterMinAiScore;
    }

    /** The columns' order; applied with {@link #applyFilter()} (kept when the filters are cleared). */
    public ObjectProperty<BoardOrder> orderProperty() {
        return order;
    }

    public static String orderText(BoardOrder o) {
        return Messages.text(o == BoardOrder.AI_SCORE ? "board.order.aiScore" : "board.order.newest");
    }

    public static String minAiScoreText(Integer min) {
        return min == null ? Messages.text("board.filter.anyAiScore") : Messages.format("board.filter.minAiScore", min);
    }

    public ObservableList<String> filterTags() {
        return filterTags;
    }

    public ObservableList<String> filterSources() {
        return filterSources;
    }

    public ObservableList<String> tagChoices() {
        return tagChoices;
    }

    public ObservableList<String> sourceChoices() {
        return sourceChoices;
    }

    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered;
    }

    public ReadOnlyObjectProperty<Placed> placedProperty() {
        return placed;
    }

    public void openReview(BoardCard card) {
        if (card != null) {
            navigator.showReview(card.applicationId());
        }
    }

    public void showPipeline() {
        navigator.showPipeline();
    }

    public void dismissMessages() {
        message.set("");
        error.set("");
    }

    // texts of a card, so the view only lays them out

    public String appliedText(BoardCard card) {
        return card.appliedAt() == null ? "" : Messages.format("board.card.applied",
                card.appliedAt().atZoneSameInstant(zone()).format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(Messages.locale())));
    }

    public String daysText(BoardCard card) {
        return Messages.format("board.card.days", card.daysInStatus(OffsetDateTime.now(clock)));
    }

    public static String ratingText(BoardCard card) {
        if (card.rating() == null) {
            return "";
        }
        return "★ " + Math.max(0, Math.min(5, card.rating()));
    }

    /** The card's AI badge: the score, rounded; a dash when not analysed, a question mark when unavailable. */
    public static String aiBadgeText(BoardCard card) {
        return switch (card.aiMatch()) {
            case SCORED -> String.valueOf(Math.round(Math.max(0, Math.min(100, card.aiScore()))));
            case UNAVAILABLE -> "?";
            case NOT_ANALYSED -> "–";
        };
    }

    public static String aiBadgeTooltip(BoardCard card) {
        return switch (card.aiMatch()) {
            case SCORED -> Messages.format("board.card.ai.score", Math.round(Math.max(0, Math.min(100, card.aiScore()))));
            case UNAVAILABLE -> Messages.text("ai.unavailable");
            case NOT_ANALYSED -> Messages.text("ai.notAnalysed");
        };
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The loaded card ids of the column holding an application, in board order; empty when it is not shown. */
    public List<Integer> columnIdsContaining(int applicationId) {
        for (BoardColumn column : columnList) {
            if (column.indexOf(applicationId) >= 0) {
                return column.cards().stream().map(BoardCard::applicationId).toList();
            }
        }
        return List.of();
    }

    public BoardColumn column(ApplicationStatus status) {
        return columns.get(status);
    }

    public ObservableList<BoardColumn> columns() {
        return columnList;
    }

    public ObservableList<JobChoice> jobChoices() {
        return jobChoices;
    }

    public ReadOnlyObjectProperty<BoardHeader> jobProperty() {
        return job;
    }

    public ReadOnlyStringProperty jobSubtitleProperty() {
        return jobSubtitle;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Who changed what on this board meanwhile ("Claire Martin moved A. Dupont to Interview"), or "". */
    public ReadOnlyStringProperty liveLineProperty() {
        return liveLine;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Scheduling interviews from the board (the section registry sets it; without it nothing is offered). */
    public void offerInterviews(InterviewPlanner planner) {
        this.interviews = planner;
    }

    public ReadOnlyObjectProperty<BoardCard> interviewOfferProperty() {
        return interviewOffer;
    }

    /** The scheduling dialog for the offered card (null without one); the offer is taken. */
    public InterviewDialogViewModel scheduleOfferedInterview() {
        BoardCard card = interviewOffer.get();
        interviewOffer.set(null);
        return card == null || interviews == null ? null : interviews.newInterview(card.applicationId());
    }

    public void dismissInterviewOffer() {
        interviewOffer.set(null);
    }

    /** After the dialog: where the interview went (the server, or the outbox offline). */
    public void interviewScheduled(int id) {
        message.set(Messages.text(id == 0 ? "interview.queued" : "interview.scheduled"));
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyObjectProperty<BulkPreview> previewProperty() {
        return preview;
    }
}
