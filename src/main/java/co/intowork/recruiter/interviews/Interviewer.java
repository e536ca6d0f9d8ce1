package co.intowork.recruiter.interviews;

/** Someone who may sit on, or sits on, an interview: the platform's {"user_id", "name", "email"}. */
public record Interviewer(int userId, String name, String email) {
    @Override
    public String toString() {
        return email == null || email.isBlank() || email.equals(name) ? name : name + " <" + email + ">";
    }
}
