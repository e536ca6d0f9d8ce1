package co.intowork.recruiter.notifications;

import co.intowork.recruiter.live.LiveEvent;
import java.util.List;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.RecordingNavigator;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Toolkit-free: the inbox's paging, counts and navigation against the real database. */
class InboxViewModelTest {
    final RecordingNavigator navigator = new RecordingNavigator();
    Database client;
    InboxViewModel vm;
    TestDatabase.Db db;

    @BeforeEach
    void signIn() throws Exception {
        db = TwoCompanies.create("inbox_vm");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO public.notifications (user_id, type, title, message, related_job_id,"
                    + " related_application_id, is_read, created_at)"
                    + " SELECT 1, 'NEW_APPLICATION', 'n' || g, 'm', 11, CASE WHEN g = 70 THEN 101 END, false,"
                    + " now() - (100 - g) * interval '1 minute' FROM generate_series(1, 70) g");
        }
        client = MigratedDatabase.openAsClient(db, "inbox_vm_client");
        SignedInUser anne = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn(TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        vm = new InboxViewModel(new SignedIn(anne, client.unitOfWork(), new ImmediateTaskRunner()), navigator);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theBadgeFollowsANotificationMadeElsewhere() throws Exception {
        vm.reload();
        assertThat(vm.unreadCountProperty().get()).isEqualTo(71);
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO public.notifications (user_id, type, title, message, is_read)"
                    + " VALUES (1, 'NEW_APPLICATION', 'n', 'from the platform', false)");
        }
        // a board change alone does not touch the badge; the person's notification does
        vm.applyLive(List.of(new LiveEvent("e1", "moved", 11, 101, 2, "viewed", null)));
        assertThat(vm.unreadCountProperty().get()).isEqualTo(71);
        vm.applyLive(List.of(new LiveEvent("e2", LiveEvent.NOTIFICATION, null, null, null, null, null)));
        assertThat(vm.unreadCountProperty().get()).isEqualTo(72);
    }

    @Test
    void loadsPageByPageAndCountsUnread() {
        vm.reload();
        assertThat(vm.items()).hasSize(NotificationService.PAGE_SIZE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertThat(vm.unreadCountProperty().get()).isEqualTo(71);
        vm.loadMore();
        assertThat(vm.items()).hasSize(71);
        assertThat(vm.hasMoreProperty().get()).isFalse();
        vm.loadMore();
        assertThat(vm.items()).hasSize(71);
    }

    @Test
    void openingMarksReadAndGoesToWhatItIsAbout() {
        vm.reload();
        Notification newest = vm.items().get(0);
        assertThat(newest.message()).isEqualTo("for Anne");
        vm.open(newest);
        assertThat(vm.unreadCountProperty().get()).isEqualTo(70);
        assertThat(vm.items().get(0).read()).isTrue();
        assertThat(navigator.requests()).isEmpty();

        vm.open(vm.items().get(1));
        assertThat(navigator.requests()).containsExactly("review 101");
        vm.open(vm.items().get(2));
        assertThat(navigator.requests()).containsExactly("review 101", "board 11");
    }

    @Test
    void unreadOnlyAndMarkAllRead() {
        vm.unreadOnlyProperty().set(true);
        assertThat(vm.items()).hasSize(50).allMatch(n -> !n.read());
        vm.markAllRead();
        assertThat(vm.items()).isEmpty();
        assertThat(vm.unreadCountProperty().get()).isZero();
        vm.unreadOnlyProperty().set(false);
        assertThat(vm.items()).hasSize(50).allMatch(Notification::read);
    }

    @Test
    void platformTitlesLoseTheirLeadingEmojiForDisplay() {
        assertThat(InboxViewModel.displayTitle("📝 Nouvelle candidature reçue")).isEqualTo("Nouvelle candidature reçue");
        assertThat(InboxViewModel.displayTitle("👁️ Votre candidature a été vue")).isEqualTo("Votre candidature a été vue");
        assertThat(InboxViewModel.displayTitle("Plain title")).isEqualTo("Plain title");
        assertThat(InboxViewModel.displayTitle("🎉")).isEqualTo("🎉");
        assertThat(InboxViewModel.iconFor("NEW_APPLICATION")).isEqualTo("fth-user-plus");
    }
}
