package co.intowork.recruiter.common.db.admin;

/** One way a client login's role differs from what IT set with `client-login create` (NULL: not set at all). */
public record ClientLoginDrift(String loginName, String setting, String expected, String actual) {
    public String describe() {
        return loginName + ": " + setting + " is " + (actual == null ? "not set" : actual)
                + (expected == null ? "" : ", IT set " + expected);
    }
}
