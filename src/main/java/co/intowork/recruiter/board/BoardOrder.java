package co.intowork.recruiter.board;

/** The order of the board's columns: newest application first, or best AI match first (unscored last). */
public enum BoardOrder {
    NEWEST, AI_SCORE
}
