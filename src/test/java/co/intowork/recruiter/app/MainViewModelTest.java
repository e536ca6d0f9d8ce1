package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Toolkit-free: JavaFX properties work without a running FX platform. */
class MainViewModelTest {
    @Test
    void progressIsShownWhileStartingAndAFailureBecomesASentence() {
        List<String> seen = new ArrayList<>();
        MainViewModel[] holder = new MainViewModel[1];
        MainViewModel vm = new MainViewModel(new ImmediateTaskRunner(), progress -> {
            progress.accept("Starting the local demo database");
            seen.add(holder[0].progressMessageProperty().get());
            seen.add(String.valueOf(holder[0].busyProperty().get()));
            throw new UserFacingException("Another copy of IntoWork Recruiter is already using the local database.");
        });
        holder[0] = vm;
        vm.start();
        assertThat(seen).containsExactly("Starting the local demo database", "true");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Another copy");
        assertThat(vm.connectionLabelProperty().get()).isEqualTo("Not connected");
    }

    @Test
    void sectionsSwitch() {
        MainViewModel vm = new MainViewModel(new ImmediateTaskRunner(), p -> {
            throw new IllegalStateException("not used");
        });
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.PIPELINE);
        vm.select(Section.BOARD);
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.BOARD);
    }
}
