package co.intowork.recruiter.app;

import co.intowork.recruiter.common.ui.Messages;

/** The main window's navigation targets. */
public enum Section {
    PIPELINE("pipeline"),
    BOARD("board"),
    REVIEW("review"),
    STATISTICS("statistics"),
    INBOX("inbox"),
    // offline review (sync)
    SYNC("sync"),
    // candidate search (issue 19)
    SEARCH("search");

    private final String key;

    Section(String key) {
        this.key = key;
    }

    public String title() {
        return Messages.text("nav." + key);
    }

    public String summary() {
        return Messages.text("section." + key + ".summary");
    }
}
