package co.intowork.recruiter.common.tasks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test runner's clock: time passes only when a test says so, and repeated actions follow it. */
class ImmediateTaskRunnerTest {
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final List<String> ran = new ArrayList<>();

    @Test
    void aRepeatedActionRunsOncePerWholePeriodThatEndsAndNeverBeforeTheFirst() {
        tasks.every(Duration.ofMinutes(1), () -> ran.add("minute"));
        tasks.advance(Duration.ofSeconds(59));
        assertThat(ran).isEmpty();
        tasks.advance(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("minute");
        tasks.advance(Duration.ofSeconds(150));
        assertThat(ran).as("at 2 and 3 minutes, not yet at 4").hasSize(3);
        tasks.advance(Duration.ofSeconds(30));
        assertThat(ran).hasSize(4);
    }

    @Test
    void aCancelledActionStopsAndOthersGoOn() {
        TaskRunner.Cancellable fast = tasks.every(Duration.ofSeconds(10), () -> ran.add("fast"));
        tasks.every(Duration.ofSeconds(30), () -> ran.add("slow"));
        tasks.advance(Duration.ofSeconds(30));
        assertThat(ran).containsExactly("fast", "fast", "fast", "slow");
        fast.cancel();
        fast.cancel();
        assertThat(tasks.repeatedCount()).isEqualTo(1);
        tasks.advance(Duration.ofSeconds(30));
        assertThat(ran).containsExactly("fast", "fast", "fast", "slow", "slow");
    }

    @Test
    void anActionMayCancelItselfWhileItRuns() {
        TaskRunner.Cancellable[] self = new TaskRunner.Cancellable[1];
        self[0] = tasks.every(Duration.ofSeconds(1), () -> {
            ran.add("once");
            self[0].cancel();
        });
        tasks.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("once");
        assertThat(tasks.repeatedCount()).isZero();
    }

    @Test
    void workThatMustEndRunsAtOnce() {
        tasks.runToEnd("close", () -> ran.add("closed"));
        tasks.runAndWait("sign-out", () -> ran.add("signed out"), Duration.ofSeconds(3));
        assertThat(ran).containsExactly("closed", "signed out");
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> tasks.every(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
