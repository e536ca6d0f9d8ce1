package co.intowork.recruiter.live;

import co.intowork.recruiter.common.tasks.TaskRunner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The workspace's subscribers to the live feed (board, pipeline, review, inbox). The feed's thread publishes; each
 * subscriber is called where UI state may change (through the task runner), so ViewModels never see another thread.
 */
public final class LiveUpdates {
    private final TaskRunner tasks;
    private final List<Consumer<List<LiveEvent>>> subscribers = new CopyOnWriteArrayList<>();

    public LiveUpdates(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public void subscribe(Consumer<List<LiveEvent>> subscriber) {
        subscribers.add(subscriber);
    }

    /** From any thread. */
    public void publish(List<LiveEvent> events) {
        if (events.isEmpty() || subscribers.isEmpty()) {
            return;
        }
        tasks.onUi(() -> subscribers.forEach(s -> s.accept(events)));
    }
}
