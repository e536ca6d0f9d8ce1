package co.intowork.recruiter.search;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search statements on real PostgreSQL as a client login: what each person finds, and what they never do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchServiceTest {
    private TestDatabase.Db db;
    private CandidateSearchService anne;
    private CandidateSearchService hugo;
    private CandidateSearchService bruno;

    @BeforeAll
    void seed() {
        db = CandidateSearchFixture.create("candidate_search");
        anne = new CandidateSearchService(CandidateSearchFixture.signIn(db, TwoCompanies.ANNE));
        hugo = new CandidateSearchService(CandidateSearchFixture.signIn(db, TwoCompanies.HUGO));
        bruno = new CandidateSearchService(CandidateSearchFixture.signIn(db, TwoCompanies.BRUNO));
    }

    private static List<String> names(List<CandidateSearchService.Result> found) {
        return found.stream().map(r -> r.candidate().name()).toList();
    }

    @Test
    void findsByNameTitleSkillPlaceAndPastEmployerWithinTheCompany() {
        assertThat(names(anne.search("Chloé", null))).containsExactly("Chloé Candidate");
        assertThat(names(anne.search("chloe", null))).as("accents folded").containsExactly("Chloé Candidate");
        assertThat(names(anne.search("kotlin", null))).containsExactly("Chloé Candidate");
        assertThat(names(anne.search("Douala", null))).containsExactly("Camille Candidate");
        assertThat(names(anne.search("SGBCI", null))).as("past employer").containsExactly("Camille Candidate");
        assertThat(names(anne.search("auditrice", null))).as("past title").containsExactly("Camille Candidate");
        // Claude (Beta only) is an engineer in Libreville too: never Anne's
        assertThat(names(anne.search("Libreville", null))).containsExactly("Chloé Candidate");
        assertThat(names(anne.search("Claude", null))).isEmpty();
    }

    @Test
    void frenchAndEnglishWordsMatchTheStems() {
        assertThat(names(anne.search("ingénieure", null))).containsExactly("Chloé Candidate");
        assertThat(names(anne.search("comptables", null))).as("French plural").containsExactly("Camille Candidate");
        assertThat(names(bruno.search("ingenieur", null))).containsExactly("Claude Candidate");
    }

    @Test
    void aNameCutShortIsFoundAsAPrefix() {
        assertThat(names(anne.search("cami", null))).containsExactly("Camille Candidate");
        assertThat(names(anne.search("chlo cand", null))).containsExactly("Chloé Candidate");
    }

    @Test
    void theExperienceFilterKeepsOnlyThoseWithEnoughYears() {
        assertThat(names(anne.search("candidate", null))).containsExactlyInAnyOrder("Chloé Candidate",
                "Camille Candidate");
        assertThat(names(anne.search("candidate", 5))).containsExactly("Chloé Candidate");
    }

    @Test
    void eachHitListsItsVisibleApplicationsWithTheirStatus() {
        CandidateSearchService.Result camille = anne.search("Camille", null).get(0);
        assertThat(camille.jobs()).extracting(AppliedJob::applicationId, AppliedJob::jobTitle, AppliedJob::status)
                .as("Alpha's job only, not Beta's 202")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(121, "Alpha accountant", ApplicationStatus.VIEWED));
        assertThat(camille.moreJobs()).isFalse();
        CandidateSearchService.Result forBruno = bruno.search("Camille", null).get(0);
        assertThat(forBruno.jobs()).extracting(AppliedJob::applicationId).containsExactly(202);
    }

    /** Whether a candidate is live and their years are read from the search table (V60), kept by a trigger. */
    @Test
    void aSoftDeletedCandidateLeavesAtOnceAndNewYearsCountAtOnce() {
        CandidateSearchFixture.exec(db, "UPDATE public.candidates SET deleted_at = now() WHERE id = 1");
        try {
            assertThat(names(anne.search("candidate", null))).containsExactly("Camille Candidate");
            assertThat(names(hugo.search("candidate", null))).isEmpty();
        } finally {
            CandidateSearchFixture.exec(db, "UPDATE public.candidates SET deleted_at = NULL WHERE id = 1");
        }
        assertThat(names(anne.search("candidate", 5))).containsExactly("Chloé Candidate");
        CandidateSearchFixture.exec(db, "UPDATE public.candidates SET years_experience = 7 WHERE id = 3");
        try {
            assertThat(names(anne.search("candidate", 5))).containsExactlyInAnyOrder("Chloé Candidate",
                    "Camille Candidate");
        } finally {
            CandidateSearchFixture.exec(db, "UPDATE public.candidates SET years_experience = 2 WHERE id = 3");
        }
        assertThat(names(anne.search("candidate", 5))).containsExactly("Chloé Candidate");
    }

    /** The company's applications come from the statistics facts (V32): kept by triggers, whoever writes. */
    @Test
    void theApplicationsListedFollowThePlatformsPlainWritesAtOnceNewestFirst() {
        CandidateSearchFixture.exec(db, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at)"
                + " VALUES (131, 11, 3, 'applied', now())");
        try {
            assertThat(anne.search("Camille", null).get(0).jobs())
                    .extracting(AppliedJob::applicationId, AppliedJob::jobTitle, AppliedJob::status)
                    .as("the new application first")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(131, "Alpha engineer", ApplicationStatus.APPLIED),
                            org.assertj.core.groups.Tuple.tuple(121, "Alpha accountant", ApplicationStatus.VIEWED));
            CandidateSearchFixture.exec(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = 121");
            CandidateSearchFixture.exec(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 131");
            assertThat(anne.search("Camille", null).get(0).jobs())
                    .extracting(AppliedJob::applicationId, AppliedJob::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(121, ApplicationStatus.INTERVIEW));
            CandidateSearchFixture.exec(db, "UPDATE public.jobs SET deleted_at = now() WHERE id = 12");
            assertThat(anne.search("Camille", null)).as("still found, with no visible application left")
                    .singleElement().satisfies(r -> assertThat(r.jobs()).isEmpty());
        } finally {
            CandidateSearchFixture.exec(db, "UPDATE public.jobs SET deleted_at = NULL WHERE id = 12");
            CandidateSearchFixture.exec(db, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 121");
            CandidateSearchFixture.exec(db, "DELETE FROM public.job_applications WHERE id = 131");
        }
        assertThat(anne.search("Camille", null).get(0).jobs()).extracting(AppliedJob::applicationId)
                .containsExactly(121);
    }

    @Test
    void aHiringManagerFindsOnlyTheCandidatesOfHerJobs() {
        assertThat(names(hugo.search("candidate", null))).containsExactly("Chloé Candidate");
        assertThat(names(hugo.search("Douala", null))).isEmpty();
        assertThat(hugo.search("Chloé", null).get(0).jobs()).extracting(AppliedJob::applicationId)
                .containsExactly(101);
    }

    @Test
    void searchSyntaxAndEmptyQueriesAreHarmless() {
        assertThat(anne.search("", null)).isEmpty();
        assertThat(anne.search("   ", null)).isEmpty();
        assertThat(anne.search("\"chloé candidate\" -camille", null)).extracting(r -> r.candidate().name())
                .containsExactly("Chloé Candidate");
        assertThat(anne.search("(&|!:*'", null)).isEmpty();
        assertThatThrownBy(() -> anne.search("x".repeat(501), null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("500");
    }

    @Test
    void aChangedProfileIsFoundAtOnce() {
        CandidateSearchFixture.exec(db, "UPDATE public.candidates SET location = 'Port-Gentil, GA' WHERE id = 3");
        CandidateSearchFixture.exec(db, "INSERT INTO public.experiences (candidate_id, title, company, start_date) "
                + "VALUES (1, 'Stagiaire', 'Perenco', '2018-01')");
        try {
            assertThat(names(anne.search("port-gentil", null))).containsExactly("Camille Candidate");
            assertThat(names(anne.search("perenco", null))).containsExactly("Chloé Candidate");
        } finally {
            CandidateSearchFixture.exec(db, "UPDATE public.candidates SET location = 'Douala, CM' WHERE id = 3");
            CandidateSearchFixture.exec(db, "DELETE FROM public.experiences WHERE company = 'Perenco'");
        }
        assertThat(names(anne.search("perenco", null))).isEmpty();
    }
}
