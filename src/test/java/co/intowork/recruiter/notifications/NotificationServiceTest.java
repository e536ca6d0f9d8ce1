package co.intowork.recruiter.notifications;

import co.intowork.recruiter.app.bench.Plans;
import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's statements as a client login under row-level security, on a notifications table of real size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationServiceTest {
    TestDatabase.Db db;
    Database client;
    SignedInUser albert;
    NotificationService albertsInbox;

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("inbox");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            // Albert (user 2) gets 120 notifications, one a minute, every third one read; 200,000 more spread over
            // 2,000 other users make the planner's choice meaningful
            s.execute("INSERT INTO public.users (id, email, role, first_name, last_name, is_active)"
                    + " SELECT 1000 + g, 'bulk' || g || '@example.com', 'CANDIDATE', 'B', 'U', true"
                    + " FROM generate_series(1, 2000) g");
            s.execute("INSERT INTO public.notifications (user_id, type, title, message, is_read, created_at)"
                    + " SELECT 2, 'NEW_APPLICATION', 'n' || g, 'm' || g, g % 3 = 0,"
                    + " timestamptz '2026-11-01 09:00' + g * interval '1 minute' FROM generate_series(1, 120) g");
            // without the live-event trigger (V42), which would log 200,000 events nobody reads here: 8.3 s of
            // this insert's time when timed alone
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO public.notifications (user_id, type, title, message, is_read, created_at)"
                    + " SELECT 1001 + g % 2000, 'STATUS_CHANGE', 't', 'm', g % 4 = 0,"
                    + " now() - g * interval '1 minute' FROM generate_series(1, 200000) g");
            s.execute("RESET session_replication_role");
            s.execute("ANALYZE public.notifications");
            s.execute("ANALYZE public.users");
        }
        client = MigratedDatabase.openAsClient(db, "inbox_client");
        albert = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn("albert@alpha.example", TwoCompanies.PASSWORD);
        albertsInbox = new NotificationService(client.unitOfWork(), albert);
    }

    @AfterAll
    void close() {
        client.close();
    }

    @Test
    void pagesGoNewestFirstWithoutGapsOrRepeats() {
        List<Notification> all = new ArrayList<>();
        Notification last = null;
        for (int page = 0; page < 5; page++) {
            List<Notification> next = albertsInbox.page(false, last);
            all.addAll(next);
            if (next.size() < NotificationService.PAGE_SIZE) {
                break;
            }
            last = next.get(next.size() - 1);
        }
        // his own 120 plus the fixture's one
        assertThat(all).hasSize(121);
        assertThat(all).extracting(Notification::id).doesNotHaveDuplicates();
        // the fixture's notification is the newest (now); then his, one a minute, newest first
        assertThat(all.get(0).message()).isEqualTo("for Albert");
        assertThat(all.subList(1, 121)).extracting(Notification::title)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 120).map(i -> 121 - i)
                        .mapToObj(i -> "n" + i).toList());
    }

    @Test
    void theUnreadCountAndMarkingReadConcernOnlyTheSignedInPerson() throws SQLException {
        long unread = albertsInbox.unreadCount();
        assertThat(unread).isEqualTo(80 + 1);
        assertThat(albertsInbox.page(true, null)).allMatch(n -> !n.read()).hasSize(50);

        Notification newest = albertsInbox.page(true, null).get(0);
        assertThat(albertsInbox.markRead(newest)).isTrue();
        assertThat(albertsInbox.markRead(newest)).as("already read").isFalse();
        assertThat(albertsInbox.unreadCount()).isEqualTo(unread - 1);

        // someone else's notification: row-level security hides it, nothing changes
        int othersId;
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM public.notifications WHERE user_id = 1002 AND is_read = false LIMIT 1")) {
            rs.next();
            othersId = rs.getInt(1);
        }
        assertThat(albertsInbox.markRead(new Notification(othersId, "STATUS_CHANGE", "t", "m", null, null, false, null)))
                .isFalse();

        assertThat(albertsInbox.markAllRead()).isEqualTo(unread - 1);
        assertThat(albertsInbox.unreadCount()).isZero();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM public.notifications WHERE user_id <> 2 AND is_read"
                     + " AND read_at IS NOT NULL")) {
            rs.next();
            assertThat(rs.getLong(1)).as("nobody else's notification was marked").isZero();
        }
    }

    @Test
    void everyInboxStatementIsIndexDriven() {
        Map<String, Object> first = new HashMap<>();
        first.put("userId", albert.userId());
        first.put("unreadOnly", false);
        first.put("beforeCreatedAt", null);
        first.put("beforeId", null);
        first.put("limit", NotificationService.PAGE_SIZE);
        Map<String, Object> next = new HashMap<>(first);
        next.put("beforeCreatedAt", java.time.OffsetDateTime.parse("2026-11-01T10:00:00Z"));
        next.put("beforeId", 1_000_000);
        Map<String, Object> unreadOnly = new HashMap<>(first);
        unreadOnly.put("unreadOnly", true);
        String ns = NotificationMapper.class.getName() + ".";
        client.unitOfWork().run(session -> {
            for (var c : List.of(Map.entry("page", first), Map.entry("page", next), Map.entry("page", unreadOnly),
                    Map.entry("unreadCount", Map.<String, Object>of("userId", albert.userId())))) {
                JsonNode plan = Plans.explain(session, ns + c.getKey(), c.getValue());
                assertThat(Plans.sequentialScansOfBigTables(plan)).as(c.getKey() + " " + plan).isEmpty();
                assertThat(Plans.indexesUsed(plan)).as(c.getKey() + " " + plan)
                        .containsAnyOf("ix_notifications_user_created", "ix_notifications_user_unread");
            }
        });
    }
}
