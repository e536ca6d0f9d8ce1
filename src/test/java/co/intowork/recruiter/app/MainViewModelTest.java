package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.LoginViewModel;
import co.intowork.recruiter.auth.ServerProfile;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.settings.LastSignIn;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Toolkit-free: JavaFX properties work without a running FX platform; the database is real. */
class MainViewModelTest {
    static final ServerProfile SERVER = new ServerProfile(ServerProfile.SERVER, "Test server", false);
    static TestDatabase.Db db;

    @TempDir
    Path temp;
    MainViewModel vm;

    @BeforeAll
    static void createDatabase() {
        db = TwoCompanies.create("main_vm");
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    MainViewModel connected() {
        LastSignIn last = new LastSignIn(temp.resolve("last-sign-in.properties"));
        vm = new MainViewModel(new ImmediateTaskRunner(), new LoginViewModel(List.of(SERVER), SERVER),
                (profile, progress) -> new Startup.Outcome(
                        MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN), "23", List.of()),
                last);
        vm.start();
        assertThat(vm.showLoginProperty().get()).isTrue();
        return vm;
    }

    void signIn(String email, String password) {
        vm.login().emailProperty().set(email);
        vm.login().passwordProperty().set(password);
        vm.login().submit();
    }

    @Test
    void progressIsShownWhileStartingAndAFailureBecomesASentence() {
        List<String> seen = new ArrayList<>();
        MainViewModel[] holder = new MainViewModel[1];
        vm = new MainViewModel(new ImmediateTaskRunner(), new LoginViewModel(List.of(SERVER), SERVER),
                (profile, progress) -> {
                    progress.accept("Starting the local demo database");
                    seen.add(holder[0].progressMessageProperty().get());
                    seen.add(String.valueOf(holder[0].busyProperty().get()));
                    throw new UserFacingException("Another copy of IntoWork Recruiter is already using the local database.");
                }, null);
        holder[0] = vm;
        vm.start();
        assertThat(seen).containsExactly("Starting the local demo database", "true");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Another copy");
        assertThat(vm.connectionLabelProperty().get()).isEqualTo("Not connected");
        assertThat(vm.showLoginProperty().get()).isFalse();
    }

    @Test
    void theWorkspaceIsRefreshedEveryMinuteWhileSignedInAndTheTimerStopsAtSignOut() throws Exception {
        ImmediateTaskRunner clock = new ImmediateTaskRunner();
        vm = new MainViewModel(clock, new LoginViewModel(List.of(SERVER), SERVER),
                (profile, progress) -> new Startup.Outcome(
                        MigratedDatabase.openAsClient(db, TwoCompanies.CLIENT_LOGIN), "23", List.of()), null);
        vm.start();
        assertThat(clock.repeatedCount()).as("nobody signed in: no timer").isZero();
        signIn("albert@alpha.example", TwoCompanies.PASSWORD);
        Workspace workspace = vm.workspaceProperty().get();
        var unread = workspace.count(Section.INBOX);
        assertThat(unread.longValue()).as("read at sign-in").isEqualTo(1);
        assertThat(clock.repeatedCount()).isEqualTo(1);
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
            s.execute("UPDATE public.notifications SET is_read = true WHERE user_id = 2");
        }
        try {
            clock.advance(Duration.ofSeconds(59));
            assertThat(unread.longValue()).as("not yet a minute").isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(unread.longValue()).isZero();
        } finally {
            try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
                s.execute("UPDATE public.notifications SET is_read = false WHERE user_id = 2");
            }
        }
        vm.signOut();
        assertThat(vm.workspaceProperty().get()).isNull();
        assertThat(clock.repeatedCount()).isZero();
    }

    @Test
    void aWrongPasswordIsExplainedAndTheRightOneSignsIn() {
        connected();
        signIn(TwoCompanies.ANNE, "not-the-password");
        assertThat(vm.signedInUserProperty().get()).isNull();
        assertThat(vm.login().errorMessageProperty().get()).contains("email address or password is not right");
        assertThat(vm.login().passwordProperty().get()).as("password cleared").isEmpty();

        signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        assertThat(vm.signedInUserProperty().get().displayName()).isEqualTo("Anne Alpha");
        assertThat(vm.userLabelProperty().get()).isEqualTo("Anne Alpha · Recruiter at Alpha");
        assertThat(vm.homeSummaryProperty().get()).isEqualTo("You can see 2 jobs of Alpha.");
        assertThat(vm.showLoginProperty().get()).isFalse();
        assertThat(vm.login().passwordProperty().get()).isEmpty();
        assertThat(new LastSignIn(temp.resolve("last-sign-in.properties")).load())
                .hasValue(new LastSignIn.Remembered(TwoCompanies.ANNE, ServerProfile.SERVER));
    }

    @Test
    void aHiringManagerSeesOnlyTheirJobs() {
        connected();
        signIn(TwoCompanies.HUGO, TwoCompanies.PASSWORD);
        assertThat(vm.userLabelProperty().get()).isEqualTo("Hugo Manager · Hiring manager on 1 job");
        assertThat(vm.homeSummaryProperty().get()).isEqualTo("You can see 1 job.");
    }

    @Test
    void whenTheSessionEndsTheUserSignsInAgainOverTheUnchangedWorkspaceAndTheWorkCarriesOn() throws Exception {
        connected();
        signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        vm.select(Section.BOARD);
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
            s.execute("UPDATE recruiter.client_sessions SET revoked_at = now() WHERE user_id = 1");
            s.execute("UPDATE public.jobs SET deleted_at = now() WHERE id = 12");
        }
        try {
            vm.refresh();
            assertThat(vm.sessionEndedProperty().get()).isTrue();
            assertThat(vm.showLoginProperty().get()).isTrue();
            assertThat(vm.login().signingInAgainProperty().get()).isTrue();
            assertThat(vm.login().emailProperty().get()).isEqualTo(TwoCompanies.ANNE);
            assertThat(vm.login().noticeProperty().get()).contains("session has ended");
            // the workspace is kept as it was
            assertThat(vm.sectionProperty().get()).isEqualTo(Section.BOARD);
            assertThat(vm.homeSummaryProperty().get()).isEqualTo("You can see 2 jobs of Alpha.");
            assertThat(vm.workspaceEnabledProperty().get()).isFalse();

            vm.login().passwordProperty().set(TwoCompanies.PASSWORD);
            vm.login().submit();
            assertThat(vm.login().errorMessageProperty().get()).isEmpty();
            assertThat(vm.sessionEndedProperty().get()).isFalse();
            assertThat(vm.sectionProperty().get()).isEqualTo(Section.BOARD);
            // the refresh that failed ran again with the new session
            assertThat(vm.homeSummaryProperty().get()).isEqualTo("You can see 1 job of Alpha.");
        } finally {
            try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
                s.execute("UPDATE public.jobs SET deleted_at = NULL WHERE id = 12");
            }
        }
    }

    @Test
    void signingOutEndsTheSessionInTheDatabase() throws Exception {
        connected();
        signIn(TwoCompanies.BRUNO, TwoCompanies.PASSWORD);
        vm.signOut();
        assertThat(vm.signedInUserProperty().get()).isNull();
        assertThat(vm.showLoginProperty().get()).isTrue();
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM recruiter.client_sessions WHERE user_id = 3"
                     + " AND revoked_at IS NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void signingOutWithUnsavedWorkAsksFirst() {
        connected();
        signIn(TwoCompanies.BRUNO, TwoCompanies.PASSWORD);
        boolean[] unsaved = {true};
        vm.setUnsavedWork(() -> unsaved[0]);
        vm.signOut();
        assertThat(vm.signedInUserProperty().get()).isNotNull();
        assertThat(vm.signOutUnsavedProperty().get()).isTrue();
        assertThat(vm.signOutQuestionProperty().get()).contains("not saved yet");
        vm.cancelSignOut();
        assertThat(vm.signOutQuestionProperty().get()).isEmpty();
        assertThat(vm.signOutUnsavedProperty().get()).isFalse();
        assertThat(vm.signedInUserProperty().get()).isNotNull();

        vm.signOut();
        vm.signOutDiscardingChanges();
        assertThat(vm.signedInUserProperty().get()).isNull();
        assertThat(vm.signOutQuestionProperty().get()).isEmpty();

        // the next person starts with no unsaved work of the previous one
        signIn(TwoCompanies.BRUNO, TwoCompanies.PASSWORD);
        vm.signOut();
        assertThat(vm.signedInUserProperty().get()).isNull();
    }

    @Test
    void sectionsSwitchOnlyWhenSignedIn() {
        connected();
        vm.select(Section.BOARD);
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.PIPELINE);
        signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        vm.select(Section.BOARD);
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.BOARD);
    }
}
