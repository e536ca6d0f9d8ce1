package co.intowork.recruiter.app;

import co.intowork.recruiter.stats.StatsSettings;
import co.intowork.recruiter.sync.CvFiles;

/**
 * What the signed-in workspace takes from the settings. {@code cvFiles}: where CV files are kept offline, null when
 * the settings about them are broken (metadata is still copied).
 */
record WorkspaceSettings(CvFiles cvFiles, StatsSettings stats) {
    /** For windows with no settings of their own (tests): no CV files offline, statistics on the main database. */
    static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, StatsSettings.defaults());
    }
}
