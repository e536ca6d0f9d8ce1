package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Locale;

/** jobs.location_type, as the platform stores it (lower case; ck_jobs_location_type_values). */
public enum LocationType {
    ON_SITE, REMOTE, HYBRID;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LocationType fromDb(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return Messages.text("pipeline.locationType." + dbValue());
    }
}
