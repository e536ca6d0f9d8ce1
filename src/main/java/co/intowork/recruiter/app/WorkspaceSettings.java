package co.intowork.recruiter.app;

import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.live.LiveMode;
import co.intowork.recruiter.messages.SmtpSettings;
import co.intowork.recruiter.stats.StatsSettings;
import co.intowork.recruiter.sync.CvFiles;

import java.time.Duration;

/**
 * What the signed-in workspace takes from the settings. {@code cvFiles}: where CV files are kept offline, null when
 * the settings about them are broken (metadata is still copied). {@code undoWindow}: how long a candidate's
 * notification of a move waits for an undo (decision 0018). {@code smtp}: the SMTP server for candidates' messages,
 * null when none is set (or its settings are broken: said in the log), and then the user's mail program is used.
 * {@code liveMode}, {@code liveListenUrl}: the live board (decision 0021; the URL null for the pool's own address).
 */
record WorkspaceSettings(CvFiles cvFiles, StatsSettings stats, Duration undoWindow, SmtpSettings smtp,
                         LiveMode liveMode, String liveListenUrl) {
    WorkspaceSettings(CvFiles cvFiles, StatsSettings stats, Duration undoWindow) {
        this(cvFiles, stats, undoWindow, null, LiveMode.OFF, null);
    }

    /**
     * For windows with no settings of their own (tests): no CV files offline, statistics on the main database, the
     * default undo window, no live board (its own tests start it).
     */
    static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, StatsSettings.defaults(), BoardService.DEFAULT_UNDO_WINDOW);
    }
}
