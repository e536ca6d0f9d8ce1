package co.intowork.recruiter.sync;

import co.intowork.recruiter.review.Scorecard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Three-way merges of what an offline operation changed with what the server has now. */
final class Merge {
    private Merge() {
    }

    /**
     * Both kept: theirs as they are, then what I added. When my notes extend the base (the usual case: I wrote
     * below what was there), only my addition is appended, so the base is not repeated.
     */
    static String notes(String base, String theirs, String mine) {
        String b = base == null ? "" : base;
        String m = mine == null ? "" : mine;
        String added = !b.isEmpty() && m.startsWith(b) ? m.substring(b.length()).strip() : m.strip();
        if (added.isEmpty()) {
            return theirs;
        }
        return theirs == null || theirs.isBlank() ? added : theirs.stripTrailing() + "\n\n" + added;
    }

    /** The field-by-field merge, the fields both sides changed differently, and mine-wins for a re-apply. */
    record ScorecardMerge(Scorecard merged, Scorecard mineWins, List<String> conflicts) {
    }

    static ScorecardMerge scorecards(Scorecard base, Scorecard theirs, Scorecard mine) {
        Map<Scorecard.Criterion, Integer> merged = new EnumMap<>(Scorecard.Criterion.class);
        Map<Scorecard.Criterion, Integer> mineWins = new EnumMap<>(Scorecard.Criterion.class);
        List<String> conflicts = new ArrayList<>();
        for (Scorecard.Criterion c : Scorecard.Criterion.values()) {
            Integer b = base.scores().get(c);
            Integer t = theirs.scores().get(c);
            Integer m = mine.scores().get(c);
            if (Objects.equals(b, m)) {
                merged.put(c, t);
                mineWins.put(c, t);
            } else if (Objects.equals(b, t) || Objects.equals(t, m)) {
                merged.put(c, m);
                mineWins.put(c, m);
            } else {
                conflicts.add(c.key());
                merged.put(c, t);
                mineWins.put(c, m);
            }
        }
        // keys the client does not edit (the web's own) are taken as the server has them now
        return new ScorecardMerge(theirs.withScores(merged), theirs.withScores(mineWins), conflicts);
    }
}
