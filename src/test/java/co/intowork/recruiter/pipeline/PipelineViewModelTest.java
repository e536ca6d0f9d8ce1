package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static co.intowork.recruiter.pipeline.PipelineFixture.platform;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's ViewModels without the toolkit (ImmediateTaskRunner), on a real database. */
class PipelineViewModelTest {
    private static TestDatabase.Db db;
    private static SignedIn anne;
    private static SignedIn hugo;
    private final List<Integer> boards = new ArrayList<>();
    private final Navigator navigator = PipelineFixture.recordingBoards(boards);

    @BeforeAll
    static void setUp() {
        db = TwoCompanies.create("pipeline_vm");
        // 250 more Alpha jobs, some sharing a posted date, title or expiry, so every page boundary has ties; the
        // expiries 10 days either side of now (half a day off the day: none expires while the tests run)
        platform(db, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type,"
                + " status, posted_at, expires_at, country)"
                + " SELECT 1 + g % 2, 1, 'Poste ' || (g % 40), 'Description ' || g, 'contract', 'remote',"
                + " CASE WHEN g % 5 = 0 THEN 'draft' ELSE 'published' END,"
                + " CASE WHEN g % 5 = 0 THEN NULL ELSE timestamptz '2026-01-01' + (g % 30) * interval '1 day' END,"
                + " CASE WHEN g % 3 = 0 THEN NULL"
                + " ELSE now() + ((g % 20) - 10) * interval '1 day' + interval '12 hours' END,"
                + " CASE WHEN g % 2 = 0 THEN 'GA' ELSE 'CM' END"
                + " FROM generate_series(1, 250) g");
        anne = PipelineFixture.signIn(db, "pipeline_vm_client", TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        hugo = PipelineFixture.signIn(db, "pipeline_vm_client", TwoCompanies.HUGO, TwoCompanies.PASSWORD);
    }

    @Test
    void aChangeMadeElsewhereUpdatesTheJobsCountsInPlace() {
        PipelineViewModel vm = new PipelineViewModel(anne, navigator);
        vm.searchProperty().set("Alpha engineer");
        vm.refresh();
        JobSummary before = vm.jobs().stream().filter(j -> j.getId() == 11).findFirst().orElseThrow();
        List<JobSummary> others = vm.jobs().stream().filter(j -> j.getId() != 11).toList();
        // the fixture's Chloé, applied to job 11
        String status = "applied";
        try {
            platform(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = 101");
            vm.applyLive(List.of(new co.intowork.recruiter.live.LiveEvent("e", "moved", 11, 101, null, "interview",
                    null)));
            JobSummary after = vm.jobs().stream().filter(j -> j.getId() == 11).findFirst().orElseThrow();
            assertThat(after.getInterview()).isEqualTo(before.getInterview() + 1);
            assertThat(after.getApplied()).isEqualTo(before.getApplied() - 1);
            // the other rows are the same objects: nothing was reloaded around them
            assertThat(vm.jobs().stream().filter(j -> j.getId() != 11).toList())
                    .zipSatisfy(others, (a, b) -> assertThat(a).isSameAs(b));
        } finally {
            platform(db, "UPDATE public.job_applications SET status = '" + status + "' WHERE id = 101");
        }
    }

    /**
     * The rows shown are read again with the listing's own criteria: with a tag (job 11 alone) in "Expiring soonest",
     * the untagged list's first page is the jobs that expire next, without job 11 (no expiry date), whose counts
     * then stayed as they were.
     */
    @Test
    void aChangeMadeElsewhereReachesARowOfATaggedList() {
        platform(db, "UPDATE public.job_applications SET tags = '[\"à recontacter\"]' WHERE id = 101");
        try {
            PipelineViewModel vm = new PipelineViewModel(anne, navigator);
            vm.sortProperty().set(JobSort.EXPIRING);
            vm.tagProperty().set("à recontacter");
            vm.refresh();
            assertThat(vm.jobs()).extracting(JobSummary::getId).containsExactly(11);
            int interview = vm.jobs().get(0).getInterview();
            platform(db, "UPDATE public.job_applications SET status = 'interview' WHERE id = 101");
            vm.applyLive(List.of(new co.intowork.recruiter.live.LiveEvent("e", "moved", 11, 101, null, "interview",
                    null)));
            assertThat(vm.jobs().get(0).getInterview()).isEqualTo(interview + 1);
        } finally {
            platform(db, "UPDATE public.job_applications SET status = 'applied', tags = NULL WHERE id = 101");
        }
    }

    @Test
    void filtersBuildTheCriteria() {
        PipelineViewModel vm = new PipelineViewModel(anne, navigator);
        vm.statusProperty().set(JobStatus.PUBLISHED);
        vm.jobTypeProperty().set(JobType.CONTRACT);
        vm.locationTypeProperty().set(LocationType.REMOTE);
        vm.countryProperty().set("CM");
        vm.recruiterProperty().set(new Recruiter(2, "Albert Alpha"));
        vm.searchProperty().set("  poste  ");
        vm.sortProperty().set(JobSort.TITLE);
        PipelineCriteria c = vm.criteria();
        assertThat(c).isEqualTo(new PipelineCriteria(1, anne.user().userId(), JobStatus.PUBLISHED, JobType.CONTRACT,
                LocationType.REMOTE, "CM", 2, "poste", JobSort.TITLE, null, PipelineViewModel.PAGE_SIZE));
        assertThat(vm.jobs()).allSatisfy(j -> {
            assertThat(j.getStatus()).isEqualTo("published");
            assertThat(j.getCountry()).isEqualTo("CM");
            assertThat(j.getEmployerId()).isEqualTo(2);
        }).isNotEmpty();
        assertThat(new PipelineViewModel(hugo, navigator).criteria().companyId()).isNull();
    }

    @Test
    void aTagTypedAnyHowFiltersTheListUntilItIsCleared() {
        platform(db, "UPDATE public.job_applications SET tags = '[\"à recontacter\"]' WHERE id = 101");
        try {
            PipelineViewModel vm = new PipelineViewModel(anne, navigator);
            vm.refresh();
            long all = vm.totalProperty().get();
            assertThat(all).isGreaterThan(PipelineViewModel.PAGE_SIZE);
            // trimmed and lower-cased as the platform stores tags
            vm.tagProperty().set("  À Recontacter ");
            assertThat(vm.criteria().tag()).isEqualTo("à recontacter");
            vm.refresh();
            assertThat(vm.jobs()).extracting(JobSummary::getId).containsExactly(11);
            assertThat(vm.totalProperty().get()).isEqualTo(1);
            assertThat(vm.hasMoreProperty().get()).isFalse();
            // with another filter: both apply
            vm.statusProperty().set(JobStatus.DRAFT);
            assertThat(vm.jobs()).isEmpty();
            vm.statusProperty().set(null);
            assertThat(vm.jobs()).extracting(JobSummary::getId).containsExactly(11);
            vm.clearTag();
            assertThat(vm.tagProperty().get()).isEmpty();
            assertThat(vm.criteria().tag()).isNull();
            assertThat(vm.totalProperty().get()).isEqualTo(all);
            vm.tagProperty().set("   ");
            assertThat(vm.criteria().tag()).isNull();
            vm.tagProperty().set("à recontacter");
            vm.statusProperty().set(JobStatus.PUBLISHED);
            vm.clearFilters();
            assertThat(vm.tagProperty().get()).isEmpty();
            assertThat(vm.totalProperty().get()).isEqualTo(all);
        } finally {
            platform(db, "UPDATE public.job_applications SET tags = NULL WHERE id = 101");
        }
    }

    @Test
    void scrollingLoadsEveryJobOnceInEachOrder() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        for (JobSort sort : JobSort.values()) {
            PipelineViewModel vm = new PipelineViewModel(anne, navigator);
            vm.sortProperty().set(sort);
            vm.refresh();
            assertThat(vm.jobs()).hasSize(PipelineViewModel.PAGE_SIZE);
            long total = vm.totalProperty().get(); // 252, plus what other tests created
            assertThat(total).isGreaterThanOrEqualTo(252);
            while (vm.hasMoreProperty().get()) {
                vm.loadMore();
            }
            List<Integer> ids = vm.jobs().stream().map(JobSummary::getId).toList();
            assertThat(ids).as(sort.name()).doesNotHaveDuplicates().hasSize((int) total);
            List<JobSummary> expected = new ArrayList<>(vm.jobs());
            expected.sort(switch (sort) {
                case NEWEST -> java.util.Comparator.comparing(JobSummary::getPostedAt,
                        java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.OffsetDateTime>reverseOrder()))
                        .thenComparing(JobSummary::getId, java.util.Comparator.reverseOrder());
                // still to expire, soonest first; no expiry date; expired, latest first (ties by id the same way)
                case EXPIRING -> java.util.Comparator.comparingInt((JobSummary j) -> vm.criteria()
                                .expiringGroup(j.getExpiresAt()))
                        .thenComparing(j -> j.getExpiresAt() == null || j.getExpiresAt().isAfter(now)
                                ? j.getExpiresAt() : null,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(j -> j.getExpiresAt() != null && j.getExpiresAt().isBefore(now)
                                ? j.getExpiresAt() : null,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                        .thenComparing(j -> j.getExpiresAt() != null && j.getExpiresAt().isBefore(now)
                                ? -j.getId() : j.getId());
                case TITLE -> java.util.Comparator.comparing(JobSummary::getId); // collation: checked below
            });
            if (sort != JobSort.TITLE) {
                assertThat(ids).as(sort.name()).isEqualTo(expected.stream().map(JobSummary::getId).toList());
            }
            if (sort == JobSort.EXPIRING) {
                // the list opens on what expires next, and the pages crossed into the undated and the expired jobs
                assertThat(vm.jobs().get(0).getExpiresAt()).isAfter(now);
                assertThat(vm.jobs().get(vm.jobs().size() - 1).getExpiresAt()).isBefore(now);
                assertThat(vm.jobs()).anySatisfy(j -> assertThat(j.getExpiresAt()).isNull());
            }
            assertThat(vm.summaryProperty().get()).isEqualTo(total + " jobs shown of " + total);
        }
    }

    @Test
    void openingAJobRemembersItWasSeenAndShowsItsBoard() {
        PipelineViewModel vm = new PipelineViewModel(anne, navigator);
        vm.start();
        JobSummary engineer = shown(vm, 11);
        vm.open(engineer);
        assertThat(boards).containsExactly(11);
        assertThat(engineer.getNewCount()).isZero();
        vm.refresh();
        assertThat(shown(vm, 11).getNewCount()).isZero();
    }

    /** The job's row, scrolling on (the next pages) until it is shown: earlier tests add many jobs. */
    private static JobSummary shown(PipelineViewModel vm, int jobId) {
        while (true) {
            var row = vm.jobs().stream().filter(j -> j.getId() == jobId).findFirst();
            if (row.isPresent() || !vm.hasMoreProperty().get()) {
                return row.orElseThrow();
            }
            vm.loadMore();
        }
    }

    private JobEditorViewModel editorOf(SignedIn who, int jobId) {
        PipelineViewModel vm = new PipelineViewModel(who, navigator);
        vm.refresh();
        JobSummary row = new JobSummary();
        row.setId(jobId);
        AtomicReference<JobEditorViewModel> editor = new AtomicReference<>();
        vm.edit(row, editor::set);
        return editor.get();
    }

    @Test
    void copyJobOpensANewDraftWithTheSameFieldsAndRowsCarryWhatTellsDuplicatesApart() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        Job original = service.load(12);
        PipelineViewModel vm = new PipelineViewModel(anne, navigator);
        vm.refresh();
        JobSummary row = shown(vm, 12);
        assertThat(row.getCreatedAt()).isNotNull();

        AtomicReference<JobEditorViewModel> opened = new AtomicReference<>();
        vm.copy(row, opened::set);
        JobEditorViewModel copy = opened.get();
        assertThat(copy.isNew()).isTrue();
        assertThat(copy.statusProperty().get()).isEqualTo(JobStatus.DRAFT);
        assertThat(copy.messageProperty().get()).contains("#12");
        assertThat(copy.titleProperty().get()).isEqualTo(original.getTitle());
        assertThat(copy.descriptionProperty().get()).isEqualTo(original.getDescription());
        assertThat(copy.jobTypeProperty().get().dbValue()).isEqualTo(original.getJobType());
        assertThat(copy.countryProperty().get()).isEqualTo(original.getCountry() == null ? "" : original.getCountry());
        // nothing is stored until Save
        long before = vm.totalProperty().get();
        vm.refresh();
        assertThat(vm.totalProperty().get()).isEqualTo(before);
        assertThat(copy.save()).isTrue();
        assertThat(copy.jobId()).isNotNull().isNotEqualTo(12);
        Job stored = service.load(copy.jobId());
        assertThat(stored.getTitle()).isEqualTo(original.getTitle());
        assertThat(stored.getStatus()).isEqualTo("draft");
        assertThat(stored.getPostedAt()).isNull();
        assertThat(vm.totalProperty().get()).isEqualTo(before + 1);

        // a hiring manager cannot copy
        AtomicReference<JobEditorViewModel> none = new AtomicReference<>();
        new PipelineViewModel(hugo, navigator).copy(row, none::set);
        assertThat(none.get()).isNull();
    }

    @Test
    void theEditorShowsTheSalaryAsCandidatesWillReadIt() {
        JobEditorViewModel editor = new PipelineViewModel(anne, navigator).newJob();
        editor.currencyProperty().set("XAF");
        editor.salaryMinProperty().set("600000");
        editor.salaryMaxProperty().set("900000");
        assertThat(editor.salaryPreviewProperty().get().replace('\u00a0', ' '))
                .isEqualTo("Shown as: 600,000 – 900,000 XAF");
        editor.salaryMaxProperty().set("not a number");
        assertThat(editor.salaryPreviewProperty().get()).isEmpty();
    }

    @Test
    void theEditorRefusesWhatTheDatabaseWouldRefuseAndSendsNothing() {
        JobEditorViewModel editor = new PipelineViewModel(anne, navigator).newJob();
        editor.salaryMinProperty().set("900000");
        editor.salaryMaxProperty().set("500 000");
        editor.countryProperty().set("gabon");
        editor.imageUrlProperty().set("ftp://x");
        editor.expiresOnProperty().set(LocalDate.now().minusDays(2));
        assertThat(editor.save()).isFalse();
        assertThat(editor.errors()).containsExactly("Enter a title.", "Enter a description.",
                "The minimum salary is higher than the maximum salary.",
                "Write the country as its two-letter ISO code in capitals, e.g. GA, CM, SN, CI.",
                "The image address must start with http:// or https://.",
                "The expiry date is in the past: choose today or a later day.");
        editor.salaryMinProperty().set("-5");
        editor.salaryMaxProperty().set("abc");
        assertThat(editor.validate()).contains("Minimum salary cannot be negative.",
                "Maximum salary: enter a whole number, without decimals or currency.");

        editor.descriptionProperty().set("d".repeat(JobEditorViewModel.MAX_TEXT_LENGTH + 1));
        assertThat(editor.validate()).contains("A text of this job is longer than 100000 characters: shorten it "
                + "(nothing was saved yet).");

        JobEditorViewModel published = editorOf(anne, 11);
        platform(db, "UPDATE public.jobs SET posted_at = '2026-03-10' WHERE id = 11");
        published = editorOf(anne, 11);
        published.expiresOnProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(published.validate()).singleElement().asString().contains("before the date the job was posted");
    }

    @Test
    void aStaleSaveKeepsTheFormAndASecondSaveReplacesTheirs() {
        JobEditorViewModel editor = editorOf(anne, 12);
        platform(db, "UPDATE public.jobs SET benefits = 'Changed on the web' WHERE id = 12");
        editor.titleProperty().set("Comptable senior");
        assertThat(editor.save()).isTrue();
        assertThat(editor.messageProperty().get()).startsWith("Someone else changed this job");
        assertThat(editor.titleProperty().get()).isEqualTo("Comptable senior");
        assertThat(editor.save()).isTrue();
        assertThat(editor.messageProperty().get()).isEqualTo("Saved.");
        assertThat(new PipelineService(anne.unitOfWork()).load(12).getTitle()).isEqualTo("Comptable senior");
    }

    @Test
    void statusMovesFollowTheRulesAndHiringManagersCannotMakeThem() {
        JobEditorViewModel editor = new PipelineViewModel(anne, navigator).newJob();
        assertThat(editor.moves()).isEmpty();
        editor.titleProperty().set("Technicien");
        editor.descriptionProperty().set("Maintenance des groupes électrogènes.");
        editor.jobTypeProperty().set(JobType.TEMPORARY);
        assertThat(editor.save()).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.DRAFT);
        assertThat(editor.moves()).containsExactlyInAnyOrder(JobStatus.PUBLISHED, JobStatus.ARCHIVED);
        assertThat(editor.move(JobStatus.CLOSED)).isFalse();
        assertThat(editor.messageProperty().get()).isEqualTo("A job that is Draft cannot become Closed.");
        assertThat(editor.move(JobStatus.PUBLISHED)).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.PUBLISHED);
        assertThat(editor.postedAt()).isNotNull();
        assertThat(editor.moves()).containsExactlyInAnyOrder(JobStatus.CLOSED, JobStatus.ARCHIVED);

        // closing takes the job off the website: it asks, and "keep" changes nothing
        assertThat(editor.move(JobStatus.CLOSED)).isFalse();
        assertThat(editor.confirmQuestionProperty().get()).startsWith("Close this job?");
        assertThat(editor.pendingMoveProperty().get()).isEqualTo(JobStatus.CLOSED);
        editor.cancelMove();
        assertThat(editor.confirmQuestionProperty().get()).isEmpty();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.PUBLISHED);
        assertThat(new PipelineService(anne.unitOfWork()).load(editor.jobId()).getStatus()).isEqualTo("published");
        assertThat(editor.move(JobStatus.CLOSED)).isFalse();
        assertThat(editor.confirmMove()).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.CLOSED);
        assertThat(editor.confirmQuestionProperty().get()).isEmpty();
        assertThat(editor.move(JobStatus.ARCHIVED)).isFalse();
        assertThat(editor.confirmQuestionProperty().get()).startsWith("Archive this job?");
        assertThat(editor.confirmMove()).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.ARCHIVED);
        // bringing it back asks nothing
        assertThat(editor.move(JobStatus.DRAFT)).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo(JobStatus.DRAFT);

        JobEditorViewModel asHugo = editorOf(hugo, 11);
        assertThat(asHugo.canEdit()).isFalse();
        // her window says it is read only, in both languages
        assertThat(JobEditorView.titleOf(asHugo)).isEqualTo("View job");
        co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.FRANCE);
        try {
            assertThat(JobEditorView.titleOf(asHugo)).isEqualTo("Voir l'offre");
            assertThat(JobEditorView.titleOf(editor)).isEqualTo("Modifier l'offre");
        } finally {
            co.intowork.recruiter.common.ui.Messages.use(java.util.Locale.ENGLISH);
        }
        assertThat(asHugo.moves()).isEmpty();
        assertThat(asHugo.move(JobStatus.CLOSED)).isFalse();
        assertThat(asHugo.save()).isFalse();
        assertThat(asHugo.messageProperty().get()).contains("only the company's recruiters");
    }

    @Test
    void theTransitionTableIsWrittenOnce() {
        assertThat(JobStatus.DRAFT.allowedMoves()).containsExactlyInAnyOrder(JobStatus.PUBLISHED, JobStatus.ARCHIVED);
        assertThat(JobStatus.PUBLISHED.allowedMoves()).containsExactlyInAnyOrder(JobStatus.CLOSED, JobStatus.ARCHIVED);
        assertThat(JobStatus.CLOSED.allowedMoves()).containsExactlyInAnyOrder(JobStatus.PUBLISHED, JobStatus.ARCHIVED);
        assertThat(JobStatus.ARCHIVED.allowedMoves()).containsExactly(JobStatus.DRAFT);
        for (JobStatus s : JobStatus.values()) {
            assertThat(s.canMoveTo(s)).isFalse();
        }
    }
}
