package co.intowork.recruiter.seed;

public record DemoLogin(String email, String fullName, String company, String position) {
}
