package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.sync.ConflictPolicy.Action;
import co.intowork.recruiter.sync.ConflictPolicy.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static co.intowork.recruiter.board.ApplicationStatus.ACCEPTED;
import static co.intowork.recruiter.board.ApplicationStatus.APPLIED;
import static co.intowork.recruiter.board.ApplicationStatus.INTERVIEW;
import static co.intowork.recruiter.board.ApplicationStatus.REJECTED;
import static co.intowork.recruiter.board.ApplicationStatus.SHORTLISTED;
import static co.intowork.recruiter.board.ApplicationStatus.VIEWED;
import static co.intowork.recruiter.sync.OperationKind.MOVE;
import static co.intowork.recruiter.sync.OperationKind.NOTE;
import static co.intowork.recruiter.sync.OperationKind.RATE;
import static co.intowork.recruiter.sync.OperationKind.SCORECARD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict policy of decision 0010 as a table, no database: each row is an offline operation, the state it was
 * made against, the server's state at push time, and what the push must do.
 */
class ConflictPolicyTest {
    private static final String CARD_BASE = card(3, 3, "fine");
    private static final String CARD_THEIRS_SKILLS = card(5, 3, "fine");
    private static final String CARD_MINE_MOTIVATION = card(3, 4, "fine");
    private static final String CARD_MINE_SKILLS = card(2, 3, "fine");

    static Stream<Arguments> table() {
        return Stream.of(
                // --- viewed: opening an application offline marks it viewed, only while it is still "applied"
                row("viewed, server still applied: move to viewed", OperationKind.VIEWED, s(APPLIED), "{}",
                        s(APPLIED), Action.MOVE, VIEWED, null),
                row("viewed, server moved on: nothing to do", OperationKind.VIEWED, s(APPLIED), "{}",
                        s(SHORTLISTED), Action.ALREADY_THERE, null, null),
                // --- move
                row("move, nobody else moved it: move", MOVE, s(VIEWED), move("shortlisted"), s(VIEWED),
                        Action.MOVE, SHORTLISTED, null),
                row("move, server already there: nothing to do", MOVE, s(VIEWED), move("shortlisted"),
                        s(SHORTLISTED), Action.ALREADY_THERE, null, null),
                row("move, someone moved it elsewhere: status conflict", MOVE, s(VIEWED), move("shortlisted"),
                        s(INTERVIEW), Action.CONFLICT, null, "status"),
                row("move, base was final, same on server, but the move is not allowed: transition conflict", MOVE,
                        s(REJECTED), move("interview"), s(REJECTED), Action.CONFLICT, null, "transition"),
                row("move out of a decision to shortlisted is allowed (a reopen)", MOVE, s(ACCEPTED),
                        move("shortlisted"), s(ACCEPTED), Action.MOVE, SHORTLISTED, null),
                row("move to accepted too early: transition conflict", MOVE, s(VIEWED), move("accepted"),
                        s(VIEWED), Action.CONFLICT, null, "transition"),
                // --- notes
                row("notes, server untouched: save mine", NOTE, notes("base"), note("base and mine"),
                        notes("base"), Action.SAVE, null, null),
                row("notes, server wrote the same: save", NOTE, notes("base"), note("same"), notes("same"),
                        Action.SAVE, null, null),
                row("notes, both wrote: merged, theirs first then my addition", NOTE, notes("base"),
                        note("base\nmine"), notes("theirs"), Action.MERGE, null, "merged"),
                // --- rating
                row("rating, server untouched: save mine", RATE, rating(3), "{\"rating\":5}", rating(3),
                        Action.SAVE, null, null),
                row("rating, server gave the same: nothing to do", RATE, rating(3), "{\"rating\":5}", rating(5),
                        Action.ALREADY_THERE, null, null),
                row("rating, server gave another: rating conflict", RATE, rating(3), "{\"rating\":5}", rating(4),
                        Action.CONFLICT, null, "rating"),
                row("rating cleared offline, server untouched: save the clearing", RATE, rating(3),
                        "{\"rating\":null}", rating(3), Action.SAVE, null, null),
                // --- scorecard: merged criterion by criterion
                row("scorecard, different criteria changed: merged and saved", SCORECARD, card(CARD_BASE),
                        scorecardOp(CARD_MINE_MOTIVATION), card(CARD_THEIRS_SKILLS), Action.SAVE, null, null),
                row("scorecard, same criterion changed differently: conflict naming it", SCORECARD, card(CARD_BASE),
                        scorecardOp(CARD_MINE_SKILLS), card(CARD_THEIRS_SKILLS), Action.CONFLICT, null,
                        "scorecard:technical_skills"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, OperationKind kind, ApplicationState base, String mine, ApplicationState theirs,
                 Action action, ApplicationStatus moveTo, String reason) {
        Decision d = ConflictPolicy.decide(kind, base, mine, theirs);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.moveTo()).isEqualTo(moveTo);
        assertThat(d.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void whatIsSavedKeepsTheOtherFieldsFromTheServer(String name, OperationKind kind, ApplicationState base,
                                                     String mine, ApplicationState theirs, Action action,
                                                     ApplicationStatus moveTo, String reason) {
        Decision d = ConflictPolicy.decide(kind, base, mine, theirs);
        if (d.action() != Action.SAVE && d.action() != Action.MERGE) {
            return;
        }
        switch (kind) {
            case NOTE -> {
                assertThat(d.rating()).isEqualTo(theirs.rating());
                assertThat(d.scorecard()).isEqualTo(theirs.scorecard());
            }
            case RATE -> {
                assertThat(d.notes()).isEqualTo(theirs.notes());
                assertThat(d.scorecard()).isEqualTo(theirs.scorecard());
            }
            case SCORECARD -> {
                assertThat(d.notes()).isEqualTo(theirs.notes());
                assertThat(d.rating()).isEqualTo(theirs.rating());
            }
            default -> throw new AssertionError("only notes, rating and scorecard save: " + kind);
        }
    }

    @org.junit.jupiter.api.Test
    void theSavedValuesAreMineOrTheMerge() {
        assertThat(ConflictPolicy.decide(NOTE, notes("base"), note("base and mine"), notes("base")).notes())
                .isEqualTo("base and mine");
        assertThat(ConflictPolicy.decide(NOTE, notes("base"), note("base\nmine"), notes("theirs")).notes())
                .isEqualTo("theirs\n\nmine");
        assertThat(ConflictPolicy.decide(RATE, rating(3), "{\"rating\":5}", rating(3)).rating()).isEqualTo(5);
        assertThat(ConflictPolicy.decide(RATE, rating(3), "{\"rating\":null}", rating(3)).rating()).isNull();
        // skills from the server, motivation from me
        assertThat(ConflictPolicy.decide(SCORECARD, card(CARD_BASE), scorecardOp(CARD_MINE_MOTIVATION),
                card(CARD_THEIRS_SKILLS)).scorecard()).isEqualTo(card(5, 4, "fine"));
    }

    private static Arguments row(String name, OperationKind kind, ApplicationState base, String mine,
                                 ApplicationState theirs, Action action, ApplicationStatus moveTo, String reason) {
        return Arguments.of(name, kind, base, mine, theirs, action, moveTo, reason);
    }

    private static ApplicationState s(ApplicationStatus status) {
        return new ApplicationState(1, 10, 7, status, "n", 3, null);
    }

    private static ApplicationState notes(String notes) {
        return new ApplicationState(1, 10, 7, VIEWED, notes, 2, CARD_BASE);
    }

    private static ApplicationState rating(Integer rating) {
        return new ApplicationState(1, 10, 7, VIEWED, "n", rating, CARD_BASE);
    }

    private static ApplicationState card(String scorecard) {
        return new ApplicationState(1, 10, 7, VIEWED, "n", 4, scorecard);
    }

    private static String move(String to) {
        return SyncJson.object("status", to);
    }

    private static String note(String text) {
        return SyncJson.object("notes", text);
    }

    private static String scorecardOp(String json) {
        return SyncJson.object("scorecard", json);
    }

    private static String card(int skills, int motivation, String comment) {
        // the platform's flat scorecard (the comment of the client's former format is now a note of the thread)
        return "{\"technical_skills\":" + skills + ",\"motivation\":" + motivation + "}";
    }
}
