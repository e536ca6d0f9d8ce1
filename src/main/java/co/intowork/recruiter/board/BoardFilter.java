package co.intowork.recruiter.board;

import java.util.List;

/**
 * What the board shows of each column: cards whose candidate's name holds {@code name} (accents and case
 * ignored), rated at least {@code minRating}, carrying any of {@code tags}, from any of {@code sources} ("" is a
 * direct application, no source). Empty parts filter nothing. Applied by the page query itself, so a filtered
 * column still pages through the whole column, not only what was loaded. {@code minAiScore}: the platform's AI match
 * score at least this (unscored cards left out); {@code order}: the columns' order (not a filter).
 */
public record BoardFilter(String name, Integer minRating, List<String> tags, List<String> sources, Integer minAiScore,
                          BoardOrder order) {
    public static final BoardFilter NONE = new BoardFilter(null, null, List.of(), List.of());

    public BoardFilter {
        name = name == null || name.isBlank() ? null : name.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
        order = order == null ? BoardOrder.NEWEST : order;
    }

    public BoardFilter(String name, Integer minRating, List<String> tags, List<String> sources) {
        this(name, minRating, tags, sources, null, BoardOrder.NEWEST);
    }

    public boolean isEmpty() {
        return name == null && minRating == null && tags.isEmpty() && sources.isEmpty() && minAiScore == null;
    }

    public boolean byAiScore() {
        return order == BoardOrder.AI_SCORE;
    }

    /** The name as an ILIKE pattern: anywhere in the name, the user's % _ and \ taken literally. */
    public String namePattern() {
        return name == null ? null
                : "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public String[] tagArray() {
        return tags.isEmpty() ? null : tags.toArray(String[]::new);
    }

    public String[] sourceArray() {
        return sources.isEmpty() ? null : sources.toArray(String[]::new);
    }
}
