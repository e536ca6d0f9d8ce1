package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.sync.SyncCounts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What sign-out asks before it happens: with typing not saved yet, whether to sign out anyway; then, when this
 * computer holds an offline copy with something in it, whether to keep it (for working offline later) or wipe it,
 * saying how many changes in it have not reached the server yet. The answer is handed to the sign-out itself.
 */
final class SignOutQuestion {
    private static final Logger log = LoggerFactory.getLogger(SignOutQuestion.class);

    /** The copy to ask about. */
    interface Copy {
        /** Whether there is one: on disk, or the window's database (a look that starts nothing). */
        boolean worthAsking();

        /** The copy, opened when the question needs it. */
        Supplier<Database> database();
    }

    private final TaskRunner tasks;
    private final Function<Database, SyncCounts> counts;
    private final StringProperty question = new SimpleStringProperty("");
    // the question is about unsaved work (sign out anyway?), not about the offline copy
    private final BooleanProperty aboutUnsavedWork = new SimpleBooleanProperty(false);
    private final Copy copy;
    private final Consumer<Boolean> signOut;

    /**
     * {@code counts}: the jobs and unsent changes in a copy (read off the UI thread); {@code signOut}: signs out,
     * wiping the copy or not, once the question is answered (or was not worth asking).
     */
    SignOutQuestion(TaskRunner tasks, Function<Database, SyncCounts> counts, Copy copy, Consumer<Boolean> signOut) {
        this.tasks = tasks;
        this.counts = counts;
        this.copy = copy;
        this.signOut = signOut;
    }

    /** The person asked to sign out; {@code unsavedWork}: whether the workspace holds typing not saved yet. */
    void ask(BooleanSupplier unsavedWork) {
        if (unsavedWork.getAsBoolean()) {
            aboutUnsavedWork.set(true);
            question.set(Messages.text("main.signOut.unsaved"));
            return;
        }
        askAboutTheCopy();
    }

    /** The answer "sign out anyway" to the unsaved-work question: the unsaved typing is dropped. */
    void discardChanges() {
        aboutUnsavedWork.set(false);
        question.set("");
        askAboutTheCopy();
    }

    void cancel() {
        aboutUnsavedWork.set(false);
        question.set("");
    }

    /** The answer to the question about the copy: wipe it, or keep it. */
    void confirm(boolean wipeCopy) {
        question.set("");
        done(wipeCopy);
    }

    private void askAboutTheCopy() {
        if (!copy.worthAsking()) {
            done(false);
            return;
        }
        Supplier<Database> db = copy.database();
        tasks.run(() -> counts.apply(db.get()), found -> {
                    if (found.jobs() == 0 && found.pending() == 0) {
                        done(false);
                    } else {
                        question.set(found.pending() == 0 ? Messages.text("sync.wipe.question")
                                : Messages.format("sync.wipe.questionPending", found.pending()));
                    }
                },
                failure -> {
                    // e.g. someone else's copy: never offer to wipe what may be their unsent work
                    log.warn("Offline copy: {}", SqlErrors.describe(failure));
                    done(false);
                });
    }

    private void done(boolean wipeCopy) {
        signOut.accept(wipeCopy);
    }

    /** Non-empty while sign-out asks. */
    ReadOnlyStringProperty questionProperty() {
        return question;
    }

    ReadOnlyBooleanProperty aboutUnsavedWorkProperty() {
        return aboutUnsavedWork;
    }
}
