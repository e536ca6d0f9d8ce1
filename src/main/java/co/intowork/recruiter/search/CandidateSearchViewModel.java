package co.intowork.recruiter.search;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.StringJoiner;

/**
 * Candidate search over every applicant the signed-in person may see (a recruiter: the company's; a hiring
 * manager: her jobs'). The view calls {@link #search()} as the user types (after a pause) and on Enter; a result
 * from an older search never replaces a newer one.
 */
public final class CandidateSearchViewModel {
    private static final Logger log = LoggerFactory.getLogger(CandidateSearchViewModel.class);
    /** The experience filter's choices, in years (null: any). */
    public static final List<Integer> MIN_YEARS = java.util.Arrays.asList(null, 1, 2, 3, 5, 10);

    private final CandidateSearchService service;
    private final TaskRunner tasks;
    private final Navigator navigator;
    private final boolean available;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Integer> minYears = new SimpleObjectProperty<>();
    private final ObservableList<CandidateSearchService.Result> results = FXCollections.observableArrayList();
    private final ObjectProperty<CandidateSearchService.Result> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private int generation;
    private String shown = "";

    public CandidateSearchViewModel(SignedIn signedIn, Navigator navigator) {
        this(new CandidateSearchService(signedIn), signedIn, navigator);
    }

    /** With the service the workspace built (the section registry). */
    public CandidateSearchViewModel(CandidateSearchService service, SignedIn signedIn, Navigator navigator) {
        this(service, signedIn.tasks(), navigator, !signedIn.offline());
    }

    CandidateSearchViewModel(CandidateSearchService service, TaskRunner tasks, Navigator navigator,
                             boolean available) {
        this.service = service;
        this.tasks = tasks;
        this.navigator = navigator;
        this.available = available;
        summary.set(Messages.text(available ? "search.hint" : "search.offline"));
    }

    /** Runs the search for what is typed now; an empty field clears the results. */
    public void search() {
        if (!available) {
            return;
        }
        String text = query.get() == null ? "" : query.get().strip();
        Integer years = minYears.get();
        String key = text + "|" + years;
        if (key.equals(shown) && !busy.get()) {
            return;
        }
        int searching = ++generation;
        shown = key;
        error.set("");
        if (text.isEmpty()) {
            busy.set(false);
            results.clear();
            selected.set(null);
            summary.set(Messages.text("search.hint"));
            return;
        }
        busy.set(true);
        tasks.run(() -> service.search(text, years), found -> {
            if (searching != generation) {
                return;
            }
            busy.set(false);
            results.setAll(found);
            selected.set(found.isEmpty() ? null : found.get(0));
            summary.set(summaryOf(found));
        }, failure -> {
            if (searching != generation) {
                return;
            }
            busy.set(false);
            shown = "";
            String reason = SqlErrors.describe(failure);
            log.error("Candidate search failed: {}", reason, failure);
            error.set(Messages.format("search.error", reason));
        });
    }

    private static String summaryOf(List<CandidateSearchService.Result> found) {
        if (found.isEmpty()) {
            return Messages.text("search.none");
        }
        if (found.get(0).candidate().capped()) {
            return Messages.format("search.capped", found.size());
        }
        return found.size() == 1 ? Messages.text("search.one") : Messages.format("search.many", found.size());
    }

    /** Enter on a hit: the review of its most recent application, or of the one chosen. */
    public void open(CandidateSearchService.Result result, AppliedJob job) {
        if (job != null) {
            navigator.showReview(job.applicationId());
        } else if (result != null && !result.jobs().isEmpty()) {
            navigator.showReview(result.jobs().get(0).applicationId());
        }
    }

    public void openSelected() {
        open(selected.get(), null);
    }

    public void clear() {
        query.set("");
        minYears.set(null);
        search();
    }

    // texts, so the view only lays them out

    public static String detailsText(CandidateHit hit) {
        StringJoiner line = new StringJoiner(" · ");
        if (hit.title() != null && !hit.title().isBlank()) {
            line.add(hit.title());
        }
        if (hit.location() != null && !hit.location().isBlank()) {
            line.add(hit.location());
        }
        if (hit.yearsExperience() != null) {
            line.add(Messages.format("search.years", hit.yearsExperience()));
        }
        return line.toString();
    }

    public static String jobText(AppliedJob job) {
        return Messages.format("search.job", job.jobTitle(), job.status().displayName());
    }

    public static String yearsChoiceText(Integer years) {
        return years == null ? Messages.text("search.anyExperience") : Messages.format("search.minYears", years);
    }

    public boolean available() {
        return available;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Integer> minYearsProperty() {
        return minYears;
    }

    public ObservableList<CandidateSearchService.Result> results() {
        return results;
    }

    public ObjectProperty<CandidateSearchService.Result> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
