package co.intowork.recruiter.board;

import org.junit.jupiter.api.Test;

import static co.intowork.recruiter.board.ApplicationStatus.ACCEPTED;
import static co.intowork.recruiter.board.ApplicationStatus.APPLIED;
import static co.intowork.recruiter.board.ApplicationStatus.INTERVIEW;
import static co.intowork.recruiter.board.ApplicationStatus.REJECTED;
import static co.intowork.recruiter.board.ApplicationStatus.SHORTLISTED;
import static co.intowork.recruiter.board.ApplicationStatus.VIEWED;
import static co.intowork.recruiter.board.StatusTransitions.allowed;
import static co.intowork.recruiter.board.StatusTransitions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of decision 0007, one assertion per rule. */
class StatusTransitionsTest {
    @Test
    void openStatusesMoveForwardAndBackButNeverIntoApplied() {
        assertThat(allowed(APPLIED, VIEWED)).isTrue();
        assertThat(allowed(APPLIED, INTERVIEW)).isTrue();
        assertThat(allowed(INTERVIEW, SHORTLISTED)).isTrue();
        assertThat(allowed(SHORTLISTED, VIEWED)).isTrue();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            assertThat(allowed(from, APPLIED)).as(from + " -> applied").isFalse();
        }
        assertThat(refusal(VIEWED, APPLIED)).hasValueSatisfying(r -> assertThat(r).contains("cannot go back to Applied"));
    }

    @Test
    void rejectionFromEveryOpenStatusAcceptanceOnlyAfterShortlistOrInterview() {
        for (ApplicationStatus from : new ApplicationStatus[] {APPLIED, VIEWED, SHORTLISTED, INTERVIEW}) {
            assertThat(StatusTransitions.canReject(from)).isTrue();
        }
        assertThat(allowed(SHORTLISTED, ACCEPTED)).isTrue();
        assertThat(allowed(INTERVIEW, ACCEPTED)).isTrue();
        assertThat(refusal(APPLIED, ACCEPTED)).hasValueSatisfying(r -> assertThat(r).contains("before accepting"));
        assertThat(allowed(VIEWED, ACCEPTED)).isFalse();
    }

    @Test
    void decisionsAreFinalExceptAReopenToViewedOrShortlisted() {
        assertThat(allowed(ACCEPTED, REJECTED)).isFalse();
        assertThat(allowed(REJECTED, ACCEPTED)).isFalse();
        assertThat(allowed(REJECTED, INTERVIEW)).isFalse();
        assertThat(refusal(ACCEPTED, INTERVIEW)).hasValueSatisfying(r -> assertThat(r).contains("final decision"));
        assertThat(StatusTransitions.isReopen(REJECTED, VIEWED)).isTrue();
        assertThat(StatusTransitions.isReopen(ACCEPTED, SHORTLISTED)).isTrue();
        assertThat(StatusTransitions.isReopen(INTERVIEW, SHORTLISTED)).isFalse();
    }

    @Test
    void stayingPutIsNotAMove() {
        assertThat(refusal(INTERVIEW, INTERVIEW)).hasValueSatisfying(r -> assertThat(r).contains("already in Interview"));
    }
}
