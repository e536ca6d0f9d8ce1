package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.board.JobChoice;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.review.Scorecard;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Offline section: which jobs are on this computer, sync with progress, last sync, what waits, and the conflict
 * inbox (base / theirs / mine, with keep theirs, re-apply mine on theirs, discard).
 */
public final class SyncViewModel {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncViewModel.class);
    /** A job the person may see, and whether it is on this computer. */
    public record JobRow(JobChoice job, boolean offline) {
        @Override
        public String toString() {
            return (offline ? "● " : "○ ") + job.title() + "  (" + job.applications() + ")";
        }
    }

    private final SignedIn signedIn;
    private final Supplier<Database> replicaSource;
    private final CvFiles cvFiles;
    private final CopyRepair repair;
    private SyncService sync;

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty reachable = new SimpleBooleanProperty(true);
    private boolean looked;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty lastSync = new SimpleStringProperty(Messages.text("sync.never"));
    private final IntegerProperty pendingCount = new SimpleIntegerProperty(0);
    private final IntegerProperty conflictCount = new SimpleIntegerProperty(0);
    private final IntegerProperty offlineJobCount = new SimpleIntegerProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanSupplier replicaOnDisk;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty damaged = new SimpleBooleanProperty(false);
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<JobRow> selectedJob = new SimpleObjectProperty<>();
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<Conflict> selectedConflict = new SimpleObjectProperty<>();
    private final StringProperty base = new SimpleStringProperty("");
    private final StringProperty theirs = new SimpleStringProperty("");
    private final StringProperty mine = new SimpleStringProperty("");

    /** {@code replicaOnDisk}: whether this computer holds an offline copy at all (checked before starting it). */
    public SyncViewModel(SignedIn signedIn, Supplier<Database> replicaSource, BooleanSupplier replicaOnDisk) {
        this(signedIn, replicaSource, replicaOnDisk, null);
    }

    /** {@code cvFiles}: where each pull keeps the slice's CV files (null: only their metadata is copied). */
    public SyncViewModel(SignedIn signedIn, Supplier<Database> replicaSource, BooleanSupplier replicaOnDisk,
                         CvFiles cvFiles) {
        this(signedIn, replicaSource, replicaOnDisk, cvFiles, CopyRepair.NONE);
    }

    /** {@code repair}: how a damaged copy is reported and rebuilt (the window owns the copy). */
    public SyncViewModel(SignedIn signedIn, Supplier<Database> replicaSource, BooleanSupplier replicaOnDisk,
                         CvFiles cvFiles, CopyRepair repair) {
        this.cvFiles = cvFiles;
        this.repair = repair;
        this.signedIn = signedIn;
        this.replicaSource = replicaSource;
        this.replicaOnDisk = replicaOnDisk;
        selectedConflict.addListener((obs, old, now) -> {
            base.set(now == null ? "" : describe(now.base(), null));
            theirs.set(now == null ? "" : now.theirs() == null ? Messages.text("sync.reason.gone")
                    : describe(now.theirs(), null));
            mine.set(now == null ? "" : describe(now.mine(), now.kind()));
        });
    }

    private synchronized SyncService sync() {
        if (sync == null) {
            sync = new SyncService(signedIn, replicaSource.get().unitOfWork(), cvFiles);
        }
        return sync;
    }

    private record Snapshot(SyncCounts counts, OffsetDateTime lastSync, List<Conflict> conflicts,
                            List<JobChoice> choices, List<Integer> slice) {
    }

    public void refresh() {
        run(() -> {
            if (!replicaOnDisk.getAsBoolean()) {
                // no copy on this computer: nothing waits, nothing is offline, and the copy's PostgreSQL is not
                // started for that (it starts when a job is taken offline)
                List<JobChoice> choices;
                try {
                    choices = new BoardService(signedIn).jobChoices();
                } catch (RuntimeException serverDown) {
                    choices = null;
                }
                return new Snapshot(new SyncCounts(0, 0, 0, 0), null, List.of(), choices, List.of());
            }
            SyncService s = sync();
            List<JobChoice> choices;
            try {
                // working offline these are the copy's jobs: all of them offline, none to take
                choices = new BoardService(signedIn).jobChoices();
            } catch (RuntimeException serverDown) {
                choices = null;
            }
            return new Snapshot(s.counts(), s.lastSync(), s.openConflicts(), choices, s.sliceJobs());
        }, this::show);
    }

    /**
     * The periodic look (every minute) that notices the server coming back: a refresh, when there is an offline
     * copy and nothing is running; {@link #show} then sends what waits.
     */
    public void checkConnection() {
        if (!busy.get() && replicaOnDisk.getAsBoolean()) {
            refresh();
        }
    }

    public void syncNow() {
        progress.set(0.02);
        message.set("");
        run(() -> {
            return sync().sync(p -> signedIn.tasks().onUi(() -> progress.set(p)));
        }, report -> {
            SyncService.PushReport pushed = report.push();
            message.set(pushed.unsent() == 0
                    ? Messages.format("sync.done", pushed.applied() + pushed.merged(), report.pull().applications(),
                            pushed.conflicts())
                    : Messages.format("sync.donePartial", pushed.applied() + pushed.merged(),
                            report.pull().applications(), pushed.conflicts(), pushed.unsent(),
                            SyncService.describeUnsent(pushed)));
            refresh();
        });
    }

    public void takeOffline() {
        JobRow row = selectedJob.get();
        if (row != null && !row.offline()) {
            run(() -> sync().takeOffline(row.job().id()), r -> refresh());
        }
    }

    public void bringOnline() {
        JobRow row = selectedJob.get();
        if (row != null && row.offline()) {
            run(() -> {
                sync().bringOnline(row.job().id());
                return null;
            }, r -> refresh());
        }
    }

    /**
     * Replaces a damaged copy: its folder is kept aside, the jobs and the unsent operations are carried into a new
     * copy; the next sync sends the operations and copies the jobs again.
     */
    public void rebuildCopy() {
        if (signedIn.offline()) {
            return;
        }
        run(() -> {
            CopyDamage.Rebuilt r = repair.rebuild();
            synchronized (this) {
                sync = null;
            }
            return r;
        }, r -> {
            damaged.set(false);
            message.set(CopyDamage.describe(r));
            refresh();
        });
    }

    public void keepTheirs() {
        resolve(c -> sync().keepTheirs(c));
    }

    public void reapplyMine() {
        resolve(c -> sync().reapplyMine(c));
    }

    public void discard() {
        resolve(c -> sync().discard(c));
    }

    private void resolve(Consumer<Conflict> action) {
        Conflict c = selectedConflict.get();
        if (c != null) {
            run(() -> {
                action.accept(c);
                return null;
            }, r -> refresh());
        }
    }

    private void show(Snapshot s) {
        pendingCount.set(s.counts().pending());
        conflictCount.set(s.counts().conflicts());
        offlineJobCount.set(s.counts().jobs());
        lastSync.set(s.lastSync() == null ? Messages.text("sync.never") : Messages.format("sync.lastSync",
                s.lastSync().atZoneSameInstant(ZoneId.systemDefault()).format(DateTimeFormatter
                        .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Messages.locale()))));
        Set<Integer> offline = new HashSet<>(s.slice());
        if (s.choices() != null) {
            Integer keep = selectedJob.get() == null ? null : selectedJob.get().job().id();
            jobs.setAll(s.choices().stream().map(j -> new JobRow(j, offline.contains(j.id()))).toList());
            jobs.stream().filter(r -> keep != null && r.job().id() == keep).findFirst().ifPresent(selectedJob::set);
        }
        boolean wasReachable = reachable.get() && looked;
        looked = true;
        reachable.set(s.choices() != null && !signedIn.offline());
        if (signedIn.offline()) {
            message.set(Messages.text("sync.offline.needServer"));
        }
        // signed in on the server, or back online, with work waiting: send it without being asked (the operations
        // carry their own preconditions, so anything a colleague changed meanwhile lands in the conflict inbox,
        // never over their decision)
        if (!wasReachable && reachable.get() && s.counts().pending() > 0) {
            syncNow();
        }
        long keepConflict = selectedConflict.get() == null ? -1 : selectedConflict.get().id();
        conflicts.setAll(s.conflicts());
        selectedConflict.set(conflicts.stream().filter(c -> c.id() == keepConflict).findFirst()
                .orElse(conflicts.isEmpty() ? null : conflicts.get(0)));
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        error.set("");
        signedIn.tasks().run(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                // a damaged copy is said as such, its unsent work exported while it can still be read
                throw repair.examine(e);
            }
        }, result -> {
            busy.set(false);
            progress.set(0);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            progress.set(0);
            if (CopyDamage.isDamage(failure)) {
                log.error("Offline section: {}", failure.getMessage(), failure);
                damaged.set(true);
                error.set(SqlErrors.describe(failure));
            } else {
                error.set(Messages.format("sync.failed", SqlErrors.describe(failure)));
            }
        });
    }

    /** A state or an operation's fields, one "Field: value" line each, in the UI language. */
    static String describe(String json, OperationKind kind) {
        if (json == null) {
            return "";
        }
        JsonNode n = SyncJson.read(json);
        StringBuilder out = new StringBuilder();
        if (kind != null) {
            out.append(kind.displayName()).append('\n');
        }
        if (n.has("status")) {
            out.append(Messages.text("sync.field.status")).append(": ")
                    .append(ApplicationStatus.fromLabel(n.path("status").asText()).displayName()).append('\n');
        }
        if (n.has("rating")) {
            out.append(Messages.text("sync.field.rating")).append(": ")
                    .append(n.path("rating").isNull() ? "–" : n.path("rating").asText()).append('\n');
        }
        if (n.has("scorecard")) {
            var sc = Scorecard.parse(SyncJson.text(n, "scorecard"));
            out.append(Messages.text("sync.field.scorecard")).append(": ");
            sc.scores().forEach((c, v) -> out.append(Messages.text("review.score." + c.key())).append(' ').append(v)
                    .append("  "));
            if (sc.average() != null) {
                out.append(Messages.text("sync.field.average")).append(' ').append(sc.average().toPlainString());
            }
            out.append('\n');
        }
        if (n.has("notes")) {
            out.append(Messages.text("sync.field.notes")).append(":\n").append(n.path("notes").asText(""));
        }
        return out.toString().strip();
    }

    /** The copy is damaged: the error says what is wrong and what is safe; {@link #rebuildCopy} is offered. */
    public BooleanProperty damagedProperty() {
        return damaged;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Working on the offline copy (no server session): nothing can be sent or taken offline from here. */
    public boolean workingOffline() {
        return signedIn.offline();
    }

    public BooleanProperty reachableProperty() {
        return reachable;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty lastSyncProperty() {
        return lastSync;
    }

    public IntegerProperty pendingCountProperty() {
        return pendingCount;
    }

    public IntegerProperty conflictCountProperty() {
        return conflictCount;
    }

    public IntegerProperty offlineJobCountProperty() {
        return offlineJobCount;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    public ObjectProperty<JobRow> selectedJobProperty() {
        return selectedJob;
    }

    public ObservableList<Conflict> conflicts() {
        return conflicts;
    }

    public ObjectProperty<Conflict> selectedConflictProperty() {
        return selectedConflict;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public StringProperty theirsProperty() {
        return theirs;
    }

    public StringProperty mineProperty() {
        return mine;
    }
}
