package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static co.intowork.recruiter.review.ReviewFixture.CHLOE_APP;
import static co.intowork.recruiter.review.ReviewFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The review ViewModel without the FX toolkit, against a real database (ImmediateTaskRunner). */
class ReviewViewModelTest {
    private static final List<Integer> COLUMN = List.of(103, 102, CHLOE_APP);

    private TestDatabase.Db db;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final List<String> opened = new ArrayList<>();
    private ReviewViewModel viewModel;
    private SignedIn anne;

    @BeforeEach
    void setUp() {
        db = ReviewFixture.create("review_vm");
        anne = ReviewFixture.signIn(db, TwoCompanies.ANNE);
        viewModel = new ReviewViewModel(anne, navigator, id -> COLUMN, opened::add);
    }

    // each test's client pool (the suite's server has a connection limit)
    @org.junit.jupiter.api.AfterEach
    void closePool() {
        ((com.zaxxer.hikari.HikariDataSource) anne.unitOfWork().factory().getConfiguration().getEnvironment()
                .getDataSource()).close();
    }

    @Test
    void opensAnAppliedApplicationAndMarksItViewedLikeABoardMove() {
        viewModel.open(CHLOE_APP);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.headingProperty().get()).isEqualTo("Chloé Candidate");
        assertThat(viewModel.profileProperty().get()).contains("Data engineer", "Libreville", "6 years");
        assertThat(viewModel.experiences()).singleElement().asString().contains("Dev", "X");
        assertThat(viewModel.skills()).containsExactly("Java (4/5)");
        assertThat(viewModel.coverLetterProperty().get()).contains("join Alpha");
        assertThat(viewModel.messageProperty().get()).contains("viewed");
        assertThat(viewModel.subtitleProperty().get()).contains("Alpha engineer", "Viewed");
        assertThat(viewModel.timeline()).hasSize(2);
        assertThat(viewModel.timeline().get(1)).contains("Applied", "Viewed", "Anne Alpha");
        assertThat(viewModel.positionProperty().get()).isEqualTo("3 of 3 in this column");
        assertThat(value(db, "SELECT status::text || '|' || (viewed_at IS NOT NULL) FROM public.job_applications "
                + "WHERE id = 101")).isEqualTo("viewed|true");
        // the candidate is told once the undo window has passed, as for a board move (V38)
        assertThat(value(db, "SELECT from_status || '>' || to_status FROM recruiter.pending_status_notifications"
                + " WHERE application_id = 101")).isEqualTo("applied>viewed");
        assertThat(viewModel.dirtyProperty().get()).isFalse();
    }

    @Test
    void savesNotesRatingAndScorecard() {
        viewModel.open(CHLOE_APP);
        viewModel.notesProperty().set("Great first call");
        viewModel.ratingProperty().set("5");
        viewModel.scoreProperty(Scorecard.Criterion.MOTIVATION).set(5);
        assertThat(viewModel.dirtyProperty().get()).isTrue();
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved.");
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        assertThat(value(db, "SELECT notes || '|' || rating || '|' || (scorecard->>'motivation') "
                + "FROM public.job_applications WHERE id = 101")).isEqualTo("Great first call|5|5");
        // a second save builds on the new version
        viewModel.ratingProperty().set("");
        viewModel.save();
        assertThat(value(db, "SELECT coalesce(rating::text, 'none') FROM public.job_applications WHERE id = 101"))
                .isEqualTo("none");
    }

    private static List<co.intowork.recruiter.live.LiveEvent> changedElsewhere(TestDatabase.Db db) {
        int version = Integer.parseInt(value(db, "SELECT version FROM public.job_applications WHERE id = 101"));
        return List.of(new co.intowork.recruiter.live.LiveEvent("e", "changed", 11, CHLOE_APP, version, "viewed", null));
    }

    @Test
    void aChangeMadeElsewhereIsShownWhenNothingIsTyped() {
        viewModel.open(CHLOE_APP);
        ReviewFixture.update(db, "UPDATE public.job_applications SET notes = 'From the platform' WHERE id = 101");
        viewModel.applyLive(changedElsewhere(db));
        assertThat(viewModel.notesProperty().get()).isEqualTo("From the platform");
        assertThat(viewModel.messageProperty().get()).isEqualTo("This application was changed elsewhere: it is shown as it is now.");
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        // an event with the version shown (its own save coming back) changes nothing, typing included
        viewModel.notesProperty().set("typing");
        viewModel.applyLive(changedElsewhere(db));
        assertThat(viewModel.notesProperty().get()).isEqualTo("typing");
        assertThat(viewModel.messageProperty().get()).isEqualTo("This application was changed elsewhere: it is shown as it is now.");
    }

    @Test
    void aChangeMadeElsewhereKeepsTheTypingAndSaysSo() {
        viewModel.open(CHLOE_APP);
        viewModel.notesProperty().set("Mine, not saved");
        ReviewFixture.update(db, "UPDATE public.job_applications SET notes = 'From Albert' WHERE id = 101");
        viewModel.applyLive(changedElsewhere(db));
        assertThat(viewModel.notesProperty().get()).isEqualTo("Mine, not saved");
        assertThat(viewModel.dirtyProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("This application was changed elsewhere meanwhile; saving will say what changed.");
    }

    @Test
    void aConflictKeepsTheTypingAndReloadsOnRequest() {
        viewModel.open(CHLOE_APP);
        ReviewFixture.update(db, "UPDATE public.job_applications SET notes = 'From Albert' WHERE id = 101");
        viewModel.notesProperty().set("Mine");
        viewModel.save();
        assertThat(viewModel.conflictProperty().get()).isTrue();
        assertThat(viewModel.errorProperty().get()).contains("someone changed this application");
        assertThat(viewModel.notesProperty().get()).isEqualTo("Mine");
        assertThat(value(db, "SELECT notes FROM public.job_applications WHERE id = 101")).isEqualTo("From Albert");
        viewModel.reload();
        assertThat(viewModel.conflictProperty().get()).isFalse();
        assertThat(viewModel.notesProperty().get()).isEqualTo("From Albert");
    }

    @Test
    void aRatingOutsideOneToFiveIsRefusedAndNothingChanges() {
        viewModel.open(CHLOE_APP);
        for (String bad : List.of("6", "0", "abc", "3.5")) {
            viewModel.ratingProperty().set(bad);
            viewModel.save();
            assertThat(viewModel.errorProperty().get()).isEqualTo("The rating must be a whole number from 1 to 5, "
                    + "or empty.");
        }
        assertThat(value(db, "SELECT coalesce(rating::text, 'none') FROM public.job_applications WHERE id = 101"))
                .isEqualTo("none");
        assertThat(ReviewViewModel.parseRating(" 3 ")).isEqualTo(3);
        assertThat(ReviewViewModel.parseRating("")).isNull();
    }

    @Test
    void previousAndNextWalkTheColumnAndStopAtItsEnds() {
        viewModel.open(CHLOE_APP);
        viewModel.next();
        assertThat(viewModel.messageProperty().get()).contains("last application");
        viewModel.previous();
        assertThat(viewModel.headingProperty().get()).isEqualTo("Claude Candidate");
        assertThat(viewModel.positionProperty().get()).isEqualTo("2 of 3 in this column");
        viewModel.previous();
        assertThat(viewModel.headingProperty().get()).isEqualTo("Camille Candidate");
        viewModel.previous();
        assertThat(viewModel.messageProperty().get()).contains("first application");
        // unsaved typing is never dropped by moving on
        viewModel.notesProperty().set("draft");
        viewModel.next();
        assertThat(viewModel.errorProperty().get()).contains("Save your changes");
        assertThat(viewModel.headingProperty().get()).isEqualTo("Camille Candidate");
    }

    @Test
    void opensAnAbsoluteCvAndExplainsAPlatformPath() {
        viewModel.open(CHLOE_APP);
        viewModel.openCv();
        assertThat(opened).containsExactly("https://cdn.example.com/cv/chloe.pdf");
        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_url = '/uploads/cv/c.pdf' WHERE id = 101");
        viewModel.reload();
        viewModel.openCv();
        assertThat(opened).hasSize(1);
        assertThat(viewModel.errorProperty().get()).contains("/uploads/cv/c.pdf");
    }

    @Test
    void aCvTheSystemCannotOpenSaysSoOnScreen() {
        ReviewViewModel failing = new ReviewViewModel(anne, navigator, id -> COLUMN, url -> {
            throw new java.io.IOException("xdg-open exited with code 3");
        });
        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_url = 'https://cdn.example.com/cv/chloe.pdf'"
                + " WHERE id = 101");
        failing.open(CHLOE_APP);
        failing.openCv();
        assertThat(failing.errorProperty().get()).isEqualTo("The CV could not be opened (xdg-open exited with code 3)."
                + " Its address is https://cdn.example.com/cv/chloe.pdf: copy it into a browser, or ask IT to set up"
                + " a PDF viewer on this computer.");
        assertThat(failing.messageProperty().get()).isEmpty();
    }

    @Test
    void aPdfCvIsPreviewedInsideTheReviewAndAnythingElseSaysWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pdf = dir.resolve("cv.pdf");
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(pdf.toFile());
        }
        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_url = '" + pdf.toUri() + "' WHERE id = 101");
        viewModel.open(CHLOE_APP);
        viewModel.previewCv();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.cvPages()).hasSize(2).allSatisfy(png ->
                assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G'));
        // another application does not keep this one's pages
        viewModel.open(102);
        assertThat(viewModel.cvPages()).isEmpty();

        java.nio.file.Path text = dir.resolve("cv.pdf.txt");
        java.nio.file.Files.writeString(text, "not a pdf");
        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_url = '" + text.toUri() + "' WHERE id = 101");
        viewModel.open(CHLOE_APP);
        viewModel.previewCv();
        assertThat(viewModel.cvPages()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo(
                "The CV cannot be shown here (it is not a PDF file); Open CV may still open it.");

        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_url = 'https://cv.invalid/c.pdf' WHERE id = 101");
        viewModel.open(CHLOE_APP);
        viewModel.previewCv();
        assertThat(viewModel.errorProperty().get()).contains("the server cv.invalid could not be reached");
    }

    @Test
    void theDesktopOpenerReportsAMissingFile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DesktopCvOpener()
                        .open(java.nio.file.Path.of("/nonexistent/cv-" + System.nanoTime() + ".pdf").toUri().toString()))
                .isInstanceOf(co.intowork.recruiter.common.db.UserFacingException.class)
                .hasMessageContaining("is not on this computer");
    }

    @Test
    void anotherCompanysApplicationIsNotFoundAndBackGoesToTheBoard() {
        viewModel.open(201);
        assertThat(viewModel.errorProperty().get()).contains("not found");
        viewModel.open(CHLOE_APP);
        viewModel.backToBoard();
        assertThat(navigator.requests()).containsExactly("board 11");
    }

    @Test
    void openingAnotherApplicationNeverDropsUnsavedTyping() {
        viewModel.open(CHLOE_APP);
        viewModel.notesProperty().set("half-written");
        viewModel.open(102);
        assertThat(viewModel.headingProperty().get()).isEqualTo("Chloé Candidate");
        assertThat(viewModel.notesProperty().get()).isEqualTo("half-written");
        assertThat(viewModel.errorProperty().get()).contains("Save your changes");
    }

    @Test
    void theBoardGivesTheIdsOfTheColumnHoldingAnApplication() {
        BoardViewModel board = new BoardViewModel(ReviewFixture.signIn(db, TwoCompanies.ANNE), navigator);
        board.open(11);
        assertThat(board.columnIdsContaining(102)).containsExactly(103, 102, CHLOE_APP);
        assertThat(board.columnIdsContaining(999)).isEmpty();
        ReviewViewModel fromBoard = new ReviewViewModel(ReviewFixture.signIn(db, TwoCompanies.ANNE), navigator,
                board::columnIdsContaining, opened::add);
        fromBoard.open(102);
        assertThat(fromBoard.positionProperty().get()).isEqualTo("2 of 3 in this column");
    }

    @Test
    void movesThroughTheBoardsRulesAndMove() {
        viewModel.open(CHLOE_APP);
        assertThat(viewModel.moveTargets()).containsExactly(ApplicationStatus.SHORTLISTED,
                ApplicationStatus.INTERVIEW, ApplicationStatus.REJECTED);
        viewModel.moveTo(ApplicationStatus.ACCEPTED);
        assertThat(viewModel.errorProperty().get()).isNotEmpty();
        assertThat(value(db, "SELECT status::text FROM public.job_applications WHERE id = 101")).isEqualTo("viewed");
        viewModel.moveTo(ApplicationStatus.SHORTLISTED);
        assertThat(viewModel.messageProperty().get()).contains("Shortlisted");
        assertThat(viewModel.subtitleProperty().get()).contains("Shortlisted");
        assertThat(viewModel.timeline()).hasSize(3);
        // viewed then shortlisted within one undo window: one message, the final status
        ReviewFixture.update(db, "UPDATE recruiter.pending_status_notifications SET due_at = clock_timestamp()");
        value(db, "SELECT recruiter.deliver_due_status_notifications()::text");
        assertThat(value(db, "SELECT string_agg(title, ',') FROM public.notifications WHERE user_id = 6 AND type = "
                + "'STATUS_CHANGE' AND related_application_id = 101")).isEqualTo("⭐ Vous avez été présélectionné(e)");
        ReviewFixture.update(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = 101");
        viewModel.moveTo(ApplicationStatus.REJECTED);
        assertThat(viewModel.conflictProperty().get()).isTrue();
        assertThat(value(db, "SELECT status::text FROM public.job_applications WHERE id = 101")).isEqualTo("interview");
    }
}
