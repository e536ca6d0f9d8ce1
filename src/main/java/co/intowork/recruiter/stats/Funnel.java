package co.intowork.recruiter.stats;

import java.util.List;

/**
 * How many applications reached each stage: the furthest stage of their history, in the order applied < viewed <
 * shortlisted < interview < accepted, is that stage or a later one (decision 0008).
 */
public record Funnel(long applied, long viewed, long shortlisted, long interview, long accepted) {

    public enum Stage { APPLIED, VIEWED, SHORTLISTED, INTERVIEW, ACCEPTED }

    public record Step(Stage stage, long reached, Double passThrough) {
    }

    public long reached(Stage stage) {
        return switch (stage) {
            case APPLIED -> applied;
            case VIEWED -> viewed;
            case SHORTLISTED -> shortlisted;
            case INTERVIEW -> interview;
            case ACCEPTED -> accepted;
        };
    }

    /** Each stage with the share of the previous stage that reached it (null for the first, or after zero). */
    public List<Step> steps() {
        Stage[] stages = Stage.values();
        Step[] steps = new Step[stages.length];
        for (int i = 0; i < stages.length; i++) {
            long here = reached(stages[i]);
            Double rate = null;
            if (i > 0 && reached(stages[i - 1]) > 0) {
                rate = (double) here / reached(stages[i - 1]);
            }
            steps[i] = new Step(stages[i], here, rate);
        }
        return List.of(steps);
    }
}
