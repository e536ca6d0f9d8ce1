package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.review.ReviewViewModel;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.SyncViewModel;
import javafx.beans.value.ObservableNumberValue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The signed-in workspace: one ViewModel per section of the registry, built in its order for one signed-in person,
 * and navigation between them. No scene-graph types: the main window makes each view from its ViewModel.
 */
final class Workspace implements Navigator {
    private final Map<Section, Object> viewModels = new EnumMap<>(Section.class);
    private final List<Section> sections;
    private final Consumer<Section> showSection;
    private final WorkspaceContext context;

    /**
     * {@code offlineCopy}: the copy on this computer (see {@link WorkspaceContext}); {@code showSection} selects a
     * section in the main window.
     */
    Workspace(List<Section> sections, SignedIn signedIn, WorkspaceSettings settings, Supplier<Database> offlineCopy,
              BooleanSupplier copyOnDisk, CopyRepair repair, Consumer<Section> showSection) {
        this.sections = List.copyOf(sections);
        this.showSection = showSection;
        context = new WorkspaceContext(signedIn, this, settings, offlineCopy, copyOnDisk, repair,
                Collections.unmodifiableMap(viewModels));
        for (Section section : this.sections) {
            viewModels.put(section, section.screen().createViewModel(context));
        }
    }

    List<Section> sections() {
        return sections;
    }

    /** The section's ViewModel; null when this workspace has no such section. */
    Object viewModel(Section section) {
        return viewModels.get(section);
    }

    <T> T viewModel(Section section, Class<T> type) {
        return type.cast(viewModels.get(section));
    }

    /** The count the section's button shows, or null for none. */
    ObservableNumberValue count(Section section) {
        Object vm = viewModels.get(section);
        return vm == null ? null : section.screen().count(vm);
    }

    /** At sign-in and once a minute: what the platform may change at any time (unread count, the server's state). */
    void refresh() {
        viewModels.forEach((section, vm) -> section.screen().refresh(vm));
    }

    /** Typing not saved yet: a review's notes, rating or scorecard (job editors are modal and ask themselves). */
    boolean hasUnsavedWork() {
        for (var e : viewModels.entrySet()) {
            if (e.getKey().screen().hasUnsavedWork(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The workspace's own connections and timers (the statistics replica's pool, the notifications' delivery); the
     * main window owns the offline copy.
     */
    void close() {
        viewModels.forEach((section, vm) -> section.screen().close(vm));
        context.close();
    }

    /** The Offline section, when this workspace has it: whether the server answers, and what waits. */
    SyncViewModel sync() {
        return viewModel(Section.SYNC, SyncViewModel.class);
    }

    @Override
    public void showPipeline() {
        showSection.accept(Section.PIPELINE);
    }

    @Override
    public void showBoard(int jobId) {
        viewModel(Section.BOARD, BoardViewModel.class).open(jobId);
        showSection.accept(Section.BOARD);
    }

    @Override
    public void showReview(int applicationId) {
        viewModel(Section.REVIEW, ReviewViewModel.class).open(applicationId);
        showSection.accept(Section.REVIEW);
    }
}
