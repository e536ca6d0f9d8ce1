package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.StatusTransitions;
import co.intowork.recruiter.review.Scorecard;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * What to do with one offline operation once the server's row is known (decision 0010): a pure function of the
 * operation, the state it was made against ({@code base}) and the server's state now ({@code theirs}), so every rule
 * is testable without a database (ConflictPolicyTest). {@link SyncPush} carries the decision out.
 */
public final class ConflictPolicy {
    public enum Action {
        /** The server already shows what the operation asked for: nothing to write. */
        ALREADY_THERE,
        /** Move the application to {@link Decision#moveTo()}. */
        MOVE,
        /** Save notes, rating and scorecard as given. */
        SAVE,
        /** Both sides wrote notes: save the merged text, and tell the person it was merged. */
        MERGE,
        /** Someone changed the same thing meanwhile: the person decides (the inbox). */
        CONFLICT,
        /**
         * Add or remove one tag on the server's list as it is now: a set operation, so both sides' tags are kept
         * (the way notes merge), never a conflict unless the list is full.
         */
        TAG
    }

    /** {@code reason}: for a conflict, what clashed ("status", "transition", "rating", "scorecard:criteria"). */
    public record Decision(Action action, ApplicationStatus moveTo, String notes, Integer rating, String scorecard,
                           String reason) {
        static Decision alreadyThere() {
            return new Decision(Action.ALREADY_THERE, null, null, null, null, null);
        }

        static Decision move(ApplicationStatus to) {
            return new Decision(Action.MOVE, to, null, null, null, null);
        }

        static Decision save(String notes, Integer rating, String scorecard) {
            return new Decision(Action.SAVE, null, notes, rating, scorecard, null);
        }

        static Decision merge(String notes, Integer rating, String scorecard) {
            return new Decision(Action.MERGE, null, notes, rating, scorecard, "merged");
        }

        static Decision conflict(String reason) {
            return new Decision(Action.CONFLICT, null, null, null, null, reason);
        }
    }

    private ConflictPolicy() {
    }

    /** {@code mine}: the operation's JSON of the fields it changed (the outbox's {@code mine} column). */
    public static Decision decide(OperationKind kind, ApplicationState base, String mine, ApplicationState theirs) {
        JsonNode asked = SyncJson.read(mine);
        return switch (kind) {
            case VIEWED -> theirs.status() != ApplicationStatus.APPLIED ? Decision.alreadyThere()
                    : Decision.move(ApplicationStatus.VIEWED);
            case MOVE -> {
                ApplicationStatus to = ApplicationStatus.fromLabel(asked.path("status").asText());
                if (theirs.status() == to) {
                    yield Decision.alreadyThere();
                }
                if (theirs.status() != base.status()) {
                    yield Decision.conflict("status");
                }
                if (!StatusTransitions.allowed(theirs.status(), to)) {
                    yield Decision.conflict("transition");
                }
                yield Decision.move(to);
            }
            case NOTE -> {
                String notes = SyncJson.text(asked, "notes");
                if (Objects.equals(theirs.notes(), base.notes()) || Objects.equals(theirs.notes(), notes)) {
                    yield Decision.save(notes, theirs.rating(), theirs.scorecard());
                }
                // both wrote notes: both are kept, theirs first, mine as written after them
                yield Decision.merge(Merge.notes(base.notes(), theirs.notes(), notes), theirs.rating(),
                        theirs.scorecard());
            }
            case RATE -> {
                Integer rating = asked.path("rating").isNumber() ? asked.path("rating").asInt() : null;
                if (Objects.equals(theirs.rating(), rating)) {
                    yield Decision.alreadyThere();
                }
                if (!Objects.equals(theirs.rating(), base.rating())) {
                    yield Decision.conflict("rating");
                }
                yield Decision.save(theirs.notes(), rating, theirs.scorecard());
            }
            case TAGS -> new Decision(Action.TAG, null, null, null, null, null);
            case SCORECARD -> {
                Merge.ScorecardMerge merge = Merge.scorecards(Scorecard.parse(base.scorecard()),
                        Scorecard.parse(theirs.scorecard()), Scorecard.parse(SyncJson.text(asked, "scorecard")));
                if (!merge.conflicts().isEmpty()) {
                    yield Decision.conflict("scorecard:" + String.join(",", merge.conflicts()));
                }
                yield Decision.save(theirs.notes(), theirs.rating(), merge.merged().toJson());
            }
            // a new interview changes no field of the application: SyncPush schedules it, nothing to decide
            case INTERVIEW -> throw new IllegalArgumentException("An interview is replayed, not decided");
            // queued as it is by the push (SyncPush.queueMessage), never weighed against the server's state
            case MESSAGE -> throw new IllegalArgumentException("A message is not replayed through the policy");
        };
    }
}
