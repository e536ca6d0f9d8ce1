package co.intowork.recruiter.notifications;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.live.LiveEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The inbox: the signed-in person's notifications newest first, one page at a time, with the unread count the
 * main window shows. Opening a notification marks it read and goes to the application or job it is about.
 */
public final class InboxViewModel {
    private static final Logger log = LoggerFactory.getLogger(InboxViewModel.class);

    private final NotificationService service;
    private final TaskRunner tasks;
    private final Navigator navigator;

    private final ObservableList<Notification> items = FXCollections.observableArrayList();
    private final LongProperty unreadCount = new SimpleLongProperty(0);
    private final BooleanProperty unreadOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final StringProperty errorMessage = new SimpleStringProperty("");
    // notifications are not copied offline: an empty list there says so rather than "nothing new"
    private boolean offline;

    public InboxViewModel(SignedIn signedIn, Navigator navigator) {
        this(new NotificationService(signedIn.unitOfWork(), signedIn.user()), signedIn, navigator);
    }

    /** With the service the workspace built. */
    public InboxViewModel(NotificationService service, SignedIn signedIn, Navigator navigator) {
        this(service, signedIn.tasks(), navigator);
        this.offline = signedIn.offline();
    }

    InboxViewModel(NotificationService service, TaskRunner tasks, Navigator navigator) {
        this.service = service;
        this.tasks = tasks;
        this.navigator = navigator;
        unreadOnly.addListener((obs, was, now) -> reload());
    }

    public String emptyText() {
        return Messages.text(offline ? "offline.inbox" : "inbox.empty");
    }

    /** The first page and the count again, e.g. when the inbox is shown or on the periodic refresh. */
    public void reload() {
        load(null);
    }

    public void loadMore() {
        if (!hasMore.get() || loading.get() || items.isEmpty()) {
            return;
        }
        load(items.get(items.size() - 1));
    }

    private void load(Notification after) {
        loading.set(true);
        boolean onlyUnread = unreadOnly.get();
        tasks.run(() -> new Loaded(service.page(onlyUnread, after), service.unreadCount()),
                loaded -> {
                    if (after == null) {
                        items.setAll(loaded.page());
                    } else {
                        items.addAll(loaded.page());
                    }
                    hasMore.set(loaded.page().size() == NotificationService.PAGE_SIZE);
                    unreadCount.set(loaded.unread());
                    errorMessage.set("");
                    loading.set(false);
                },
                this::failed);
    }

    /** The badge follows the person's notifications as they arrive or are read elsewhere (decision 0021). */
    public void applyLive(java.util.List<LiveEvent> events) {
        if (events.stream().anyMatch(LiveEvent::isNotification)) {
            refreshUnreadCount();
        }
    }

    public void refreshUnreadCount() {
        tasks.run(service::unreadCount, unreadCount::set, failure -> log.warn("Unread count: {}",
                SqlErrors.describe(failure)));
    }

    public void open(Notification notification) {
        if (notification == null) {
            return;
        }
        if (!notification.read()) {
            markRead(notification);
        }
        if (notification.relatedApplicationId() != null) {
            navigator.showReview(notification.relatedApplicationId());
        } else if (notification.relatedJobId() != null) {
            navigator.showBoard(notification.relatedJobId());
        }
    }

    public void markRead(Notification notification) {
        tasks.run(() -> service.markRead(notification), changed -> {
            replace(notification, true);
            if (changed) {
                unreadCount.set(Math.max(0, unreadCount.get() - 1));
            }
        }, this::failed);
    }

    public void markAllRead() {
        tasks.run(service::markAllRead, changed -> {
            if (unreadOnly.get()) {
                items.clear();
                hasMore.set(false);
            } else {
                for (Notification n : List.copyOf(items)) {
                    replace(n, true);
                }
            }
            unreadCount.set(0);
        }, this::failed);
    }

    private void replace(Notification n, boolean read) {
        int index = items.indexOf(n);
        if (index < 0) {
            return;
        }
        if (unreadOnly.get() && read) {
            items.remove(index);
        } else {
            items.set(index, new Notification(n.id(), n.type(), n.title(), n.message(), n.relatedJobId(),
                    n.relatedApplicationId(), read, n.createdAt()));
        }
    }

    private void failed(Throwable failure) {
        String message = SqlErrors.describe(failure);
        log.error("Inbox: {}", message, failure);
        errorMessage.set(message);
        loading.set(false);
    }

    /**
     * The platform starts its titles with an emoji ("📝 Nouvelle candidature reçue"); JavaFX cannot draw colour
     * emoji and many workstations lack a fallback font, so the inbox shows an icon per type instead.
     */
    public static String displayTitle(String title) {
        if (title == null) {
            return "";
        }
        int i = 0;
        while (i < title.length()) {
            int cp = title.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '"' || cp == '«' || cp == '(') {
                break;
            }
            i += Character.charCount(cp);
        }
        return i < title.length() ? title.substring(i) : title;
    }

    /** An Ikonli Feather icon literal for the notification type. */
    public static String iconFor(String type) {
        return switch (type == null ? "" : type) {
            case "NEW_APPLICATION" -> "fth-user-plus";
            case "STATUS_CHANGE" -> "fth-shuffle";
            case "NEW_JOB" -> "fth-briefcase";
            case "MESSAGE" -> "fth-message-square";
            default -> "fth-info";
        };
    }

    private record Loaded(List<Notification> page, long unread) {
    }

    public ObservableList<Notification> items() {
        return items;
    }

    public ReadOnlyLongProperty unreadCountProperty() {
        return unreadCount;
    }

    public BooleanProperty unreadOnlyProperty() {
        return unreadOnly;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }
}
