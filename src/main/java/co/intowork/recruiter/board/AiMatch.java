package co.intowork.recruiter.board;

/**
 * The state of the platform's AI match analysis of an application: scored (ai_score set), unavailable (analysed,
 * or details written, but no score: the platform's placeholder analysis), or not analysed yet (nothing written).
 */
public enum AiMatch {
    SCORED, UNAVAILABLE, NOT_ANALYSED
}
