package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static co.intowork.recruiter.review.ReviewFixture.CHLOE_APP;
import static co.intowork.recruiter.review.ReviewFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review's queries and save as a client login under row-level security. */
class ReviewServiceTest {
    private static TestDatabase.Db db;

    @BeforeAll
    static void create() {
        db = ReviewFixture.create("review_service");
    }

    @Test
    void loadsTheWholeApplicationForItsCompanysRecruiter() {
        Review r = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.ANNE)).load(CHLOE_APP);
        Review.Application a = r.application();
        assertThat(a.jobTitle()).isEqualTo("Alpha engineer");
        assertThat(a.candidateName()).isEqualTo("Chloé Candidate");
        assertThat(a.email()).isEqualTo("chloe@example.com");
        assertThat(a.title()).isEqualTo("Data engineer");
        assertThat(a.yearsExperience()).isEqualTo(6);
        assertThat(a.salaryMin()).isEqualTo(900000);
        assertThat(a.cvPath()).isEqualTo("https://cdn.example.com/cv/chloe.pdf");
        assertThat(a.coverLetter()).contains("Alpha");
        assertThat(a.status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(r.experiences()).extracting(Review.Experience::company).containsExactly("X");
        assertThat(r.educations()).extracting(Review.Education::school).containsExactly("UOB");
        assertThat(r.skills()).extracting(Review.Skill::name).containsExactly("Java");
        assertThat(r.events()).extracting(Review.Event::to).containsExactly(ApplicationStatus.APPLIED);
    }

    @Test
    void notesLongerThanTheDatabaseAcceptsAreRefusedWithASentenceAndNothingIsWritten() {
        ReviewService anne = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.ANNE));
        Review before = anne.load(CHLOE_APP);
        assertThatThrownBy(() -> anne.saveAssessment(CHLOE_APP, before.application().version(),
                "n".repeat(ReviewService.MAX_NOTES_LENGTH + 1), null, Scorecard.EMPTY))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("longer than 100000 characters");
        assertThat(anne.load(CHLOE_APP).application().version()).isEqualTo(before.application().version());
    }

    @Test
    void aHiringManagerOfTheJobMayLoadIt() {
        assertThat(new ReviewService(ReviewFixture.signIn(db, TwoCompanies.HUGO)).load(CHLOE_APP)
                .application().applicationId()).isEqualTo(CHLOE_APP);
    }

    @Test
    void aRecruiterOfAnotherCompanyGetsAClearNotFound() {
        ReviewService bruno = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.BRUNO));
        assertThatThrownBy(() -> bruno.load(CHLOE_APP)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("#101").hasMessageContaining("not found");
    }

    @Test
    void theChosenCvRowIsUsedWhenTheApplicationHasNoUrl() {
        // Claude's application 201 (Beta) names no CV; point it at his candidate_cvs row
        ReviewFixture.update(db, "UPDATE public.job_applications SET cv_id = (SELECT id FROM public.candidate_cvs "
                + "WHERE candidate_id = 2) WHERE id = 201");
        Review.Application a = new ReviewService(ReviewFixture.signIn(db, TwoCompanies.BRUNO)).load(201).application();
        assertThat(a.cvPath()).isEqualTo("/b");
        assertThat(a.cvName()).isEqualTo("b.pdf");
    }

    @Test
    void savesAgainstTheVersionAndRefusesAStaleOne() {
        SignedIn bruno = ReviewFixture.signIn(db, TwoCompanies.BRUNO);
        ReviewService service = new ReviewService(bruno);
        int version = service.load(202).application().version();
        Scorecard card = new Scorecard(Map.of(Scorecard.Criterion.TECHNICAL_SKILLS, 4));
        int next = service.saveAssessment(202, version, "Strong SQL", 4, card);
        assertThat(next).isGreaterThan(version);
        assertThat(value(db, "SELECT notes || '|' || rating || '|' || (scorecard->>'technical_skills') "
                + "|| '|' || (scorecard->>'average') FROM public.job_applications WHERE id = 202"))
                .isEqualTo("Strong SQL|4|4|4.0");
        assertThatThrownBy(() -> service.saveAssessment(202, version, "Lost race", 2, Scorecard.EMPTY))
                .isInstanceOf(ReviewConflictException.class).hasMessageContaining("someone changed");
        assertThat(value(db, "SELECT notes FROM public.job_applications WHERE id = 202")).isEqualTo("Strong SQL");
        assertThat(Scorecard.parse(service.load(202).application().scorecard())).isEqualTo(card);
    }
}
