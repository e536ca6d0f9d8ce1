package co.intowork.recruiter.search;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.testing.HeldTasks;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import static org.assertj.core.api.Assertions.assertThat;

/** The search ViewModel on real PostgreSQL, with a task runner that lets the test choose when results arrive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchViewModelTest {
    private TestDatabase.Db db;
    private SignedIn anne;

    @BeforeAll
    void data() {
        db = CandidateSearchFixture.create("candidate_search_vm");
        anne = CandidateSearchFixture.signIn(db, TwoCompanies.ANNE);
    }

    @Test
    void anOlderSearchArrivingLateNeverReplacesTheNewerOne() {
        HeldTasks tasks = new HeldTasks();
        CandidateSearchViewModel vm = new CandidateSearchViewModel(new CandidateSearchService(anne), tasks,
                new RecordingNavigator(), true);
        vm.queryProperty().set("douala");
        vm.search();
        vm.queryProperty().set("kotlin");
        vm.search();
        assertThat(vm.busyProperty().get()).isTrue();
        tasks.held.get(1).run();
        tasks.held.get(0).run();
        assertThat(vm.results()).extracting(r -> r.candidate().name()).containsExactly("Chloé Candidate");
        assertThat(vm.selectedProperty().get().candidate().name()).isEqualTo("Chloé Candidate");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("1 candidate.");
    }

    @Test
    void enterOpensTheNewestApplicationOrTheOneChosen() {
        RecordingNavigator navigator = new RecordingNavigator();
        CandidateSearchViewModel vm = new CandidateSearchViewModel(anne, navigator);
        vm.queryProperty().set("Camille");
        vm.search();
        vm.openSelected();
        CandidateSearchService.Result camille = vm.selectedProperty().get();
        vm.open(camille, camille.jobs().get(0));
        assertThat(navigator.requests()).containsExactly("review 121", "review 121");
        assertThat(CandidateSearchViewModel.detailsText(camille.candidate()))
                .isEqualTo("Comptable · Douala, CM · 2 years");
        assertThat(CandidateSearchViewModel.jobText(camille.jobs().get(0))).isEqualTo("Alpha accountant — Viewed");
    }

    @Test
    void anEmptyFieldClearsAndTheSameSearchIsNotSentTwice() {
        HeldTasks tasks = new HeldTasks();
        CandidateSearchViewModel vm = new CandidateSearchViewModel(new CandidateSearchService(anne), tasks,
                new RecordingNavigator(), true);
        vm.queryProperty().set("candidate");
        vm.search();
        tasks.held.get(0).run();
        vm.search();
        assertThat(tasks.held).as("nothing changed, nothing sent").hasSize(1);
        vm.minYearsProperty().set(5);
        vm.search();
        assertThat(tasks.held).hasSize(2);
        vm.clear();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("Type a name");
    }

    @Test
    void workingOfflineTheSearchSaysItNeedsTheServer() {
        HeldTasks tasks = new HeldTasks();
        CandidateSearchViewModel vm = new CandidateSearchViewModel(new CandidateSearchService(anne), tasks,
                new RecordingNavigator(), false);
        vm.queryProperty().set("douala");
        vm.search();
        assertThat(tasks.held).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("not available while working offline");
    }
}
