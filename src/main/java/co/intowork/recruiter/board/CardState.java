package co.intowork.recruiter.board;

import java.time.OffsetDateTime;

/**
 * What an application looks like now, after a move was refused because it changed: its card and its latest
 * status change (who made it, when, and whether it came from the web platform).
 */
public record CardState(BoardCard card, OffsetDateTime changedAt, String changedBy, String source) {
}
