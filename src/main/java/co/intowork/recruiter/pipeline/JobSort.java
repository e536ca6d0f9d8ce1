package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;

/**
 * The orders the pipeline offers: each is a total order (ties broken by id) so keyset paging never skips or repeats
 * a job. "Most applications" is left out on purpose: it needs every job's counts before the first row, i.e. all
 * of the company's applications, on each page.
 */
public enum JobSort {
    /** Drafts (not posted yet) first, then by posted date, newest first; the order of ix_jobs_company_status. */
    NEWEST,
    TITLE,
    /**
     * What expires next: the jobs still to expire (at or after the listing's moment, PipelineCriteria.asOf), soonest
     * first; then those without an expiry date; then those already expired, the most recently expired first (the
     * ones a recruiter may still extend, before the years-old ones). Ties by id (descending among the expired: the
     * index read backwards).
     */
    EXPIRING;

    @Override
    public String toString() {
        return Messages.text("pipeline.sort." + name().toLowerCase(Locale.ROOT));
    }
}
