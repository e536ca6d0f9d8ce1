package co.intowork.recruiter.board;

import co.intowork.recruiter.common.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collections;
import java.util.List;

/**
 * One status column: the cards loaded so far (page by page, newest first), the live count of the whole column,
 * and where the next page starts. The cursor is kept apart from the list, since cards leave the list when moved.
 */
public final class BoardColumn {
    private final ApplicationStatus status;
    private final ObservableList<BoardCard> cards = FXCollections.observableArrayList();
    private final LongProperty count = new SimpleLongProperty(0);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty exhausted = new SimpleBooleanProperty(false);
    private final StringBinding title;
    private BoardCard cursor;
    private java.util.Comparator<BoardCard> order = BoardCard::newestFirst;

    BoardColumn(ApplicationStatus status) {
        this.status = status;
        this.title = Bindings.createStringBinding(
                () -> Messages.format("board.column.title", status.shortcut(), status.displayName(), count.get()),
                count);
    }

    public ApplicationStatus status() {
        return status;
    }

    public ObservableList<BoardCard> cards() {
        return cards;
    }

    public ReadOnlyLongProperty countProperty() {
        return count;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty exhaustedProperty() {
        return exhausted;
    }

    /** The order the column's pages come in (the board's order choice); cards arriving are placed by it. */
    void setOrder(BoardOrder wanted) {
        order = wanted == BoardOrder.AI_SCORE ? BoardCard::bestMatchFirst : BoardCard::newestFirst;
    }

    void reset() {
        cards.clear();
        count.set(0);
        cursor = null;
        exhausted.set(false);
        loading.set(false);
    }

    void setCount(long value) {
        count.set(value);
    }

    BoardCard cursor() {
        return cursor;
    }

    boolean isLoading() {
        return loading.get();
    }

    void setLoading(boolean value) {
        loading.set(value);
    }

    void appendPage(List<BoardCard> page, int pageSize) {
        for (BoardCard card : page) {
            if (indexOf(card.applicationId()) < 0) {
                cards.add(card);
            }
        }
        if (!page.isEmpty()) {
            cursor = page.get(page.size() - 1);
        }
        exhausted.set(page.size() < pageSize);
    }

    int indexOf(int applicationId) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).applicationId() == applicationId) {
                return i;
            }
        }
        return -1;
    }

    boolean remove(int applicationId) {
        int i = indexOf(applicationId);
        if (i >= 0) {
            cards.remove(i);
            return true;
        }
        return false;
    }

    /** The same card, changed in place (rating, name…): the list keeps its order and the selection. */
    void replace(BoardCard card) {
        int i = indexOf(card.applicationId());
        if (i >= 0) {
            cards.set(i, card);
        }
    }

    /** Shows a card that arrived in this column in its place, also after the loaded pages (a move's own card). */
    void placeShown(BoardCard card) {
        remove(card.applicationId());
        int at = Collections.binarySearch(cards, card, order);
        cards.add(at < 0 ? -at - 1 : at, card);
    }

    /**
     * Shows a card that arrived in this column where the list would have it. A card that sorts after the loaded
     * pages is left to the page that will load it, so no card is ever shown twice.
     */
    void place(BoardCard card) {
        remove(card.applicationId());
        if (!exhausted.get() && (cursor == null || order.compare(card, cursor) > 0)) {
            return;
        }
        int at = Collections.binarySearch(cards, card, order);
        cards.add(at < 0 ? -at - 1 : at, card);
    }
}
