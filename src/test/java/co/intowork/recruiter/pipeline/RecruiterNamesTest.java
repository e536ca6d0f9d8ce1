package co.intowork.recruiter.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecruiterNamesTest {
    @Test
    void noColleagueIsAnEmptyList() {
        // array_agg over no row gives NULL arrays
        assertThat(new RecruiterNames(null, null).toList()).isEmpty();
    }

    @Test
    void theArraysArePairedInOrder() {
        assertThat(new RecruiterNames(new Integer[] {7, 3}, new String[] {"Ada", "Bea"}).toList())
                .containsExactly(new Recruiter(7, "Ada"), new Recruiter(3, "Bea"));
    }
}
