package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static co.intowork.recruiter.pipeline.PipelineFixture.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's tag filter (issue 24) as a client login under row-level security: tags written the platform's way
 * (a JSON array on the application), on the two-companies fixture. Alpha: job 11 (published, application 101),
 * job 12 (draft, application 121); Beta: job 21 (applications 201, 202). Hugo manages job 11 only.
 */
class PipelineTagFilterTest {
    private static TestDatabase.Db db;
    private static SignedIn anne;
    private static SignedIn hugo;

    @BeforeAll
    static void setUp() {
        db = TwoCompanies.create("pipeline_tags");
        platform(db, "UPDATE public.job_applications SET tags = '[\"java\", \"senior\"]' WHERE id = 101");
        platform(db, "UPDATE public.job_applications SET tags = '[\"java\"]' WHERE id = 121");
        platform(db, "UPDATE public.job_applications SET tags = '[\"java\", \"sql\"]' WHERE id = 201");
        platform(db, "UPDATE public.job_applications SET tags = '[\"beta-only\"]' WHERE id = 202");
        anne = PipelineFixture.signIn(db, "pipeline_tags_client", TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        hugo = PipelineFixture.signIn(db, "pipeline_tags_client", TwoCompanies.HUGO, TwoCompanies.PASSWORD);
    }

    private static PipelineCriteria tagged(SignedIn who, JobStatus status, String search, String tag, JobSort sort,
                                           int limit) {
        PipelineCriteria c = PipelineFixture.criteria(who);
        return new PipelineCriteria(c.companyId(), c.userId(), status, null, null, null, null, search, tag, sort,
                null, limit);
    }

    private static PipelineCriteria tagged(SignedIn who, String tag) {
        return tagged(who, null, null, tag, JobSort.NEWEST, PipelineViewModel.PAGE_SIZE);
    }

    private static List<Integer> ids(PipelineService.Page page) {
        return page.rows().stream().map(JobSummary::getId).toList();
    }

    @Test
    void aTagKeepsOnlyTheJobsWithAnApplicationCarryingIt() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        PipelineService.Page java = service.page(tagged(anne, "java"));
        assertThat(ids(java)).containsExactlyInAnyOrder(11, 12);
        assertThat(java.total()).isEqualTo(2);
        PipelineService.Page senior = service.page(tagged(anne, "senior"));
        assertThat(ids(senior)).containsExactly(11);
        assertThat(senior.total()).isEqualTo(1);
        // the counts per status are the job's, not only its tagged applications'
        assertThat(senior.rows().get(0).getApplied()).isEqualTo(1);
        PipelineService.Page none = service.page(tagged(anne, "nobody-has-this"));
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isZero();
        // no tag: every job as before
        assertThat(ids(service.page(PipelineFixture.criteria(anne)))).contains(11, 12);
    }

    @Test
    void aTagOnManyJobsPagesInTheListsOrderAndCountsThemAll() {
        // more tagged jobs than the mapper fetches by id (200): the list's own index is walked instead
        platform(db, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                + " status, posted_at) SELECT 5000 + g, 1, 1, 'Tagged job ' || g, 'd', 'full_time', 'on_site',"
                + " 'published', timestamptz '2026-06-01' + g * interval '1 hour' FROM generate_series(1, 260) g");
        platform(db, "INSERT INTO public.job_applications (job_id, candidate_id, status, tags)"
                + " SELECT 5000 + g, 1, 'applied', '[\"many\"]' FROM generate_series(1, 260) g");
        PipelineService service = new PipelineService(anne.unitOfWork());
        PipelineService.Page first = service.page(tagged(anne, "many"));
        assertThat(first.total()).isEqualTo(260);
        // newest first: jobs 5260, 5259, ...
        assertThat(ids(first)).hasSize(PipelineViewModel.PAGE_SIZE).startsWith(5260, 5259, 5258);
        PipelineCriteria next = tagged(anne, "many").after(first.rows().get(first.rows().size() - 1));
        assertThat(ids(service.page(next))).first().isEqualTo(5260 - PipelineViewModel.PAGE_SIZE);
        // Hugo manages none of them
        assertThat(new PipelineService(hugo.unitOfWork()).page(tagged(hugo, "many")).total()).isZero();
        // the statement chooses its form by PipelineService.MANY_TAGGED_JOBS (read from the mapper XML)
        assertThat(pageSql(PipelineService.MANY_TAGGED_JOBS + 1)).contains("(j.id + 0) = ANY");
        assertThat(pageSql(PipelineService.MANY_TAGGED_JOBS)).doesNotContain("(j.id + 0)").contains("j.id = ANY");
    }

    private static String pageSql(int taggedIds) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("c", tagged(anne, "many"));
        params.put("tagged", new Integer[taggedIds]);
        return anne.unitOfWork().factory().getConfiguration()
                .getMappedStatement(PipelineMapper.class.getName() + ".page").getBoundSql(params).getSql();
    }

    @Test
    void anotherCompanysTagNeverShowsItsJobs() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        assertThat(ids(service.page(tagged(anne, "java")))).doesNotContain(21);
        PipelineService.Page betaOnly = service.page(tagged(anne, "beta-only"));
        assertThat(betaOnly.rows()).isEmpty();
        assertThat(betaOnly.total()).isZero();
        // nor by calling the function directly as the client login, bypassing the screen
        assertThat(taggedJobIds(anne, "beta-only")).isEmpty();
        assertThat(taggedJobIds(anne, "java")).containsExactlyInAnyOrder(11, 12);
        // a hiring manager: her jobs only, even where her recruiter's company has more
        assertThat(ids(new PipelineService(hugo.unitOfWork()).page(tagged(hugo, "java")))).containsExactly(11);
        assertThat(taggedJobIds(hugo, "java")).containsExactly(11);
    }

    @Test
    void aTagCombinesWithTheStatusFilterAndTheSearch() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        assertThat(ids(service.page(tagged(anne, JobStatus.PUBLISHED, null, "java", JobSort.NEWEST, 50))))
                .containsExactly(11);
        assertThat(ids(service.page(tagged(anne, JobStatus.DRAFT, null, "java", JobSort.NEWEST, 50))))
                .containsExactly(12);
        assertThat(ids(service.page(tagged(anne, JobStatus.DRAFT, null, "senior", JobSort.NEWEST, 50)))).isEmpty();
        // search + tag, newest first and no other filter: the path that filters every hit, not V41's page of hits
        PipelineCriteria engineerJava = tagged(anne, null, "engineer", "java", JobSort.NEWEST, 50);
        assertThat(engineerJava.searchPagedInListOrder()).isFalse();
        PipelineService.Page page = service.page(engineerJava);
        assertThat(ids(page)).containsExactly(11);
        assertThat(page.total()).isEqualTo(1);
        assertThat(ids(service.page(tagged(anne, null, "accountant", "senior", JobSort.NEWEST, 50)))).isEmpty();
        assertThat(ids(service.page(tagged(anne, null, "accountant", "java", JobSort.TITLE, 50)))).containsExactly(12);
    }

    @Test
    void aTaggedListIsPagedByTheSameKeysetInEveryOrder() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        for (JobSort sort : JobSort.values()) {
            PipelineCriteria c = tagged(anne, null, null, "java", sort, 1);
            List<Integer> seen = new ArrayList<>();
            PipelineService.Page first = service.page(c);
            assertThat(first.total()).as(sort.name()).isEqualTo(2);
            for (int guard = 0; guard < 5; guard++) {
                List<JobSummary> rows = service.page(c).rows();
                rows.forEach(r -> seen.add(r.getId()));
                if (rows.isEmpty()) {
                    break;
                }
                c = c.after(rows.get(rows.size() - 1));
                assertThat(c.tag()).isEqualTo("java");
            }
            assertThat(seen).as(sort.name()).containsExactlyInAnyOrder(11, 12);
        }
    }

    @Test
    void aDeletedApplicationsTagNoLongerCounts() {
        PipelineService service = new PipelineService(anne.unitOfWork());
        try {
            platform(db, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 121");
            assertThat(ids(service.page(tagged(anne, "java")))).containsExactly(11);
            platform(db, "UPDATE public.job_applications SET tags = '[]' WHERE id = 101");
            assertThat(ids(service.page(tagged(anne, "java")))).isEmpty();
        } finally {
            platform(db, "UPDATE public.job_applications SET deleted_at = NULL WHERE id = 121");
            platform(db, "UPDATE public.job_applications SET tags = '[\"java\", \"senior\"]' WHERE id = 101");
        }
    }

    /** recruiter.tagged_job_ids called by the client login itself (tests may send raw SQL to attack it). */
    private static List<Integer> taggedJobIds(SignedIn who, String tag) {
        return who.unitOfWork().inTransaction(session -> {
            List<Integer> found = new ArrayList<>();
            try (PreparedStatement ps = session.getConnection()
                    .prepareStatement("SELECT * FROM recruiter.tagged_job_ids(?)")) {
                ps.setString(1, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getInt(1));
                    }
                }
            }
            return found;
        });
    }
}
