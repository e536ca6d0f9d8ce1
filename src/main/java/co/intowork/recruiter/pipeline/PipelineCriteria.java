package co.intowork.recruiter.pipeline;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What the pipeline shows: whose jobs (a recruiter's company, or a hiring manager's assigned jobs), the filters,
 * the order and, for the next page, the keyset of the last row already shown (null for the first page).
 * {@code tag}: only jobs with a live application carrying it, in the platform's form (trimmed, lower-cased).
 * {@code asOf}: for "Expiring soonest" only (null for the other orders), the moment that splits the jobs into those
 * still to expire and those already expired. It is one value for the whole listing ({@link #after} keeps it): with
 * the database's now() a job expiring between two pages would move from the first group to the last one behind
 * the cursor, and be shown twice or never.
 */
public record PipelineCriteria(Integer companyId, int userId, JobStatus status, JobType jobType,
                               LocationType locationType, String country, Integer employerId, String search,
                               String tag, JobSort sort, Cursor after, int limit, OffsetDateTime asOf) {
    /** "Expiring soonest"'s groups, in the list's order (see {@link JobSort#EXPIRING}). */
    public static final int STILL_OPEN = 1;
    public static final int NO_EXPIRY = 2;
    public static final int EXPIRED = 3;

    public PipelineCriteria {
        // microseconds, as PostgreSQL stores them: the group this class gives a cursor's expiry must be the one
        // the statement's "expires_at >= asOf" gives its row (pgjdbc would round the nanoseconds, we truncate)
        asOf = sort != JobSort.EXPIRING ? null
                : (asOf == null ? OffsetDateTime.now() : asOf).truncatedTo(ChronoUnit.MICROS);
    }

    /** For the expiring order, now; a listing keeps the moment of its first page. */
    public PipelineCriteria(Integer companyId, int userId, JobStatus status, JobType jobType,
                            LocationType locationType, String country, Integer employerId, String search,
                            String tag, JobSort sort, Cursor after, int limit) {
        this(companyId, userId, status, jobType, locationType, country, employerId, search, tag, sort, after, limit,
                null);
    }

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

    /** The group of "Expiring soonest" a job of this expiry belongs to, as of {@link #asOf}. */
    public int expiringGroup(OffsetDateTime expiresAt) {
        if (expiresAt == null) {
            return NO_EXPIRY;
        }
        return expiresAt.isBefore(asOf) ? EXPIRED : STILL_OPEN;
    }

    /** The group of the last row shown (0 on the first page): the groups before it are not read again. */
    public int afterExpiringGroup() {
        return after == null ? 0 : expiringGroup(after.time());
    }

    /**
     * A search whose page recruiter.search_job_page (V41) cuts in the list's own order: newest first and no other
     * filter (the tag included), so the page it hands out is the page shown. Otherwise the page filters and orders
     * every hit.
     */
    public boolean searchPagedInListOrder() {
        return hasSearch() && sort == JobSort.NEWEST && status == null && noFilterButStatus() && !hasTag();
    }

    /**
     * A tag filter whose page recruiter.tagged_job_page (V57) cuts in the list's own order, and whose total
     * recruiter.tagged_job_count counts: newest first, no search and no other filter than the status. Otherwise
     * the tagged ids filter the list (PipelineService).
     */
    public boolean tagPagedInListOrder() {
        return hasTag() && sort == JobSort.NEWEST && noFilterButStatus() && !hasSearch();
    }

    private boolean noFilterButStatus() {
        return jobType == null && locationType == null && country == null && employerId == null;
    }

    public PipelineCriteria after(JobSummary last) {
        return new PipelineCriteria(companyId, userId, status, jobType, locationType, country, employerId, search,
                tag, sort, Cursor.of(last, sort), limit, asOf);
    }

    public PipelineCriteria firstPage() {
        return firstRows(limit);
    }

    /** The same listing, first page, {@code limit} rows (the rows shown, read again). */
    public PipelineCriteria firstRows(int rows) {
        return new PipelineCriteria(companyId, userId, status, jobType, locationType, country, employerId, search,
                tag, sort, null, rows, asOf);
    }
}
