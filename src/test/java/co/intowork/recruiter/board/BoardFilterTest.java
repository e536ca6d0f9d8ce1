package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static co.intowork.recruiter.board.ApplicationStatus.APPLIED;
import static co.intowork.recruiter.board.ApplicationStatus.SHORTLISTED;
import static co.intowork.recruiter.board.ApplicationStatus.VIEWED;
import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's search and filters (name, rating, tag, source) and the selection kept after a move, through the
 * ViewModel on real PostgreSQL: 400 extra applications on Alpha's job, so columns page (67 cards, pages of 50).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardFilterTest {
    private TestDatabase.Db db;
    private SignedIn anne;
    private BoardViewModel board;

    @BeforeAll
    void data() {
        db = BoardFixture.create("board_filter", 400);
        // tags in the platform's format and sources (source_ref) on some of them
        exec(db, "UPDATE public.job_applications SET tags = '[\"urgent\", \"bilingue\"]' "
                + "WHERE candidate_id BETWEEN 1001 AND 1012");
        exec(db, "UPDATE public.job_applications SET source_ref = 'linkedin' WHERE candidate_id % 10 = 3");
        exec(db, "UPDATE public.users SET first_name = 'Élodie' WHERE id = 1077");
        anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
    }

    @BeforeEach
    void open() {
        board = new BoardViewModel(new BoardService(anne), new ImmediateTaskRunner(), new RecordingNavigator(),
                Clock.systemDefaultZone());
        board.open(ALPHA_JOB);
    }

    private List<BoardCard> shown() {
        return board.columns().stream().flatMap(c -> c.cards().stream()).toList();
    }

    @Test
    void theNameFilterSearchesEveryColumnWholeNotOnlyTheLoadedPages() {
        assertThat(board.column(VIEWED).cards()).hasSize(50);
        board.filterNameProperty().set("cand39");
        board.applyFilter();
        // Cand39 and Cand390..399; Cand39x are old applications, far beyond the first page of their columns
        assertThat(shown()).extracting(BoardCard::candidateName).containsExactlyInAnyOrder(
                Stream.concat(Stream.of("Cand39 Test"), java.util.stream.IntStream.range(390, 400)
                        .mapToObj(i -> "Cand" + i + " Test")).toArray(String[]::new));
        assertThat(board.filteredProperty().get()).isTrue();
        assertThat(board.column(VIEWED).countProperty().get()).as("counts stay those of the whole column")
                .isEqualTo(67);

        board.filterNameProperty().set("ELODIE");
        board.applyFilter();
        assertThat(shown()).extracting(BoardCard::candidateName).containsExactly("Élodie Test");

        board.filterNameProperty().set("100%_");
        board.applyFilter();
        assertThat(shown()).as("% and _ are literal").isEmpty();

        board.clearFilter();
        assertThat(board.filteredProperty().get()).isFalse();
        assertThat(board.column(VIEWED).cards()).hasSize(50);
    }

    @Test
    void ratingTagAndSourceFiltersCombine() {
        board.filterMinRatingProperty().set(5);
        board.applyFilter();
        assertThat(shown()).isNotEmpty().allSatisfy(c -> assertThat(c.rating()).isEqualTo(5));

        board.filterMinRatingProperty().set(null);
        board.applyFilter();
        assertThat(board.tagChoices()).containsExactly("bilingue", "urgent");
        assertThat(board.sourceChoices()).containsExactly("", "linkedin");
        board.filterTags().setAll("urgent");
        board.applyFilter();
        assertThat(shown()).extracting(BoardCard::candidateName).hasSize(12)
                .allSatisfy(n -> assertThat(n).matches("Cand([1-9]|1[0-2]) Test"));

        board.filterSources().setAll("linkedin");
        board.applyFilter();
        assertThat(shown()).extracting(BoardCard::candidateName).containsExactlyInAnyOrder("Cand3 Test");

        board.filterTags().clear();
        board.filterSources().clear();
        board.filterMinRatingProperty().set(4);
        board.applyFilter();
        int fourOrMore = shown().size();
        board.filterSources().setAll("");
        board.applyFilter();
        // rating 1 + g % 5 >= 4 for g % 10 in (3, 4, 8, 9); LinkedIn's are g % 10 = 3
        assertThat(shown()).as("direct applications rated 4 or more").isNotEmpty().hasSizeLessThan(fourOrMore)
                .allSatisfy(c -> assertThat(c.rating()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void anotherJobOpensUnfiltered() {
        board.filterNameProperty().set("cand1");
        board.applyFilter();
        board.open(12);
        assertThat(board.filterNameProperty().get()).isEmpty();
        assertThat(board.filteredProperty().get()).isFalse();
    }

    @Test
    void aMovedCardIsShownWhereItLandsAndReportedSoTheSelectionFollowsIt() {
        board.loadMore(VIEWED);
        // Cand361 (viewed, 361 hours old) sorts after the first page of Shortlisted (down to Cand296)
        BoardCard old = board.column(VIEWED).cards().stream().filter(c -> c.candidateName().equals("Cand361 Test"))
                .findFirst().orElseThrow();
        board.requestMove(List.of(old), SHORTLISTED);
        assertThat(board.placedProperty().get()).isEqualTo(new BoardViewModel.Placed(SHORTLISTED,
                List.of(old.applicationId())));
        assertThat(board.column(SHORTLISTED).cards()).extracting(BoardCard::applicationId)
                .contains(old.applicationId());
        board.loadMore(SHORTLISTED);
        assertThat(board.column(SHORTLISTED).cards()).extracting(BoardCard::applicationId)
                .filteredOn(id -> id == old.applicationId()).as("never shown twice").hasSize(1);

        // the next move of the same card starts from where it landed
        BoardCard landed = board.column(SHORTLISTED).cards().stream()
                .filter(c -> c.applicationId() == old.applicationId()).findFirst().orElseThrow();
        board.requestMove(List.of(landed), ApplicationStatus.INTERVIEW);
        assertThat(board.placedProperty().get().status()).isEqualTo(ApplicationStatus.INTERVIEW);
        assertThat(board.errorProperty().get()).isEmpty();
        assertThat(BoardFixture.rows(db, "SELECT status FROM public.job_applications WHERE id = ?",
                old.applicationId())).containsExactly("interview");
        assertThat(board.column(APPLIED).cards()).isNotEmpty();
    }
}
