package co.intowork.recruiter.app;

import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Parent;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a section's screen is made once someone signs in: its ViewModel from the workspace's collaborators, its view
 * from the ViewModel, and what the main window asks of it (a count on its button, a refresh once a minute, typing
 * not saved yet, connections to let go at sign-out), and the feature's mappers. Declared once per section, in {@link Section}.
 */
final class Screen<VM> {
    private final Function<WorkspaceContext, VM> viewModel;
    private final Function<VM, Parent> view;
    private Function<VM, ObservableNumberValue> count;
    private Consumer<VM> refresh = vm -> { };
    private Predicate<VM> unsaved = vm -> false;
    private Consumer<VM> close = vm -> { };
    private List<Class<?>> mappers = List.of();

    private Screen(Function<WorkspaceContext, VM> viewModel, Function<VM, Parent> view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    static <VM> Screen<VM> of(Function<WorkspaceContext, VM> viewModel, Function<VM, Parent> view) {
        return new Screen<>(viewModel, view);
    }

    /** The MyBatis mappers of the screen's feature (registered with every database the app opens). */
    Screen<VM> mappers(Class<?>... mappers) {
        this.mappers = List.of(mappers);
        return this;
    }

    List<Class<?>> mappers() {
        return mappers;
    }

    /** A number shown on the section's button while above zero (the bundles' "nav.KEYCount" text). */
    Screen<VM> showsCount(Function<VM, ObservableNumberValue> count) {
        this.count = count;
        return this;
    }

    /** Run at sign-in and then once a minute while signed in: what the platform may change at any time. */
    Screen<VM> refreshedEveryMinute(Consumer<VM> refresh) {
        this.refresh = refresh;
        return this;
    }

    /** Whether the screen holds typing not saved yet (sign-out asks first). */
    Screen<VM> unsavedWork(Predicate<VM> unsaved) {
        this.unsaved = unsaved;
        return this;
    }

    /** What to let go of when the person signs out (runs off the UI thread). */
    Screen<VM> closing(Consumer<VM> close) {
        this.close = close;
        return this;
    }

    VM createViewModel(WorkspaceContext context) {
        return viewModel.apply(context);
    }

    // the workspace keeps each ViewModel beside the section that made it, so the casts below cannot fail

    @SuppressWarnings("unchecked")
    Parent createView(Object viewModel) {
        return view.apply((VM) viewModel);
    }

    boolean hasCount() {
        return count != null;
    }

    /** Null when the section's button shows no count. */
    @SuppressWarnings("unchecked")
    ObservableNumberValue count(Object viewModel) {
        return count == null ? null : count.apply((VM) viewModel);
    }

    @SuppressWarnings("unchecked")
    void refresh(Object viewModel) {
        refresh.accept((VM) viewModel);
    }

    @SuppressWarnings("unchecked")
    boolean hasUnsavedWork(Object viewModel) {
        return unsaved.test((VM) viewModel);
    }

    @SuppressWarnings("unchecked")
    void close(Object viewModel) {
        close.accept((VM) viewModel);
    }
}
