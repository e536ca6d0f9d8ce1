package co.intowork.recruiter.board;

import co.intowork.recruiter.common.db.UserFacingException;

import java.util.List;
import java.util.Set;

/**
 * A move was refused as a whole because some of its applications changed since the board read them. Carries
 * what they look like now ({@code current}) and which ones no longer exist on this job ({@code gone}). Nothing
 * was changed.
 */
public final class MoveConflictException extends UserFacingException {
    private final transient List<CardState> current;
    private final Set<Integer> gone;

    public MoveConflictException(List<CardState> current, Set<Integer> gone) {
        super("Nothing was moved: " + (current.size() + gone.size())
                + " application(s) were changed by someone else meanwhile.");
        this.current = List.copyOf(current);
        this.gone = Set.copyOf(gone);
    }

    public List<CardState> current() {
        return current;
    }

    public Set<Integer> gone() {
        return gone;
    }

    /** Thrown inside the move's transaction to roll it back; the ids whose version no longer matched. */
    static final class Stale extends UserFacingException {
        final Set<Integer> ids;

        Stale(Set<Integer> ids) {
            super("Stale applications " + ids);
            this.ids = ids;
        }
    }
}
