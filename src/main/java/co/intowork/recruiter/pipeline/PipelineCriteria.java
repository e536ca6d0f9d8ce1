package co.intowork.recruiter.pipeline;

import java.time.OffsetDateTime;

/**
 * What the pipeline shows: whose jobs (a recruiter's company, or a hiring manager's assigned jobs), the filters,
 * the order and, for the next page, the keyset of the last row already shown (null for the first page).
 * {@code tag}: only jobs with a live application carrying it, in the platform's form (trimmed, lower-cased).
 */
public record PipelineCriteria(Integer companyId, int userId, JobStatus status, JobType jobType,
                               LocationType locationType, String country, Integer employerId, String search,
                               String tag, JobSort sort, Cursor after, int limit) {
    /** Without a tag. */
    public PipelineCriteria(Integer companyId, int userId, JobStatus status, JobType jobType,
                            LocationType locationType, String country, Integer employerId, String search,
                            JobSort sort, Cursor after, int limit) {
        this(companyId, userId, status, jobType, locationType, country, employerId, search, null, sort, after, limit);
    }

    /** The sort key and id of the last row of the previous page. */
    public record Cursor(int id, OffsetDateTime time, String title) {
        static Cursor of(JobSummary row, JobSort sort) {
            return switch (sort) {
                case NEWEST -> new Cursor(row.getId(), row.getPostedAt(), null);
                case EXPIRING -> new Cursor(row.getId(), row.getExpiresAt(), null);
                case TITLE -> new Cursor(row.getId(), null, row.getTitle());
            };
        }
    }

    public boolean byCompany() {
        return companyId != null;
    }

    public boolean hasSearch() {
        return search != null && !search.isBlank();
    }

    public boolean hasTag() {
        return tag != null && !tag.isBlank();
    }

    /**
     * A search whose page recruiter.search_job_page (V41) cuts in the list's own order: newest first and no other
     * filter (the tag included), so the page it hands out is the page shown. Otherwise the page filters and orders
     * every hit.
     */
    public boolean searchPagedInListOrder() {
        return hasSearch() && sort == JobSort.NEWEST && status == null && jobType == null && locationType == null
                && country == null && employerId == null && !hasTag();
    }

    /**
     * A tag filter whose page recruiter.tagged_job_page (V57) cuts in the list's own order, and whose total
     * recruiter.tagged_job_count counts: newest first, no search and no other filter. Otherwise the tagged ids
     * filter the list (PipelineService).
     */
    public boolean tagPagedInListOrder() {
        return hasTag() && sort == JobSort.NEWEST && status == null && jobType == null && locationType == null
                && country == null && employerId == null && !hasSearch();
    }

    public PipelineCriteria after(JobSummary last) {
        return new PipelineCriteria(companyId, userId, status, jobType, locationType, country, employerId, search,
                tag, sort, Cursor.of(last, sort), limit);
    }

    public PipelineCriteria firstPage() {
        return new PipelineCriteria(companyId, userId, status, jobType, locationType, country, employerId, search,
                tag, sort, null, limit);
    }
}
