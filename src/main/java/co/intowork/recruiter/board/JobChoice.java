package co.intowork.recruiter.board;

/** A job the signed-in person may open on the board. */
public record JobChoice(int id, String title, String status, long applications) {
    @Override
    public String toString() {
        return title + "  (" + applications + ")";
    }
}
