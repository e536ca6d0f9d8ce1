package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.StartupClock;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.live.LiveEvent;
import co.intowork.recruiter.review.ReviewService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The job pipeline: the jobs the signed-in person may see, filtered, searched and sorted, loaded page by page
 * (keyset) as the list scrolls; opening a job leads to its board.
 */
public final class PipelineViewModel {
    // A full-height window at 1080p shows about 35 rows; the next page loads as the list scrolls. Every row costs
    // its counts and its mapping, so a page of 100 spent half its time on rows nobody saw yet (decision 0027).
    public static final int PAGE_SIZE = 50;
    private static final Logger log = LoggerFactory.getLogger(PipelineViewModel.class);

    private final SignedIn signedIn;
    private final Navigator navigator;
    private final PipelineService service;

    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<JobType> jobType = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationType> locationType = new SimpleObjectProperty<>();
    private final ObjectProperty<String> country = new SimpleObjectProperty<>();
    private final ObjectProperty<Recruiter> recruiter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    // typed or picked; applied on refresh() like the search text, in the platform's form
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<JobSort> sort = new SimpleObjectProperty<>(JobSort.NEWEST);

    private final ObservableList<JobSummary> jobs = FXCollections.observableArrayList();
    private final ObservableList<Recruiter> recruiters = FXCollections.observableArrayList();
    private final ObservableList<String> countries = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");

    // answers to an older request (filters changed meanwhile) are dropped
    private int generation;
    private PipelineCriteria shown;

    public PipelineViewModel(SignedIn signedIn, Navigator navigator) {
        this(new PipelineService(signedIn.unitOfWork()), signedIn, navigator);
    }

    /** With the service the workspace built. */
    public PipelineViewModel(PipelineService service, SignedIn signedIn, Navigator navigator) {
        this.signedIn = signedIn;
        this.navigator = navigator;
        this.service = service;
        for (var filter : new javafx.beans.Observable[] {status, jobType, locationType, country, recruiter, sort}) {
            filter.addListener(o -> refresh());
        }
        jobs.addListener((javafx.collections.ListChangeListener<JobSummary>) c -> updateSummary());
        total.addListener(o -> updateSummary());
    }

    public void start() {
        signedIn.tasks().run(() -> service.choices(companyId(), signedIn.user().userId()), choices -> {
            recruiters.setAll(choices.recruiters());
            countries.setAll(choices.countries());
        }, this::fail);
        refresh();
    }

    public boolean canEdit() {
        return signedIn.user().isRecruiter() && !signedIn.offline();
    }

    private Integer companyId() {
        return signedIn.user().isRecruiter() ? signedIn.user().companyId() : null;
    }

    /** Who posted the job, from the recruiter filter's list (empty until it has loaded). */
    public String recruiterName(JobSummary job) {
        for (Recruiter r : recruiters) {
            if (r.employerId() == job.getEmployerId()) {
                return r.name();
            }
        }
        return "";
    }

    /**
     * The criteria of the first page for the filters as they are now. "Expiring soonest" splits the jobs at this
     * moment; the next pages (loadMore) keep it, a refresh takes a new one.
     */
    public PipelineCriteria criteria() {
        Recruiter r = recruiter.get();
        String text = search.get() == null ? "" : search.get().trim();
        String tagText = ReviewService.normalizeTag(tag.get());
        return new PipelineCriteria(companyId(), signedIn.user().userId(), status.get(), jobType.get(),
                locationType.get(), country.get(), r == null ? null : r.employerId(), text.isEmpty() ? null : text,
                tagText.isEmpty() ? null : tagText, sort.get(), null, PAGE_SIZE, java.time.OffsetDateTime.now());
    }

    public void refresh() {
        PipelineCriteria criteria = criteria();
        int request = ++generation;
        loading.set(true);
        error.set("");
        signedIn.tasks().run(() -> service.page(criteria), page -> {
            if (request != generation) {
                return;
            }
            shown = criteria;
            total.set(page.total());
            jobs.setAll(page.rows());
            hasMore.set(page.rows().size() == criteria.limit());
            loading.set(false);
            StartupClock.reached("pipeline shown after sign-in");
        }, failure -> {
            if (request == generation) {
                fail(failure);
            }
        });
    }

    /** The next page after the last row shown; nothing when a page is already on its way or none is left. */
    public void loadMore() {
        if (loading.get() || !hasMore.get() || jobs.isEmpty() || shown == null) {
            return;
        }
        PipelineCriteria next = shown.after(jobs.get(jobs.size() - 1));
        int request = generation;
        loading.set(true);
        signedIn.tasks().run(() -> service.page(next), page -> {
            if (request != generation) {
                return;
            }
            jobs.addAll(page.rows());
            hasMore.set(page.rows().size() == next.limit());
            loading.set(false);
        }, failure -> {
            if (request == generation) {
                fail(failure);
            }
        });
    }

    /**
     * Changes made elsewhere (live board, decision 0021): the jobs shown that they concern get their counts read
     * again, rows replaced in place, so the list, its scroll position and its selection stay.
     */
    public void applyLive(java.util.List<LiveEvent> events) {
        if (shown == null || jobs.isEmpty()) {
            return;
        }
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        events.forEach(e -> {
            if (e.jobId() != null && !e.isNotification()) {
                ids.add(e.jobId());
            }
        });
        if (jobs.stream().noneMatch(j -> ids.contains(j.getId()))) {
            return;
        }
        // the rows shown, read again as one page of the same criteria (the tag and the expiring order's moment
        // included, so that the page holds the same jobs)
        PipelineCriteria again = shown.firstRows(Math.max(jobs.size(), shown.limit()));
        int request = generation;
        signedIn.tasks().run(() -> service.page(again), page -> {
            if (request != generation) {
                return;
            }
            for (JobSummary row : page.rows()) {
                if (!ids.contains(row.getId())) {
                    continue;
                }
                for (int i = 0; i < jobs.size(); i++) {
                    if (jobs.get(i).getId() == row.getId()) {
                        jobs.set(i, row);
                    }
                }
            }
        }, failure -> log.warn("Live update of the pipeline: {}", SqlErrors.describe(failure)));
    }

    /** Opens the job's board, remembering that the person has now seen its applications. */
    public void open(JobSummary job) {
        if (job == null) {
            return;
        }
        signedIn.tasks().run(() -> {
            service.markSeen(signedIn.user().userId(), job.getId());
            return null;
        }, done -> {
            int index = jobs.indexOf(job);
            job.setNewCount(0);
            if (index >= 0) {
                jobs.set(index, job);
            }
        }, failure -> log.warn("Could not remember that job {} was seen", job.getId(), failure));
        navigator.showBoard(job.getId());
    }

    public JobEditorViewModel newJob() {
        return new JobEditorViewModel(service, signedIn.tasks(), canEdit(), new Job(), saved -> refresh());
    }

    /**
     * "Copy job": loads the job's every field and hands {@code ready} the editor of a new draft holding them; nothing
     * is stored until the person saves it.
     */
    public void copy(JobSummary job, Consumer<JobEditorViewModel> ready) {
        if (job == null || !canEdit()) {
            return;
        }
        signedIn.tasks().run(() -> service.load(job.getId()), loaded -> {
            JobEditorViewModel editor = new JobEditorViewModel(service, signedIn.tasks(), true,
                    loaded.copyAsDraft(java.time.OffsetDateTime.now()), saved -> refresh());
            editor.messageProperty().set(Messages.format("pipeline.copy.notice", job.getId()));
            ready.accept(editor);
        }, this::fail);
    }

    /** Loads the job's every field, then hands its editor to {@code ready}. */
    public void edit(JobSummary job, Consumer<JobEditorViewModel> ready) {
        if (job == null) {
            return;
        }
        signedIn.tasks().run(() -> service.load(job.getId()),
                loaded -> ready.accept(new JobEditorViewModel(service, signedIn.tasks(), canEdit(), loaded,
                        this::replaceRow)),
                this::fail);
    }

    /** Shows a saved job's new values in its row, where it is, without reloading the list. */
    private void replaceRow(Job saved) {
        for (int i = 0; i < jobs.size(); i++) {
            JobSummary row = jobs.get(i);
            if (row.getId() == saved.getId()) {
                row.setTitle(saved.getTitle());
                row.setStatus(saved.getStatus());
                row.setJobType(saved.getJobType());
                row.setLocationType(saved.getLocationType());
                row.setCountry(saved.getCountry());
                row.setLocation(saved.getLocation());
                row.setPostedAt(saved.getPostedAt());
                row.setExpiresAt(saved.getExpiresAt());
                row.setVersion(saved.getVersion());
                jobs.set(i, row);
                return;
            }
        }
    }

    private void fail(Throwable failure) {
        if (!SqlErrors.isSessionEnded(failure)) {
            log.error("Job pipeline: {}", failure.getMessage(), failure);
        }
        loading.set(false);
        error.set(SqlErrors.describe(failure));
    }

    private void updateSummary() {
        summary.set(Messages.format("pipeline.summary", jobs.size(), Math.max(total.get(), jobs.size())));
    }

    public void clearFilters() {
        status.set(null);
        jobType.set(null);
        locationType.set(null);
        country.set(null);
        recruiter.set(null);
        search.set("");
        tag.set("");
        refresh();
    }

    /** The tag filter's own clear button: the other filters stay. */
    public void clearTag() {
        if (tag.get() != null && !tag.get().isEmpty()) {
            tag.set("");
            refresh();
        }
    }

    /** Whether the job's posting had expired at the moment this listing was read (false with no expiry date). */
    public boolean expired(JobSummary job) {
        return shown != null && shown.sort() == JobSort.EXPIRING
                && shown.expiringGroup(job.getExpiresAt()) == PipelineCriteria.EXPIRED;
    }

    public ObjectProperty<JobStatus> statusProperty() { return status; }
    public ObjectProperty<JobType> jobTypeProperty() { return jobType; }
    public ObjectProperty<LocationType> locationTypeProperty() { return locationType; }
    public ObjectProperty<String> countryProperty() { return country; }
    public ObjectProperty<Recruiter> recruiterProperty() { return recruiter; }
    public StringProperty searchProperty() { return search; }
    public StringProperty tagProperty() { return tag; }
    public ObjectProperty<JobSort> sortProperty() { return sort; }
    public ObservableList<JobSummary> jobs() { return jobs; }
    public ObservableList<Recruiter> recruiters() { return recruiters; }
    public ObservableList<String> countries() { return countries; }
    public LongProperty totalProperty() { return total; }
    public BooleanProperty loadingProperty() { return loading; }
    public BooleanProperty hasMoreProperty() { return hasMore; }

    public StringProperty errorProperty() { return error; }
    public StringProperty summaryProperty() { return summary; }
}
