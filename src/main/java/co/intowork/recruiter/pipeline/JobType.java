package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;

/** jobs.job_type, as the platform stores it (lower case; ck_jobs_job_type_values). */
public enum JobType {
    FULL_TIME, PART_TIME, CONTRACT, TEMPORARY, INTERNSHIP;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobType fromDb(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return Messages.text("pipeline.jobType." + dbValue());
    }
}
