package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.stats.StatsQuery;
import org.apache.ibatis.session.SqlSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform web backend's way (BaselineMapper.xml) of getting what each screen shows, on the platform's
 * deployed indexes only: {@link #dropOurIndexes} runs first in the baseline's transaction, as the tables' owner,
 * and that transaction is rolled back at the end, so the indexes come back untouched (DDL is transactional in
 * PostgreSQL).
 */
final class Baseline {
    private static final String V1 = "db/migration/V1__platform_schema.sql";
    private static final Pattern V1_INDEX = Pattern.compile(
            "(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+))|(?:CONSTRAINT\\s+(\\w+)\\s+(?:PRIMARY\\s+KEY|UNIQUE))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The statuses the platform's screens count one by one. */
    private static final List<ApplicationStatus> STATUSES = List.of(ApplicationStatus.values());

    private Baseline() {
    }

    /** The index names V1 (the platform's schema as deployed) creates, read from the migration itself. */
    static Set<String> platformIndexes() {
        try (InputStream in = Baseline.class.getClassLoader().getResourceAsStream(V1)) {
            if (in == null) {
                throw new IllegalStateException(V1 + " is not on the class path");
            }
            Matcher m = V1_INDEX.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new LinkedHashSet<>();
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops, in the caller's transaction, every index on a platform table that V1 did not create; their names. */
    static List<String> dropOurIndexes(SqlSession owner) {
        Set<String> keep = platformIndexes();
        BaselineMapper mapper = owner.getMapper(BaselineMapper.class);
        List<String> dropped = new ArrayList<>();
        for (BaselineMapper.IndexRow index : mapper.publicIndexes()) {
            if (keep.contains(index.name)) {
                continue;
            }
            if (index.backsConstraint || !IDENTIFIER.matcher(index.name).matches()) {
                throw new IllegalStateException("Cannot set up the baseline: index " + index.name + " on "
                        + index.tableName + " is not V1's and cannot be dropped on its own");
            }
            mapper.dropIndex(index.name);
            dropped.add(index.name);
        }
        return dropped;
    }

    private static BaselineMapper m(SqlSession s) {
        return s.getMapper(BaselineMapper.class);
    }

    /** The job list with one COUNT per status and job, OFFSET paging at the same depth as ours. */
    static int pipelinePage(SqlSession s, SignedInUser u, Map<String, Object> p) {
        int depth = (int) p.get("depth");
        List<Map<String, Object>> jobs = m(s).jobsPage(u.companyId(), depth * PipelineViewModel.PAGE_SIZE,
                PipelineViewModel.PAGE_SIZE);
        countEach(s, jobs);
        return jobs.size();
    }

    private static void countEach(SqlSession s, List<Map<String, Object>> jobs) {
        for (Map<String, Object> job : jobs) {
            int jobId = ((Number) job.get("id")).intValue();
            for (ApplicationStatus status : STATUSES) {
                m(s).countApplications(jobId, status.label());
            }
        }
    }

    static int countJobs(SqlSession s, SignedInUser u) {
        m(s).countJobs(u.companyId());
        return 1;
    }

    /**
     * The search alone, listing jobs.applications_count as the platform's job list does: our side also counts
     * every job's applications per status, so this ratio understates our gain (pipeline.page has the counts).
     */
    static int search(SqlSession s, SignedInUser u, String word) {
        return m(s).searchJobs(u.companyId(), word, PipelineViewModel.PAGE_SIZE).size();
    }

    static int boardCounts(SqlSession s, Map<String, Object> p) {
        for (ApplicationStatus status : STATUSES) {
            m(s).countApplications((int) p.get("jobId"), status.label());
        }
        return STATUSES.size();
    }

    static int boardPage(SqlSession s, Map<String, Object> p) {
        return m(s).applicationsPage((int) p.get("jobId"), (String) p.get("status"), (int) p.get("offset"),
                BoardService.PAGE_SIZE).size();
    }

    static int application(SqlSession s, Map<String, Object> p) {
        return m(s).application((int) p.get("applicationId")) == null ? 0 : 1;
    }

    static int profilePart(SqlSession s, String part, Map<String, Object> p) {
        int candidateId = (int) p.get("candidateId");
        return switch (part) {
            case "experiences" -> m(s).experiences(candidateId).size();
            case "educations" -> m(s).educations(candidateId).size();
            default -> m(s).skills(candidateId).size();
        };
    }

    /** Writes: the runner wraps every baseline call in a savepoint it rolls back (outside the timing). */
    static int save(SqlSession s, Map<String, Object> p) {
        return m(s).saveAssessment((int) p.get("applicationId"), (String) p.get("notes"), (Integer) p.get("rating"));
    }

    static int move(SqlSession s, Map<String, Object> p) {
        int id = (int) p.get("applicationId");
        int moved = m(s).changeStatus(id, (String) p.get("to"));
        m(s).notifyCandidate(id, (String) p.get("title"));
        return moved;
    }

    static int notificationsPage(SqlSession s, SignedInUser u) {
        return m(s).notificationsPage(u.userId(), 0, 50).size();
    }

    static int unreadCount(SqlSession s, SignedInUser u) {
        m(s).unreadCount(u.userId());
        return 1;
    }

    /** The dashboard the analysis describes: one COUNT per figure (jobs, applications, each status). */
    static int dashboard(SqlSession s, SignedInUser u, Map<String, Object> p) {
        StatsQuery q = (StatsQuery) p.get("q");
        m(s).countJobs(u.companyId());
        m(s).countCompanyApplications(u.companyId(), q.jobId(), null, q.from());
        for (ApplicationStatus status : STATUSES) {
            m(s).countCompanyApplications(u.companyId(), q.jobId(), status.label(), q.from());
        }
        return 2 + STATUSES.size();
    }
}
