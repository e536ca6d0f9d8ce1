package co.intowork.recruiter.app;

import co.intowork.recruiter.testing.HeldTasks;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.board.BoardViewModel;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.notifications.InboxViewModel;
import co.intowork.recruiter.pipeline.PipelineViewModel;
import co.intowork.recruiter.review.ReviewViewModel;
import co.intowork.recruiter.stats.StatsViewModel;
import co.intowork.recruiter.sync.CopyRepair;
import co.intowork.recruiter.sync.SyncViewModel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The section registry and the workspace built from it, with neither a database nor the FX toolkit: the services
 * are handed in and no work is run (the task runner only records what it is asked).
 */
class SectionRegistryTest {
    private final HeldTasks tasks = new HeldTasks();
    private final List<Section> shown = new ArrayList<>();

    private static SignedIn anne(TaskRunner tasks) {
        SignedInUser anne = new SignedInUser(1, "anne@alpha.example", "Anne", "Alpha", 1, "Alpha", "recruiter",
                OffsetDateTime.now().plusHours(8), 0);
        // no database: a workspace is built without touching one
        return new SignedIn(anne, new UnitOfWork(null, () -> false), tasks);
    }

    private Workspace workspace(List<Section> sections) {
        return workspace(sections, false);
    }

    private Workspace workspace(List<Section> sections, boolean copyOnDisk) {
        return new Workspace(sections, anne(tasks), WorkspaceSettings.defaults(), () -> {
            throw new IllegalStateException("no copy");
        }, () -> copyOnDisk, CopyRepair.NONE, shown::add);
    }

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = SectionRegistryTest.class.getResourceAsStream("/co/intowork/recruiter/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everySectionHasItsTextsInBothLanguagesADistinctButtonAndAnIcon() throws Exception {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        for (Section s : Section.values()) {
            String key = s.key();
            assertThat(s.buttonId()).isEqualTo("nav-" + key);
            for (Properties p : List.of(en, fr)) {
                assertThat(p).as(s + " title").containsKey("nav." + key);
                assertThat(p).as(s + " summary").containsKey("section." + key + ".summary");
                if (s.screen().hasCount()) {
                    assertThat(p).as(s + " count").containsKey("nav." + key + "Count");
                }
            }
            assertThat(s.icon()).startsWith("fth-");
        }
        assertThat(new HashSet<>(List.of(Section.values()).stream().map(Section::buttonId).toList()))
                .hasSize(Section.values().length);
    }

    @Test
    void everyScreensMappersAreRegisteredOnce() {
        List<Class<?>> all = Mappers.all();
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        for (Section s : Section.values()) {
            assertThat(s.screen().mappers()).as(s.toString()).isNotEmpty();
            assertThat(all).containsAll(s.screen().mappers());
        }
    }

    @Test
    void theWorkspaceBuildsOneViewModelPerSectionInTheRegistrysOrderWithoutWork() {
        Workspace ws = workspace(List.of(Section.values()));
        assertThat(ws.sections()).containsExactly(Section.values());
        assertThat(ws.viewModel(Section.PIPELINE)).isInstanceOf(PipelineViewModel.class);
        assertThat(ws.viewModel(Section.BOARD)).isInstanceOf(BoardViewModel.class);
        assertThat(ws.viewModel(Section.REVIEW)).isInstanceOf(ReviewViewModel.class);
        assertThat(ws.viewModel(Section.STATISTICS)).isInstanceOf(StatsViewModel.class);
        assertThat(ws.viewModel(Section.INBOX)).isInstanceOf(InboxViewModel.class);
        assertThat(ws.sync()).isInstanceOf(SyncViewModel.class);
        assertThat(tasks.held).as("building asks nothing of the database").isEmpty();
        assertThat(ws.count(Section.PIPELINE)).isNull();
        assertThat(ws.count(Section.INBOX)).isSameAs(ws.viewModel(Section.INBOX, InboxViewModel.class)
                .unreadCountProperty());
        assertThat(ws.count(Section.SYNC).intValue()).isZero();
    }

    @Test
    void theMinutesRefreshAsksTheInboxAndWithACopyOnDiskTheOfflineSection() {
        workspace(List.of(Section.values())).refresh();
        // the outbox's look at what waits (no SMTP in the defaults: nothing is sent) is the one more task
        assertThat(tasks.held).as("the unread count and the outbox only: no copy to send from").hasSize(2);
        tasks.held.clear();
        workspace(List.of(Section.values()), true).refresh();
        assertThat(tasks.held).as("the unread count, the outbox and the look for the server").hasSize(3);
    }

    @Test
    void navigationOpensTheTargetAndSelectsItsSection() {
        Workspace ws = workspace(List.of(Section.values()));
        ws.showBoard(11);
        assertThat(shown).containsExactly(Section.BOARD);
        assertThat(ws.viewModel(Section.BOARD, BoardViewModel.class).busyProperty().get()).as("loading job 11")
                .isTrue();
        ws.showPipeline();
        assertThat(shown).containsExactly(Section.BOARD, Section.PIPELINE);
    }

    @Test
    void typingNotSavedInTheReviewIsUnsavedWork() {
        Workspace ws = workspace(List.of(Section.values()));
        assertThat(ws.hasUnsavedWork()).isFalse();
        ws.viewModel(Section.REVIEW, ReviewViewModel.class).notesProperty().set("Strong portfolio");
        assertThat(ws.hasUnsavedWork()).isTrue();
    }

    @Test
    void aSectionListedBeforeWhatItNeedsIsAClearMistake() {
        assertThatThrownBy(() -> workspace(List.of(Section.REVIEW, Section.BOARD)))
                .hasMessageContaining("BOARD is built after the section that asks for it");
    }
}
