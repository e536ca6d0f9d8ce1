package co.intowork.recruiter.auth;

/**
 * An account of the demo data, offered on the sign-in screen. Belongs to sign-in, not to the seeder: the screen
 * shows what the database holds and never depends on how it was filled.
 */
public record DemoLogin(String email, String fullName, String company, String position) {
    /** Every seeded recruiter and hiring manager has it. */
    public static final String PASSWORD = "Demo-Recruteur-2026!";
}
