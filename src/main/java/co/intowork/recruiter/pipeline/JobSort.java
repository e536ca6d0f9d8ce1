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
    /** Soonest expiry first; jobs without an expiry date last. */
    EXPIRING;

    @Override
    public String toString() {
        return Messages.text("pipeline.sort." + name().toLowerCase(Locale.ROOT));
    }
}
