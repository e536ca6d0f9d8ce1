package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static co.intowork.recruiter.pipeline.PipelineFixture.criteria;
import static co.intowork.recruiter.pipeline.PipelineFixture.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's SQL as a client login under row-level security, on the two-companies fixture. */
class PipelineMapperTest {
    private static TestDatabase.Db db;
    private static SignedIn anne;
    private static SignedIn hugo;

    @BeforeAll
    static void setUp() {
        db = TwoCompanies.create("pipeline_mapper");
        anne = PipelineFixture.signIn(db, "pipeline_client", TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        hugo = PipelineFixture.signIn(db, "pipeline_client", TwoCompanies.HUGO, TwoCompanies.PASSWORD);
    }

    private static JobSummary row(List<JobSummary> rows, int id) {
        return rows.stream().filter(r -> r.getId() == id).findFirst().orElseThrow();
    }

    @Test
    void aRecruiterSeesHerCompanysJobsWithTheirApplicationsCountedPerStatus() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        PipelineService.Page page = service.page(criteria(anne));
        assertThat(page.rows()).extracting(JobSummary::getId).contains(11, 12).doesNotContain(21);
        assertThat(page.total()).isEqualTo(page.rows().size());
        JobSummary engineer = row(page.rows(), 11);
        assertThat(engineer.getApplied()).isEqualTo(1);
        assertThat(engineer.total()).isEqualTo(1);
        assertThat(engineer.getEmployerId()).isEqualTo(1);
        JobSummary accountant = row(page.rows(), 12);
        assertThat(accountant.getViewed()).isEqualTo(1);
        assertThat(accountant.getApplied()).isZero();
        // drafts (no posted date) come first in "newest"
        assertThat(page.rows().get(0).getPostedAt()).isNull();
        assertThat(service.choices(anne.user().companyId(), anne.user().userId()).recruiters())
                .extracting(Recruiter::name).contains("Anne Alpha", "Albert Alpha").doesNotContain("Bruno Beta");
    }

    @Test
    void theRecruiterListFollowsThePlatformsWritesToUsersAndEmployers() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        try {
            platform(db, "UPDATE public.users SET last_name = 'Aardvark' WHERE id = 2");
            platform(db, "INSERT INTO public.users (id, email, password_hash, role, first_name, last_name, is_active)"
                    + " VALUES (90, 'zoe@alpha.example', 'x', 'EMPLOYER', '', '', true)");
            platform(db, "INSERT INTO public.employers (id, user_id, company_id) VALUES (90, 90, 1)");
            platform(db, "UPDATE public.employers SET company_id = 2 WHERE id = 5");
            // in name order; no name: the e-mail address; moved to Beta: gone
            assertThat(service.choices(anne.user().companyId(), anne.user().userId()).recruiters())
                    .extracting(Recruiter::name).containsExactly("Albert Aardvark", "Anne Alpha", "zoe@alpha.example");
            // each name with its own employer (the mapper reads two arrays in the same order)
            assertThat(service.choices(anne.user().companyId(), anne.user().userId()).recruiters())
                    .contains(new Recruiter(90, "zoe@alpha.example"));
            platform(db, "DELETE FROM public.employers WHERE id = 90");
            assertThat(service.choices(anne.user().companyId(), anne.user().userId()).recruiters())
                    .extracting(Recruiter::name).containsExactly("Albert Aardvark", "Anne Alpha");
            // a hiring manager: the posters of her jobs only
            assertThat(new PipelineService(hugo.unitOfWork()).choices(null, hugo.user().userId()).recruiters())
                    .extracting(Recruiter::name).containsExactly("Anne Alpha");
        } finally {
            platform(db, "UPDATE public.users SET last_name = 'Alpha' WHERE id = 2");
            platform(db, "UPDATE public.employers SET company_id = 1 WHERE id = 5");
            platform(db, "DELETE FROM public.users WHERE id = 90");
        }
    }

    @Test
    void aHiringManagerSeesOnlyTheJobsSheWasAddedTo() {
        PipelineService.Page page = new PipelineService(hugo.unitOfWork()).page(criteria(hugo));
        assertThat(page.rows()).extracting(JobSummary::getId).containsExactly(11);
        assertThat(page.rows().get(0).getApplied()).isEqualTo(1);
    }

    @Test
    void fullTextSearchFindsFrenchAndEnglishWordsWithOrWithoutAccents() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        Job job = new Job();
        job.setTitle("Développeur Java confirmé");
        job.setDescription("Vous développerez nos applications de facturation.");
        Job saved = service.save(job);
        try {
            for (String word : List.of("développeur", "developpeur", "Développeurs")) {
                assertThat(service.page(search(word)).rows()).as(word).extracting(JobSummary::getId)
                        .containsExactly(saved.getId());
            }
            assertThat(service.page(search("engineers")).rows()).extracting(JobSummary::getId).containsExactly(11);
            // Beta's engineer is not Anne's to find
            assertThat(service.page(search("engineer")).rows()).extracting(JobSummary::getId).doesNotContain(21);
            assertThat(service.page(search("engineer")).total()).isEqualTo(1);
        } finally {
            platform(db, "UPDATE public.jobs SET deleted_at = now() WHERE id = " + saved.getId());
        }
    }

    @Test
    void aOneWordSearchIsPagedInTheListsOrderAndFollowsThePlatformsEdits() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Job job = new Job();
            job.setTitle("Soudeur qualifié " + i);
            job.setDescription("Atelier de chaudronnerie.");
            ids.add(service.save(job).getId());
        }
        try {
            // three posted on different days (the platform's plain SQL: its writes must reach the search rows too),
            // two left as drafts, which come first
            for (int i = 0; i < 3; i++) {
                platform(db, "UPDATE public.jobs SET status = 'published', posted_at = now() - interval '" + (i + 1)
                        + " days' WHERE id = " + ids.get(i));
            }
            List<Integer> expected = List.of(ids.get(4), ids.get(3), ids.get(0), ids.get(1), ids.get(2));
            assertThat(allPages(service, "soudeurs")).isEqualTo(expected);
            assertThat(service.page(search("soudeurs")).total()).isEqualTo(5);

            platform(db, "UPDATE public.jobs SET title = 'Tuyauteur industriel' WHERE id = " + ids.get(0));
            platform(db, "UPDATE public.jobs SET deleted_at = now() WHERE id = " + ids.get(3));
            assertThat(allPages(service, "soudeur")).isEqualTo(List.of(ids.get(4), ids.get(1), ids.get(2)));
            assertThat(allPages(service, "tuyauteur")).containsExactly(ids.get(0));
            // a filter or another order takes the other path, with the same hits
            PipelineCriteria byTitle = new PipelineCriteria(anne.user().companyId(), anne.user().userId(), null, null,
                    null, null, null, "soudeur", JobSort.TITLE, null, 100);
            assertThat(service.page(byTitle).rows()).extracting(JobSummary::getId)
                    .containsExactlyInAnyOrderElementsOf(List.of(ids.get(4), ids.get(1), ids.get(2)));
        } finally {
            platform(db, "UPDATE public.jobs SET deleted_at = now() WHERE id IN (" + ids.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")) + ")");
        }
    }

    /**
     * "Expiring soonest": what expires next first (soonest first, one expiring at the very moment included), then the
     * jobs without an expiry date (by id), then the expired ones (latest first, ties by id descending). Paged one to
     * five rows at a time, so that page boundaries fall inside each group and on every boundary between groups, for
     * the company (each group read from its own index range), a hiring manager and a search (the groups read at
     * once).
     */
    @Test
    void expiringSoonestShowsWhatExpiresNextThenUndatedThenExpiredOnEveryPage() {
        OffsetDateTime asOf = OffsetDateTime.parse("2026-12-07T12:00:00Z");
        // id -> expiry (null: none); two ties on each side of the moment
        Map<Integer, OffsetDateTime> expiries = new LinkedHashMap<>();
        expiries.put(9001, asOf);
        expiries.put(9002, asOf.plusDays(1));
        expiries.put(9003, asOf.plusDays(1));
        expiries.put(9004, asOf.plusDays(30));
        expiries.put(9005, asOf.minusNanos(1000));
        expiries.put(9006, asOf.minusDays(1));
        expiries.put(9007, asOf.minusDays(1));
        expiries.put(9008, asOf.minusYears(3));
        expiries.put(9009, null);
        expiries.put(9010, null);
        expiries.forEach((id, at) -> platform(db, "INSERT INTO public.jobs (id, employer_id, company_id, title,"
                + " description, job_type, location_type, status, expires_at) VALUES (" + id + ", 1, 1, 'Grutier "
                + id + "', 'd', 'full_time', 'on_site', 'draft', "
                + (at == null ? "NULL" : "timestamptz '" + at + "'") + ")"));
        platform(db, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by)"
                + " VALUES (9001, 4, 1), (9005, 4, 1), (9009, 4, 1)");
        try {
            PipelineService service = new PipelineService(anne.unitOfWork());
            // the company's jobs without an expiry date: the fixture's 11 and 12, these two, any other test's
            List<Integer> undated = service.page(expiring(anne, null, 1000, asOf)).rows().stream()
                    .filter(j -> j.getExpiresAt() == null).map(JobSummary::getId).sorted().toList();
            assertThat(undated).contains(11, 12, 9009, 9010);
            List<Integer> expected = new ArrayList<>(List.of(9001, 9002, 9003, 9004));
            expected.addAll(undated);
            expected.addAll(List.of(9005, 9007, 9006, 9008));
            for (int limit = 1; limit <= 5; limit++) {
                assertThat(allPages(service, expiring(anne, null, limit, asOf))).as("company, %d a page", limit)
                        .isEqualTo(expected);
                assertThat(allPages(new PipelineService(hugo.unitOfWork()), expiring(hugo, null, limit, asOf)))
                        .as("hiring manager, %d a page", limit).containsExactly(9001, 11, 9009, 9005);
                assertThat(allPages(service, expiring(anne, "grutier", limit, asOf))).as("search, %d a page", limit)
                        .containsExactly(9001, 9002, 9003, 9004, 9009, 9010, 9005, 9007, 9006, 9008);
            }
            // a filter keeps the order (drafts: all of these and job 12)
            assertThat(allPages(service, new PipelineCriteria(anne.user().companyId(), anne.user().userId(),
                    JobStatus.DRAFT, null, null, null, null, null, null, JobSort.EXPIRING, null, 3, asOf)))
                    .containsSubsequence(9001, 9004, 12, 9009, 9010, 9005, 9008);
            // one moment for the whole listing: the next page keeps it; other orders have none
            PipelineCriteria first = expiring(anne, null, 2, asOf);
            assertThat(first.after(service.page(first).rows().get(1)).asOf()).isEqualTo(asOf);
            assertThat(criteria(anne).asOf()).isNull();
        } finally {
            platform(db, "DELETE FROM recruiter.job_hiring_managers WHERE job_id > 9000");
            platform(db, "UPDATE public.jobs SET deleted_at = now() WHERE id > 9000");
        }
    }

    private static PipelineCriteria expiring(SignedIn who, String search, int limit, OffsetDateTime asOf) {
        PipelineCriteria c = criteria(who);
        return new PipelineCriteria(c.companyId(), c.userId(), null, null, null, null, null, search, null,
                JobSort.EXPIRING, null, limit, asOf);
    }

    /** Every row of the listing, following the keyset from page to page; no page may be empty before the end. */
    private static List<Integer> allPages(PipelineService service, PipelineCriteria first) {
        List<Integer> seen = new ArrayList<>();
        PipelineCriteria paged = first;
        for (int guard = 0; guard < 200; guard++) {
            List<JobSummary> rows = service.page(paged).rows();
            rows.forEach(r -> seen.add(r.getId()));
            if (rows.size() < first.limit()) {
                return seen;
            }
            paged = paged.after(rows.get(rows.size() - 1));
        }
        throw new AssertionError("more than 200 pages: " + seen);
    }

    /** Every hit of a search, two rows per page, following the keyset from page to page. */
    private static List<Integer> allPages(PipelineService service, String word) {
        PipelineCriteria c = search(word);
        PipelineCriteria paged = new PipelineCriteria(c.companyId(), c.userId(), null, null, null, null, null, word,
                JobSort.NEWEST, null, 2);
        List<Integer> seen = new ArrayList<>();
        for (int guard = 0; guard < 20; guard++) {
            List<JobSummary> rows = service.page(paged).rows();
            rows.forEach(r -> seen.add(r.getId()));
            if (rows.size() < 2) {
                break;
            }
            paged = paged.after(rows.get(rows.size() - 1));
        }
        return seen;
    }

    private static PipelineCriteria search(String text) {
        PipelineCriteria c = criteria(anne);
        return new PipelineCriteria(c.companyId(), c.userId(), null, null, null, null, null, text, c.sort(), null,
                c.limit());
    }

    @Test
    void applicationsAreNewUntilTheJobIsOpenedAndAgainWhenSomeoneApplies() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        assertThat(row(service.page(criteria(anne)).rows(), 11).getNewCount()).isEqualTo(1);
        service.markSeen(anne.user().userId(), 11);
        assertThat(row(service.page(criteria(anne)).rows(), 11).getNewCount()).isZero();
        // Albert has not looked yet: seen marks are per person
        SignedIn albert = PipelineFixture.signIn(db, "pipeline_client", "albert@alpha.example", TwoCompanies.PASSWORD);
        assertThat(row(new PipelineService(albert.unitOfWork()).page(criteria(albert)).rows(), 11).getNewCount())
                .isEqualTo(1);
        platform(db, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at)"
                + " VALUES (11, 3, 'applied', now() + interval '1 second')");
        JobSummary after = row(service.page(criteria(anne)).rows(), 11);
        assertThat(after.getApplied()).isEqualTo(2);
        assertThat(after.getNewCount()).isEqualTo(1);
        platform(db, "UPDATE public.job_applications SET deleted_at = now() WHERE job_id = 11 AND candidate_id = 3");
        assertThat(row(service.page(criteria(anne)).rows(), 11).getApplied()).isEqualTo(1);
    }

    @Test
    void aStaleSaveIsAConflictAndWritesNothing() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        Job job = service.load(12);
        platform(db, "UPDATE public.jobs SET title = 'Comptable (web)' WHERE id = 12");
        job.setTitle("Comptable (desktop)");
        assertThatThrownBy(() -> service.save(job)).isInstanceOf(PipelineService.ConflictException.class)
                .hasMessageContaining("Someone else changed this job");
        Job now = service.load(12);
        assertThat(now.getTitle()).isEqualTo("Comptable (web)");
        now.setTitle("Alpha accountant");
        assertThat(service.save(now).getVersion()).isEqualTo(now.getVersion() + 1);
    }

    @Test
    void publishingSetsThePostedDateAndTheRulesRefuseOtherMoves() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        Job draft = new Job();
        draft.setTitle("Chef de chantier");
        draft.setDescription("Encadrement des équipes.");
        draft = service.save(draft);
        assertThat(draft.getPostedAt()).isNull();
        Job published = service.changeStatus(draft, JobStatus.PUBLISHED);
        assertThat(published.getStatus()).isEqualTo("published");
        assertThat(published.getPostedAt()).isNotNull();
        Job closed = service.changeStatus(published, JobStatus.CLOSED);
        Job reopened = service.changeStatus(closed, JobStatus.PUBLISHED);
        assertThat(reopened.getPostedAt()).isEqualTo(published.getPostedAt());
        Job archived = service.changeStatus(reopened, JobStatus.ARCHIVED);
        assertThatThrownBy(() -> service.changeStatus(archived, JobStatus.PUBLISHED))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("cannot become");
        assertThat(service.changeStatus(archived, JobStatus.DRAFT).getStatus()).isEqualTo("draft");
    }

    @Test
    void aHiringManagerCannotChangeAJobEvenBypassingTheScreen() {
        Job job = new PipelineService(anne.unitOfWork()).load(11);
        job.setTitle("Changed by a hiring manager");
        PipelineService asHugo = new PipelineService(hugo.unitOfWork());
        assertThatThrownBy(() -> asHugo.save(job)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> asHugo.changeStatus(job, JobStatus.CLOSED)).isInstanceOf(UserFacingException.class);
        assertThat(new PipelineService(anne.unitOfWork()).load(11).getTitle()).isEqualTo("Alpha engineer");
    }
}
