package co.intowork.recruiter.board;

import co.intowork.recruiter.common.ui.Messages;

import java.util.Optional;

import static co.intowork.recruiter.board.ApplicationStatus.ACCEPTED;
import static co.intowork.recruiter.board.ApplicationStatus.APPLIED;
import static co.intowork.recruiter.board.ApplicationStatus.INTERVIEW;
import static co.intowork.recruiter.board.ApplicationStatus.REJECTED;
import static co.intowork.recruiter.board.ApplicationStatus.SHORTLISTED;
import static co.intowork.recruiter.board.ApplicationStatus.VIEWED;

/**
 * The one place that says which status moves the board allows (decision 0007). The web platform allows any move;
 * these rules exist because each move notifies the candidate, so an accidental drag must not tell someone they
 * are accepted, and a final decision is only undone on purpose.
 */
public final class StatusTransitions {
    private StatusTransitions() {
    }

    /** Empty when the move is allowed; otherwise why not, as a sentence for the user. */
    public static Optional<String> refusal(ApplicationStatus from, ApplicationStatus to) {
        if (from == to) {
            return Optional.of(Messages.format("board.refused.same", to.displayName()));
        }
        if (to == APPLIED) {
            return Optional.of(Messages.text("board.refused.toApplied"));
        }
        if (from.isFinal()) {
            // reopening a decision lands in a stage from which it is taken again, never straight into the other one
            return to == VIEWED || to == SHORTLISTED ? Optional.empty()
                    : Optional.of(Messages.format("board.refused.final", from.displayName()));
        }
        if (to == ACCEPTED && from != SHORTLISTED && from != INTERVIEW) {
            return Optional.of(Messages.text("board.refused.acceptEarly"));
        }
        return Optional.empty();
    }

    public static boolean allowed(ApplicationStatus from, ApplicationStatus to) {
        return refusal(from, to).isEmpty();
    }

    /** A move out of accepted or rejected: reopens a decision (allowed only to viewed or shortlisted). */
    public static boolean isReopen(ApplicationStatus from, ApplicationStatus to) {
        return from.isFinal() && !to.isFinal() && allowed(from, to);
    }

    /** Rejection is allowed from every open status. */
    public static boolean canReject(ApplicationStatus from) {
        return allowed(from, REJECTED);
    }
}
