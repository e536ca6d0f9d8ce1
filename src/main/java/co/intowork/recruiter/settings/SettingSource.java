package co.intowork.recruiter.settings;

/** Where a setting's value came from, lowest precedence first. */
public enum SettingSource {
    DEFAULT("built-in default"),
    MACHINE_FILE("machine-wide file"),
    USER_FILE("user settings file"),
    ENVIRONMENT("environment"),
    COMMAND_LINE("command line");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
