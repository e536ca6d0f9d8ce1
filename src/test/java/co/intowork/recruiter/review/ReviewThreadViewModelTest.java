package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static co.intowork.recruiter.review.ReviewFixture.CHLOE_APP;
import static co.intowork.recruiter.review.ReviewFixture.update;
import static co.intowork.recruiter.review.ReviewFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The review's notes thread through its ViewModel, on real PostgreSQL (ImmediateTaskRunner). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewThreadViewModelTest {
    private TestDatabase.Db db;
    private SignedIn anne;
    private SignedIn hugo;
    private ReviewViewModel viewModel;

    @BeforeAll
    void data() {
        db = ReviewFixture.create("review_thread_vm");
        anne = ReviewFixture.signIn(db, TwoCompanies.ANNE);
        hugo = ReviewFixture.signIn(db, TwoCompanies.HUGO);
    }

    @BeforeEach
    void open() {
        update(db, "UPDATE public.job_applications SET recruiter_notes = NULL, notes = NULL, rating = NULL "
                + "WHERE id = ?", CHLOE_APP);
        viewModel = new ReviewViewModel(anne, new RecordingNavigator(), id -> List.of(CHLOE_APP), url -> { });
        viewModel.open(CHLOE_APP);
    }

    @Test
    void aTypedNoteIsUnsavedWorkUntilAddedThenShownWithItsAuthor() {
        assertThat(viewModel.thread()).isEmpty();
        viewModel.noteDraftProperty().set("Call back Monday");
        assertThat(viewModel.dirtyProperty().get()).as("sign-out asks first").isTrue();
        viewModel.addNote();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Note added.");
        assertThat(viewModel.noteDraftProperty().get()).isEmpty();
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        assertThat(viewModel.thread()).singleElement().satisfies(item -> {
            assertThat(item.heading()).startsWith("Anne Alpha · ");
            assertThat(item.text()).isEqualTo("Call back Monday");
            assertThat(item.mine()).isTrue();
        });
    }

    @Test
    void addingANoteDoesNotMakeTheNextSaveConflictButSomeoneElsesChangeStillDoes() {
        viewModel.ratingProperty().set("4");
        viewModel.noteDraftProperty().set("first impression");
        viewModel.addNote();
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(value(db, "SELECT rating FROM public.job_applications WHERE id = ?", CHLOE_APP)).isEqualTo("4");

        // a colleague saves meanwhile, then Anne adds a note: her next save must still be refused
        update(db, "UPDATE public.job_applications SET notes = 'colleague' WHERE id = ?", CHLOE_APP);
        viewModel.noteDraftProperty().set("second");
        viewModel.addNote();
        viewModel.ratingProperty().set("2");
        viewModel.save();
        assertThat(viewModel.conflictProperty().get()).isTrue();
        assertThat(value(db, "SELECT notes || '|' || rating FROM public.job_applications WHERE id = ?", CHLOE_APP))
                .isEqualTo("colleague|4");
    }

    @Test
    void othersNotesCannotBeDeletedHereAndOnesOwnCan() {
        new ReviewService(hugo).addNote(CHLOE_APP, "Hugo's feedback");
        viewModel.reload();
        viewModel.noteDraftProperty().set("mine");
        viewModel.addNote();
        assertThat(viewModel.thread()).extracting(ReviewViewModel.ThreadItem::heading)
                .first().asString().startsWith("Hugo Manager (hiring manager) · ");
        ReviewViewModel.ThreadItem hugos = viewModel.thread().get(0);
        assertThat(hugos.mine()).isFalse();
        viewModel.deleteNote(hugos);
        assertThat(viewModel.errorProperty().get()).isEqualTo("Only its author can delete a note.");
        viewModel.deleteNote(viewModel.thread().get(1));
        assertThat(viewModel.messageProperty().get()).isEqualTo("Note deleted.");
        assertThat(viewModel.thread()).extracting(ReviewViewModel.ThreadItem::text).containsExactly("Hugo's feedback");
    }

    @Test
    void anEmptyOrLongNoteIsRefusedWithAReason() {
        viewModel.noteDraftProperty().set("   ");
        viewModel.addNote();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Type the note first.");
        viewModel.noteDraftProperty().set("x".repeat(2001));
        viewModel.addNote();
        assertThat(viewModel.errorProperty().get()).contains("1 to 2000 characters");
        assertThat(viewModel.noteDraftProperty().get()).as("kept").hasSize(2001);
    }
}
