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
        // with the status too, still V57's functions; with a job type, the tagged ids as a value (more than
        // MANY_TAGGED_JOBS: hashed, the list's index walked): the same pages either way
        PipelineCriteria publishedOnly = tagged(anne, JobStatus.PUBLISHED, null, "many", JobSort.NEWEST,
                PipelineViewModel.PAGE_SIZE);
        assertThat(publishedOnly.tagPagedInListOrder()).isTrue();
        assertThat(ids(service.page(publishedOnly))).isEqualTo(ids(first));
        assertThat(service.page(publishedOnly).total()).isEqualTo(260);
        assertThat(service.page(tagged(anne, JobStatus.DRAFT, null, "many", JobSort.NEWEST, 50)).total()).isZero();
        PipelineCriteria published = fullTime(tagged(anne, JobStatus.PUBLISHED, null, "many", JobSort.NEWEST,
                PipelineViewModel.PAGE_SIZE));
        assertThat(published.tagPagedInListOrder()).isFalse();
        PipelineService.Page publishedFirst = service.page(published);
        assertThat(publishedFirst.total()).isEqualTo(260);
        assertThat(ids(publishedFirst)).isEqualTo(ids(first));
        assertThat(ids(service.page(published.after(publishedFirst.rows().get(PipelineViewModel.PAGE_SIZE - 1)))))
                .first().isEqualTo(5260 - PipelineViewModel.PAGE_SIZE);
        // Hugo manages none of them
        assertThat(new PipelineService(hugo.unitOfWork()).page(tagged(hugo, "many")).total()).isZero();
        // the statement chooses its form by PipelineService.MANY_TAGGED_JOBS (read from the mapper XML)
        assertThat(pageSql(PipelineService.MANY_TAGGED_JOBS + 1)).contains("(j.id + 0) = ANY");
        assertThat(pageSql(PipelineService.MANY_TAGGED_JOBS)).doesNotContain("(j.id + 0)").contains("j.id = ANY");
    }

    private static PipelineCriteria fullTime(PipelineCriteria c) {
        return new PipelineCriteria(c.companyId(), c.userId(), c.status(), JobType.FULL_TIME, c.locationType(),
                c.country(), c.employerId(), c.search(), c.tag(), c.sort(), c.after(), c.limit());
    }

    private static String pageSql(int taggedIds) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("c", fullTime(tagged(anne, JobStatus.PUBLISHED, null, "many", JobSort.NEWEST,
                PipelineViewModel.PAGE_SIZE)));
        params.put("tagged", new Integer[taggedIds]);
        return anne.unitOfWork().factory().getConfiguration()
                .getMappedStatement(PipelineMapper.class.getName() + ".page").getBoundSql(params).getSql();
    }

    @Test
    void aTagAloneIsPagedFromItsOwnRangeInTheListsExactOrderAsJobsChange() {
        // 30 Alpha jobs tagged "keyset": 5 drafts (no posting date), 10 posted at the same moment (ties broken by
        // id), 15 at distinct moments; a page of 7 ends inside each group
        platform(db, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                + " status, posted_at) SELECT 7000 + g, 1, 1, 'Keyset job ' || g, 'd', 'full_time', 'on_site',"
                + " CASE WHEN g <= 5 THEN 'draft' ELSE 'published' END,"
                + " CASE WHEN g <= 5 THEN NULL WHEN g <= 15 THEN timestamptz '2026-03-01'"
                + " ELSE timestamptz '2026-01-01' + g * interval '1 day' END FROM generate_series(1, 30) g");
        platform(db, "INSERT INTO public.job_applications (job_id, candidate_id, status, tags)"
                + " SELECT 7000 + g, 2, 'applied', '[\"keyset\", \"other\"]' FROM generate_series(1, 30) g");
        PipelineService service = new PipelineService(anne.unitOfWork());
        PipelineCriteria alone = tagged(anne, null, null, "keyset", JobSort.NEWEST, 7);
        assertThat(alone.tagPagedInListOrder()).isTrue();
        assertThat(allPages(service, alone)).containsExactlyElementsOf(exactOrder("keyset"));
        assertThat(service.page(alone).total()).isEqualTo(30);

        // the rows follow the jobs: soft-deleted, published (a draft takes a posting date), moved to Beta
        platform(db, "UPDATE public.jobs SET deleted_at = now() WHERE id = 7003");
        platform(db, "UPDATE public.jobs SET status = 'published', posted_at = timestamptz '2026-02-01' WHERE id = 7004");
        platform(db, "UPDATE public.jobs SET company_id = 2 WHERE id = 7020");
        List<Integer> expected = exactOrder("keyset");
        assertThat(expected).hasSize(28).doesNotContain(7003, 7020);
        assertThat(allPages(service, alone)).containsExactlyElementsOf(expected);
        assertThat(service.page(alone).total()).isEqualTo(28);
        // with a status: the drafts left (7004 was published), and the published ones, also from V57's functions
        for (JobStatus status : List.of(JobStatus.DRAFT, JobStatus.PUBLISHED)) {
            PipelineCriteria ofStatus = tagged(anne, status, null, "keyset", JobSort.NEWEST, 7);
            assertThat(ofStatus.tagPagedInListOrder()).isTrue();
            List<Integer> exact = exactOrder("keyset", status.dbValue());
            assertThat(allPages(service, ofStatus)).as(status.name()).containsExactlyElementsOf(exact);
            assertThat(service.page(ofStatus).total()).as(status.name()).isEqualTo(exact.size());
        }
        assertThat(exactOrder("keyset", "draft")).hasSize(3).doesNotContain(7003, 7004);
        // the same answer as the path that filters with the tagged ids (another filter: every status)
        assertThat(allPages(service, tagged(anne, null, "keyset job", "keyset", JobSort.NEWEST, 7)))
                .containsExactlyElementsOf(expected);
        // and the triggers kept every row: a recount changes nothing
        try (java.sql.Connection c = db.superuser().getConnection(); java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT recruiter.rebuild_job_tags()")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // Hugo manages none of them; Beta's job is not Alpha's, even called directly
        assertThat(new PipelineService(hugo.unitOfWork()).page(tagged(hugo, null, null, "keyset", JobSort.NEWEST, 7))
                .total()).isZero();
        assertThat(clientInts(anne, "SELECT * FROM recruiter.tagged_job_page(?, NULL, NULL, NULL, 1000)", "keyset"))
                .hasSize(28).doesNotContain(7020);
        assertThat(clientInts(anne, "SELECT recruiter.tagged_job_count(?, NULL)", "keyset")).containsExactly(28);
    }

    private static List<Integer> allPages(PipelineService service, PipelineCriteria c) {
        List<Integer> seen = new ArrayList<>();
        for (int guard = 0; guard < 20; guard++) {
            List<JobSummary> rows = service.page(c).rows();
            rows.forEach(r -> seen.add(r.getId()));
            if (rows.size() < c.limit()) {
                return seen;
            }
            c = c.after(rows.get(rows.size() - 1));
        }
        throw new AssertionError("more than 20 pages");
    }

    private static List<Integer> exactOrder(String tag) {
        return exactOrder(tag, null);
    }

    /**
     * Alpha's live jobs (of this status, when given) with a live application carrying the tag, in the list's order,
     * read as the tables' owner.
     */
    private static List<Integer> exactOrder(String tag, String status) {
        List<Integer> ids = new ArrayList<>();
        try (java.sql.Connection c = db.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT j.id FROM public.jobs j WHERE j.company_id = 1"
                     + " AND j.deleted_at IS NULL AND EXISTS (SELECT 1 FROM public.job_applications a WHERE"
                     + " a.job_id = j.id AND a.deleted_at IS NULL AND a.tags @> jsonb_build_array(?::text))"
                     + " AND (?::text IS NULL OR j.status::text = ?)"
                     + " ORDER BY j.posted_at DESC NULLS FIRST, j.id DESC")) {
            ps.setString(1, tag);
            ps.setString(2, status);
            ps.setString(3, status);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    @Test
    void theTagFunctionsAnswerNothingWithoutASessionOrForAnotherCompanysTag() {
        assertThat(clientInts(anne, "SELECT * FROM recruiter.tagged_job_page(?, NULL, NULL, NULL, 50)", "beta-only"))
                .isEmpty();
        assertThat(clientInts(anne, "SELECT recruiter.tagged_job_count(?, NULL)", "beta-only")).containsExactly(0);
        assertThat(clientInts(hugo, "SELECT * FROM recruiter.tagged_job_page(?, NULL, NULL, NULL, 50)", "java"))
                .containsExactly(11);
        // a page size out of range is capped, not an error
        assertThat(clientInts(anne, "SELECT * FROM recruiter.tagged_job_page(?, NULL, NULL, NULL, -5)", "java")).hasSize(1);
        // a client login without a session: nothing
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", "pipeline_tags_client");
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, login);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM recruiter.tagged_job_page('java', NULL,"
                     + " NULL, NULL, 50) UNION ALL SELECT recruiter.tagged_job_count('java', NULL)");
             ResultSet rs = ps.executeQuery()) {
            List<Long> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
            assertThat(found).as("the page's size, then the count").containsExactly(0L, 0L);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement with one text parameter run by the client login itself in the person's session. */
    private static List<Integer> clientInts(SignedIn who, String sql, String text) {
        return who.unitOfWork().inTransaction(session -> {
            List<Integer> found = new ArrayList<>();
            try (PreparedStatement ps = session.getConnection().prepareStatement(sql)) {
                ps.setString(1, text);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getInt(1));
                    }
                }
            }
            return found;
        });
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
