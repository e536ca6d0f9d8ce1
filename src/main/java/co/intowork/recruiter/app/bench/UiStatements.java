package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.search.CandidateSearchService;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.notifications.NotificationMapper;
import co.intowork.recruiter.notifications.NotificationService;
import co.intowork.recruiter.pipeline.JobSort;
import co.intowork.recruiter.pipeline.PipelineCriteria;
import co.intowork.recruiter.pipeline.PipelineMapper;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.review.ReviewService;
import co.intowork.recruiter.review.Scorecard;
import co.intowork.recruiter.stats.StatsMapper;
import co.intowork.recruiter.stats.StatsQuery;
import co.intowork.recruiter.stats.StatsService;
import co.intowork.recruiter.stats.StatsSettings;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The registry: every statement the UI issues, as the benchmark runs it for one subject. A feature adds its own
 * statements with a few {@link #read} lines in {@link #forSubject}.
 */
public final class UiStatements {
    private static final String PIPELINE = PipelineMapper.class.getName() + ".";
    private static final String BOARD = BoardMapper.class.getName() + ".";
    private static final String REVIEW = ReviewMapper.class.getName() + ".";
    private static final String INBOX = NotificationMapper.class.getName() + ".";
    private static final String STATS = StatsMapper.class.getName() + ".";
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    /**
     * Counting a job's applications: the board index (job_id, status, applied_at), or the unique (job_id,
     * candidate_id) one, which the planner may take for a whole job's count; either reads only that job.
     */
    /** The board's header reads the job's counts row (kept by triggers, V30) rather than counting its cards. */
    private static final String COUNTS_INDEX = "job_application_counts_pkey";
    /** V1 has both a primary key and a plain index on job_applications.id; the planner takes either. */
    private static final String APPLICATION_BY_ID = "job_applications_pkey|ix_job_applications_id";
    /** Deepest page drawn: recruiters page a little, rarely far. */
    private static final int MAX_DEPTH = 10;

    private UiStatements() {
    }

    /** The names every subject gets when its data has them (the test checks the report against this list). */
    public static final List<String> NAMES = List.of("session.use_session", "pipeline.page", "pipeline.count",
            "pipeline.search.fr_common", "pipeline.search.fr_rare", "pipeline.search.en_common",
            "pipeline.search.en_rare", "pipeline.expiring", "pipeline.tagged", "pipeline.tagged_count",
            "pipeline.recruiters",
            "pipeline.countries",
            "board.job_choices", "board.job_search",
            "board.header", "board.page", "review.application", "review.experiences", "review.educations",
            "review.skills", "review.events", "review.save", "board.move", "candidates.search.fr_common",
            "candidates.search.fr_rare", "candidates.search.en_common", "candidates.search.en_rare",
            "candidates.applications", "notifications.page",
            "notifications.unread_count", "stats.dashboard", "stats.funnel", "stats.times", "stats.stale",
            "stats.weekly", "stats.sources", "stats.top_jobs", "stats.dashboard.30d", "stats.funnel.30d",
            "stats.times.30d", "stats.weekly.30d", "stats.sources.30d", "stats.top_jobs.30d",
            "stats.dashboard.quarter", "stats.funnel.quarter", "stats.times.quarter", "stats.weekly.quarter",
            "stats.sources.quarter", "stats.top_jobs.quarter", "stats.dashboard.job", "stats.funnel.job",
            "stats.times.job", "stats.stale.job", "stats.weekly.job", "stats.sources.job", "stats.top_jobs.job",
            "stats.jobs");

    public static List<BenchStatement> forSubject(Subject s) {
        SignedInUser u = s.user();
        Subject.Pools p = s.pools();
        UnitOfWork client = s.client();
        boolean recruiter = u.isRecruiter();
        // V37's company indexes hand out a recruiter's jobs in the list's order; a hiring manager's few jobs are
        // probed by id
        // (a small company's few jobs may come through any of them)
        String jobsIndex = recruiter
                ? "ix_jobs_company_posted|ix_jobs_company_status|ix_jobs_company_title|ix_jobs_company_expiring"
                        + "|ix_jobs_company_country|ix_jobs_company_id"
                : "jobs_pkey|ix_jobs_id";
        String pageIndex = jobsIndex;
        List<BenchStatement> all = new ArrayList<>();

        all.add(new BenchStatement("session.use_session", "recruiter.use_session(token): first statement of "
                + "every transaction", r -> params("token", s.token()),
                read(client, SessionMapper.class.getName() + ".useSession"), x -> List.of(), List.of(), null));

        all.add(read(s, "pipeline.page", "pipeline: a page of " + PipelineViewModel.PAGE_SIZE
                        + " jobs, newest first (keyset, random depth up to " + MAX_DEPTH
                        + " pages), each with its applications counted per status and new",
                PIPELINE + "page", r -> {
                    int depth = pipelineDepth(s, r);
                    return params("c", criteria(u, null, cursorAt(s, depth)), "depth", depth);
                }, pageIndex, "job_application_counts_pkey")
                .withBaseline((o, m) -> Baseline.pipelinePage(o, u, m)));
        // a count reads the company's range of any index led by company_id: for a company of a few jobs the
        // planner may take the GIN ones (btree_gin, V36), as it did for the demo data's small company on 2026-12-08
        String countIndex = recruiter ? jobsIndex + "|ix_jobs_company_title_trgm|ix_jobs_company_search_document"
                : jobsIndex;
        all.add(read(s, "pipeline.count", "pipeline: how many jobs the list has", PIPELINE + "count",
                r -> params("c", criteria(u, null, null)), countIndex)
                .withBaseline((o, m) -> Baseline.countJobs(o, u)));
        for (Map.Entry<String, String> w : p.words().entrySet()) {
            String word = w.getValue();
            all.add(new BenchStatement("pipeline.search." + w.getKey(), "pipeline: first page of a full-text search "
                    + "for '" + word + "' (" + w.getKey().replace('_', ' ') + " word of the titles)",
                    r -> params("c", criteria(u, word, null)), read(client, PIPELINE + "page"),
                    m -> searchPlans(s, m, word), List.of("ix_jobs_company_search_document", "job_application_counts_pkey"),
                    (o, m) -> Baseline.search(o, u, word)));
        }
        // "Expiring soonest" (decision 0006): still to expire, then no expiry, then expired, each a range of V37's
        // ix_jobs_company_expiring cut to the page
        all.add(read(s, "pipeline.expiring", "pipeline: first page of " + PipelineViewModel.PAGE_SIZE
                        + " jobs, expiring soonest (still open first, then no expiry, then expired)",
                PIPELINE + "page", r -> {
                    PipelineCriteria c = criteria(u, null, null);
                    return params("c", new PipelineCriteria(c.companyId(), c.userId(), null, null, null, null, null,
                            null, null, JobSort.EXPIRING, null, c.limit(), null));
                }, pageIndex, "job_application_counts_pkey"));
        // the tag filter (decisions 0026, 0031): since V57 a tag alone is two reads like the unfiltered list, its
        // page through recruiter.tagged_job_page (no ids: tagged is null, as PipelineService sends it) and its count,
        // each timed alone as pipeline.page and pipeline.count are (until stop 30: the whole service transaction,
        // when it also fetched the tagged ids first)
        all.add(new BenchStatement("pipeline.tagged", "pipeline: first page of the jobs tagged '" + TAG
                + "' (recruiter.tagged_job_page, as PipelineService sends a tag alone)",
                r -> params("c", tagged(criteria(u, null, null), TAG), "tagged", null),
                read(client, PIPELINE + "page", session -> session.getMapper(SessionMapper.class)
                        .planOnceForAnyValues()),
                m -> explain(client, m, PIPELINE + "page"), List.of(), null));
        all.add(new BenchStatement("pipeline.tagged_count", "pipeline: how many jobs are tagged '" + TAG
                + "' (recruiter.tagged_job_count, from the tag index alone)",
                r -> params("tag", TAG, "status", null), read(client, PIPELINE + "taggedCount"),
                m -> explain(client, m, PIPELINE + "taggedCount"), List.of(), null));
        all.add(read(s, "pipeline.recruiters",
                "pipeline: the recruiter filter's list, one row of two arrays (once per opening)",
                PIPELINE + "recruiters", r -> params("companyId", u.companyId(), "userId", u.userId())));
        all.add(read(s, "pipeline.countries", "pipeline: the country filter's list (once per opening)",
                PIPELINE + "countries", r -> params("companyId", u.companyId(), "userId", u.userId()),
                recruiter ? "ix_jobs_company_country" : "jobs_pkey|ix_jobs_id"));

        all.add(read(s, "board.job_choices", "board: the job picker (the " + BoardService.JOB_CHOICES
                        + " most recent jobs; typing searches them all)", BOARD + "jobChoices",
                r -> params("companyId", u.companyId(), "userId", u.userId(), "search", null,
                        "limit", BoardService.JOB_CHOICES), pageIndex));
        all.add(read(s, "board.job_search", "board: the job picker's find field, '" + p.words().get("fr_common")
                        + "' among all the jobs", BOARD + "jobChoices",
                r -> params("companyId", u.companyId(), "userId", u.userId(), "search", p.words().get("fr_common"),
                        "limit", BoardService.JOB_CHOICES)));
        all.add(read(s, "board.header", "board: the job and its applications counted per status (a random job)",
                BOARD + "header", r -> params("jobId", pick(r, p.jobs()).jobId, "companyId", u.companyId(),
                        "userId", u.userId()), COUNTS_INDEX)
                .withBaseline(Baseline::boardCounts));
        // recruiter.board_page (V53, V56): its statements' plans through auto_explain, as the client
        all.add(new BenchStatement("board.page", "board: 50 cards of a column (random job and non-empty column, keyset "
                + "at a random depth up to " + MAX_DEPTH + " pages) with names, titles and time in status",
                r -> columnPage(s, r), read(client, BOARD + "page"),
                m -> boardPagePlans(s, m), List.of("ix_job_applications_board"), null)
                .withBaseline(Baseline::boardPage));

        all.add(read(s, "review.application", "review: the application with the candidate's profile, CV and "
                        + "cover letter (random application)", REVIEW + "application",
                r -> {
                    BenchMapper.ApplicationRow a = pick(r, p.applications());
                    return params("applicationId", a.applicationId, "companyId", u.companyId(),
                            "userId", u.userId(), "candidateId", a.candidateId);
                }, APPLICATION_BY_ID)
                .withBaseline(Baseline::application));
        for (String part : List.of("experiences", "educations", "skills")) {
            all.add(read(s, "review." + part, "review: the candidate's " + part, REVIEW + part,
                    r -> params("candidateId", pick(r, p.applications()).candidateId), "ix_" + part + "_candidate")
                    .withBaseline((o, m) -> Baseline.profilePart(o, part, m)));
        }
        all.add(read(s, "review.events", "review: the application's status history", REVIEW + "events",
                r -> params("applicationId", pick(r, p.applications()).applicationId),
                "ix_application_status_events_application_changed"));

        ReviewService review = new ReviewService(s.rollback());
        all.add(new BenchStatement("review.save", "review: save notes and rating (ReviewService, optimistic lock; "
                + "whole transaction incl. use_session, rolled back)",
                r -> {
                    BenchMapper.ApplicationRow a = pick(r, p.applications());
                    return params("applicationId", a.applicationId, "version", a.version,
                            "notes", "Benchmark note " + r.nextInt(1000), "rating", 1 + r.nextInt(5),
                            "scorecard", null);
                },
                m -> timed(() -> {
                    review.saveAssessment((int) m.get("applicationId"), (int) m.get("version"),
                            (String) m.get("notes"), (Integer) m.get("rating"), Scorecard.EMPTY);
                    return 1;
                }),
                m -> explain(client, m, REVIEW + "saveAssessment"), List.of(APPLICATION_BY_ID),
                Baseline::save));

        BoardService board = new BoardService(s.rollback());
        if (!p.appliedCards().isEmpty()) {
            all.add(new BenchStatement("board.move", "board: move one card applied → viewed (BoardService: "
                    + "version-checked UPDATE, status event and the candidate's pending notification by trigger; whole "
                    + "transaction incl. use_session, rolled back)",
                    r -> {
                        Subject.JobCard c = pick(r, p.appliedCards());
                        Integer[] ids = {c.card().applicationId()};
                        Integer[] versions = {c.card().version()};
                        return params("jobId", c.jobId(), "card", c, "ids", ids, "versions", versions,
                                "to", ApplicationStatus.VIEWED.label(), "undoSeconds", 10,
                                "title", ApplicationStatus.VIEWED.notificationTitle(), "applicationId", ids[0]);
                    },
                    m -> timed(() -> board.move((int) m.get("jobId"), List.of(new BoardService.Move(
                            ((Subject.JobCard) m.get("card")).card(), ApplicationStatus.VIEWED))).size()),
                    m -> explain(client, m, BOARD + "move"),
                    List.of(APPLICATION_BY_ID), Baseline::move));
        }

        // the Candidates section (decision 0019): the match inside recruiter.search_candidates, then the hits'
        // applications; the words are the pipeline's, which candidates' titles share
        String candidates = CandidateSearchMapper.class.getName() + ".";
        for (Map.Entry<String, String> w : p.words().entrySet()) {
            all.add(read(s, "candidates.search." + w.getKey(), "candidates: the best " + CandidateSearchService.MAX_HITS
                            + " hits for '" + w.getValue() + "' (" + w.getKey().replace('_', ' ') + " word)",
                    candidates + "search", r -> params("query", w.getValue(), "minYears", null,
                            "limit", CandidateSearchService.MAX_HITS)));
        }
        all.add(read(s, "candidates.applications", "candidates: the applications of " + CandidateSearchService.MAX_HITS
                        + " hits (random applicants of the scope), at most " + (CandidateSearchService.JOBS_PER_HIT + 1)
                        + " each", candidates + "applications",
                r -> params("candidateIds", r.ints(CandidateSearchService.MAX_HITS, 0, p.applications().size())
                                .mapToObj(i -> p.applications().get(i).candidateId).distinct().toArray(Integer[]::new),
                        "companyId", u.companyId(), "userId", u.userId(),
                        "perCandidate", CandidateSearchService.JOBS_PER_HIT + 1)));

        all.add(read(s, "notifications.page", "inbox: the newest 50 notifications", INBOX + "page",
                r -> params("userId", u.userId(), "unreadOnly", false, "beforeCreatedAt", null, "beforeId", null,
                        "limit", NotificationService.PAGE_SIZE), "ix_notifications_user_created")
                .withBaseline((o, m) -> Baseline.notificationsPage(o, u)));
        all.add(read(s, "notifications.unread_count", "inbox: the unread count in the side bar (every minute)",
                INBOX + "unreadCount", r -> params("userId", u.userId()), "ix_notifications_user_unread")
                .withBaseline((o, m) -> Baseline.unreadCount(o, u)));
        // statistics (goal: 10 ms at p95), each panel timed for all time (the screen's default), the last 30 days,
        // the previous calendar quarter, and one random job of all time
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.LocalDate quarterStart = today.withDayOfMonth(1)
                .withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        Map<String, Function<Random, Map<String, Object>>> periods = new java.util.LinkedHashMap<>();
        periods.put("", r -> statsParams(u, null, null, null));
        periods.put(".30d", r -> statsParams(u, null, today.minusDays(29), today));
        periods.put(".quarter", r -> statsParams(u, null, quarterStart, quarterStart.plusMonths(3).minusDays(1)));
        periods.put(".job", r -> statsParams(u, pick(r, p.jobs()).jobId, null, null));
        for (Map.Entry<String, Function<Random, Map<String, Object>>> e : periods.entrySet()) {
            String v = e.getKey();
            Function<Random, Map<String, Object>> period = e.getValue();
            String when = switch (v) {
                case ".30d" -> " (last 30 days)";
                case ".quarter" -> " (previous calendar quarter)";
                case ".job" -> " (one random job)";
                default -> "";
            };
            BenchStatement dashboard = read(s, "stats.dashboard" + v, "statistics: the summary figures" + when,
                    STATS + "dashboard", period);
            all.add(v.isEmpty() || v.equals(".30d") ? dashboard.withBaseline((o, m) -> Baseline.dashboard(o, u, m))
                    : dashboard);
            all.add(read(s, "stats.funnel" + v, "statistics: the funnel (reached each status)" + when,
                    STATS + "funnel", period));
            all.add(read(s, "stats.times" + v, "statistics: time in stage, to first view and to hire" + when,
                    STATS + "times", period));
            if (!v.equals(".30d") && !v.equals(".quarter")) {
                // not limited to the period: the same statement whatever the period
                all.add(read(s, "stats.stale" + v, "statistics: applications waiting longer than the stale "
                        + "threshold (200)" + when, STATS + "stale", period));
            }
            all.add(read(s, "stats.weekly" + v, "statistics: applications per week" + when, STATS + "weekly",
                    period));
            all.add(read(s, "stats.sources" + v, "statistics: applications per source" + when, STATS + "sources",
                    period));
            all.add(read(s, "stats.top_jobs" + v, "statistics: the 10 jobs with the most applications" + when,
                    STATS + "topJobs", r -> with(period.apply(r), "limit", StatsService.TOP_JOBS)));
        }
        all.add(read(s, "stats.jobs", "statistics: the job filter's list (the " + StatsService.JOB_CHOICES
                + " most recent jobs)", STATS + "jobs",
                r -> with(periods.get("").apply(r), "limit", StatsService.JOB_CHOICES), pageIndex));
        return all;
    }

    private static Map<String, Object> statsParams(SignedInUser u, Integer jobId, java.time.LocalDate from,
                                                   java.time.LocalDate to) {
        return params("q", StatsQuery.of(u, jobId, from, to, StatsSettings.DEFAULT_STALE_DAYS),
                "limit", StatsService.STALE_LIMIT);
    }

    static Map<String, Object> with(Map<String, Object> m, Object... keyValues) {
        m.putAll(params(keyValues));
        return m;
    }

    /** A read statement of a mapper, run by id with the drawn map, planned with the same map. */
    public static BenchStatement read(Subject s, String name, String what, String statementId,
                                      Function<Random, Map<String, Object>> draw, String... intendedIndexes) {
        return new BenchStatement(name, what, draw, read(s.client(), statementId),
                m -> explain(s.client(), m, statementId), List.of(intendedIndexes), null);
    }

    /** The job lists, whose services plan them for their own parameters first (SessionMapper.planForTheseValues). */
    private static final Set<String> CUSTOM_PLANS = Set.of(PIPELINE + "count",
            PIPELINE + "recruiters", PIPELINE + "countries", BOARD + "jobChoices", STATS + "jobs", STATS + "topJobs");

    /** Inside recruiter.board_page (needs a superuser owner for auto_explain; else the call's own plan). */
    private static List<JsonNode> boardPagePlans(Subject s, Map<String, Object> m) {
        String login = s.client().inTransaction(session -> session.getConnection().getMetaData().getUserName());
        try {
            return s.owner().inTransaction(session -> Plans.nested(session, login, s.token(), BOARD + "page", m)
                    .plans());
        } catch (RuntimeException e) {
            return explain(s.client(), m, BOARD + "page");
        }
    }

    static BenchStatement.Timed read(UnitOfWork client, String statementId) {
        boolean customPlans = CUSTOM_PLANS.contains(statementId);
        return read(client, statementId, session -> {
            if (customPlans) {
                session.getMapper(SessionMapper.class).planForTheseValues();
            }
        });
    }

    /** A read timed alone, after what its service sends first in the same transaction (untimed, as above). */
    static BenchStatement.Timed read(UnitOfWork client, String statementId, Consumer<SqlSession> sentBefore) {
        return m -> client.inTransaction(session -> {
            sentBefore.accept(session);
            long start = System.nanoTime();
            List<Object> rows = session.selectList(statementId, m);
            return new BenchStatement.Sample(System.nanoTime() - start, rows.size());
        });
    }

    interface Work {
        int run() throws Exception;
    }

    static BenchStatement.Sample timed(Work work) throws Exception {
        long start = System.nanoTime();
        int rows = work.run();
        return new BenchStatement.Sample(System.nanoTime() - start, rows);
    }

    static List<JsonNode> explain(UnitOfWork uow, Map<String, Object> m, String... statementIds) {
        return uow.inTransaction(session -> {
            List<JsonNode> plans = new ArrayList<>();
            for (String id : statementIds) {
                plans.add(Plans.explainForGuard(session, id, m));
            }
            return plans;
        });
    }

    /**
     * The page as the client plans it (the match is hidden inside recruiter.search_visible_jobs, a SECURITY DEFINER
     * function), and the function's own statement as its owner plans it for this word.
     */
    private static List<JsonNode> searchPlans(Subject s, Map<String, Object> m, String word) {
        if (!WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("unexpected search word " + word);
        }
        List<JsonNode> plans = new ArrayList<>(explain(s.client(), m, PIPELINE + "page"));
        plans.add(s.owner().inTransaction(session -> {
            String body = session.getMapper(BenchMapper.class).functionBody("recruiter.search_visible_jobs(text)");
            // every use of the parameter, also where it is passed on (partial_word_jobs(..., query))
            return Plans.explainSql(session, body.replaceAll("\\bquery\\b", "'" + word + "'"));
        }));
        return plans;
    }

    /** A tag a quarter of the largest company's jobs carry in the large data set (2,244 of 8,001). */
    static final String TAG = "bilingue";

    static PipelineCriteria tagged(PipelineCriteria c, String tag) {
        return new PipelineCriteria(c.companyId(), c.userId(), c.status(), c.jobType(), c.locationType(),
                c.country(), c.employerId(), c.search(), tag, c.sort(), c.after(), c.limit());
    }

    static PipelineCriteria criteria(SignedInUser u, String search, PipelineCriteria.Cursor after) {
        return new PipelineCriteria(u.isRecruiter() ? u.companyId() : null, u.userId(), null, null, null, null, null,
                search, JobSort.NEWEST, after, PipelineViewModel.PAGE_SIZE);
    }

    private static int pipelineDepth(Subject s, Random r) {
        long pages = (s.pools().visibleJobs() + PipelineViewModel.PAGE_SIZE - 1) / PipelineViewModel.PAGE_SIZE;
        return r.nextInt((int) Math.max(1, Math.min(MAX_DEPTH, pages)));
    }

    /** The keyset of the row before page {@code depth} (0 = the first page, no keyset). */
    private static PipelineCriteria.Cursor cursorAt(Subject s, int depth) {
        if (depth == 0) {
            return null;
        }
        SignedInUser u = s.user();
        BenchMapper.Cursor c = s.client().inTransaction(session -> session.getMapper(BenchMapper.class)
                .pipelineCursor(u.isRecruiter() ? u.companyId() : null, u.userId(),
                        depth * PipelineViewModel.PAGE_SIZE - 1));
        return c == null ? null : new PipelineCriteria.Cursor(c.id, c.time, null);
    }

    private static Map<String, Object> columnPage(Subject s, Random r) {
        List<Integer> jobs = new ArrayList<>(s.pools().columns().keySet());
        int jobId = pick(r, jobs);
        Map<ApplicationStatus, Long> columns = s.pools().columns().get(jobId);
        List<ApplicationStatus> statuses = new ArrayList<>(columns.keySet());
        ApplicationStatus status = pick(r, statuses);
        long pages = (columns.get(status) + BoardService.PAGE_SIZE - 1) / BoardService.PAGE_SIZE;
        int depth = r.nextInt((int) Math.max(1, Math.min(MAX_DEPTH, pages)));
        Map<String, Object> m = params("jobId", jobId, "status", status.label(), "afterAppliedAt", null,
                "afterId", null, "limit", BoardService.PAGE_SIZE, "offset", depth * BoardService.PAGE_SIZE);
        if (depth > 0) {
            BenchMapper.Cursor c = s.client().inTransaction(session -> session.getMapper(BenchMapper.class)
                    .columnCursor(jobId, status.label(), depth * BoardService.PAGE_SIZE - 1));
            if (c != null) {
                m.put("afterAppliedAt", c.time);
                m.put("afterId", c.id);
            } else {
                m.put("offset", 0);
            }
        }
        return m;
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
