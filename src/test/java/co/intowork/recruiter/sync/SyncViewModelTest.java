package co.intowork.recruiter.sync;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.AppPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyncViewModelTest {

    @Test
    void takesAJobOfflineSyncsAndResolvesAConflictFromTheInbox() {
        try (SyncFixture f = SyncFixture.create("sync_vm", TwoCompanies.HUGO)) {
            SyncViewModel vm = new SyncViewModel(f.signedIn, () -> f.replica, () -> true);
            vm.refresh();
            assertThat(vm.jobs()).extracting(r -> r.job().id()).containsExactly(11);
            assertThat(vm.lastSyncProperty().get()).isEqualTo("Never synced");

            vm.selectedJobProperty().set(vm.jobs().get(0));
            vm.takeOffline();
            assertThat(vm.jobs().get(0).offline()).isTrue();
            assertThat(vm.offlineJobCountProperty().get()).isEqualTo(1);

            f.offline().move(101, ApplicationStatus.SHORTLISTED);
            f.offline().rate(102, 2);
            SyncFixture.update(f.server, "UPDATE public.job_applications SET status = 'interview' WHERE id = 101");
            vm.refresh();
            assertThat(vm.pendingCountProperty().get()).isEqualTo(2);

            vm.syncNow();

            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.messageProperty().get()).isEqualTo("Synced: 1 sent, 3 received, 1 new conflict(s).");
            assertThat(vm.pendingCountProperty().get()).isZero();
            assertThat(vm.conflictCountProperty().get()).isEqualTo(1);
            assertThat(vm.lastSyncProperty().get()).startsWith("Last sync: ");
            assertThat(vm.selectedConflictProperty().get().candidateName()).isEqualTo("Chloé Candidate");
            assertThat(vm.baseProperty().get()).contains("Status: Applied");
            assertThat(vm.theirsProperty().get()).contains("Status: Interview");
            assertThat(vm.mineProperty().get()).isEqualTo("Move\nStatus: Shortlisted");

            vm.keepTheirs();

            assertThat(vm.conflictCountProperty().get()).isZero();
            assertThat(vm.conflicts()).isEmpty();
        }
    }

    /**
     * Someone who never works offline: the section lists the server's jobs without starting the copy's PostgreSQL
     * (issue 19: it used to start at every sign-in); taking a job offline is what starts it.
     */
    @Test
    void withoutACopyOnThisComputerTheCopyStartsOnlyWhenAJobIsTakenOffline() {
        try (SyncFixture f = SyncFixture.create("sync_vm_lazy", TwoCompanies.HUGO)) {
            int[] opened = {0};
            boolean[] onDisk = {false};
            SyncViewModel vm = new SyncViewModel(f.signedIn, () -> {
                opened[0]++;
                onDisk[0] = true;
                return f.replica;
            }, () -> onDisk[0]);
            vm.refresh();
            vm.checkConnection();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.jobs()).extracting(r -> r.job().id()).containsExactly(11);
            assertThat(vm.jobs().get(0).offline()).isFalse();
            assertThat(vm.pendingCountProperty().get()).isZero();
            assertThat(vm.lastSyncProperty().get()).isEqualTo("Never synced");
            assertThat(opened[0]).as("copy started").isZero();

            vm.selectedJobProperty().set(vm.jobs().get(0));
            vm.takeOffline();
            assertThat(opened[0]).isEqualTo(1);
            assertThat(vm.jobs().get(0).offline()).isTrue();
            assertThat(vm.offlineJobCountProperty().get()).isEqualTo(1);
        }
    }

    @Test
    void whatWaitsIsSentWhenTheServerIsReachableAgainAndOnlyThen() {
        try (SyncFixture f = SyncFixture.create("sync_vm_back", TwoCompanies.HUGO)) {
            boolean[] copyOnDisk = {false};
            SyncViewModel vm = new SyncViewModel(f.signedIn, () -> f.replica, () -> copyOnDisk[0]);
            vm.refresh();
            vm.selectedJobProperty().set(vm.jobs().get(0));
            vm.takeOffline();
            f.offline().move(102, ApplicationStatus.VIEWED);

            // no offline copy on this computer: the minute's check does nothing at all
            vm.reachableProperty().set(false);
            vm.checkConnection();
            assertThat(vm.reachableProperty().get()).isFalse();

            // reachable all along: a refresh shows what waits and leaves it to "Sync now"
            copyOnDisk[0] = true;
            vm.reachableProperty().set(true);
            vm.checkConnection();
            assertThat(vm.pendingCountProperty().get()).isEqualTo(1);
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                    .isEqualTo("applied");

            // the server was unreachable at the last look and answers now: the waiting move goes out
            vm.reachableProperty().set(false);
            vm.checkConnection();

            assertThat(vm.reachableProperty().get()).isTrue();
            assertThat(vm.pendingCountProperty().get()).isZero();
            assertThat(vm.messageProperty().get()).startsWith("Synced: 1 sent");
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                    .isEqualTo("viewed");
        }
    }

    @Test
    void aSignInOnTheServerSendsWhatWaitsAndWorkingOnTheCopyNeverTriesTo() {
        try (SyncFixture f = SyncFixture.create("sync_vm_sign_in", TwoCompanies.HUGO)) {
            f.sync().takeOffline(11);
            f.offline().move(102, ApplicationStatus.VIEWED);

            // working offline the window's session is on the copy itself: nothing may be "sent" there
            SignedIn onCopy = new SignedIn(f.signedIn.user(), f.replica.unitOfWork(), new ImmediateTaskRunner(), true);
            SyncViewModel offline = new SyncViewModel(onCopy, () -> f.replica, () -> true);
            offline.refresh();
            assertThat(offline.reachableProperty().get()).isFalse();
            assertThat(offline.messageProperty().get()).startsWith("You are working on the offline copy");
            offline.syncNow();
            assertThat(offline.errorProperty().get()).contains("reconnect to the server");
            assertThat(offline.pendingCountProperty().get()).isEqualTo(1);

            // the next sign-in on the server: the first look sends it without being asked
            SyncViewModel online = new SyncViewModel(f.signedIn, () -> f.replica, () -> true);
            online.checkConnection();
            assertThat(online.pendingCountProperty().get()).isZero();
            assertThat(SyncFixture.text(f.server, "SELECT status::text FROM public.job_applications WHERE id = 102"))
                    .isEqualTo("viewed");
        }
    }

    /**
     * A relation file of the copy deleted on disk: the section says the copy is damaged (not "try again"), the
     * unsent operation is exported to a file, the rebuild is offered, and once it has run the section works on the
     * new copy.
     */
    @Test
    void aDamagedCopyIsSaidAsSuchItsUnsentWorkExportedAndTheRebuildOffered(@TempDir Path temp) throws Exception {
        try (SyncFixture f = SyncFixture.copy("sync_vm_damage", TwoCompanies.HUGO);
             SyncFixture rebuiltCopy = SyncFixture.copy("sync_vm_rebuilt", TwoCompanies.HUGO)) {
            f.replica.unitOfWork().run(s -> {
                ReplicaMapper m = s.getMapper(ReplicaMapper.class);
                m.addSliceJob(11);
                m.enqueue(new Operation("00000000-0000-0000-0000-0000000000c1", OperationKind.RATE, 101, 11, 1,
                        "applied", "{\"status\": \"applied\", \"version\": 1, \"rating\": 3}", "{\"rating\": 5}", 2));
            });
            // a table no connection of the copy's pool has opened yet (an open file descriptor would still read it)
            Path file = Path.of(SyncFixture.text(f.replicaDb, "SELECT current_setting('data_directory') || '/' || "
                    + "pg_relation_filepath('recruiter_replica.conflicts')"));
            Files.delete(file);
            AppPaths paths = new AppPaths(Map.of("INTOWORK_DATA_DIR", temp.resolve("data").toString(),
                    "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                    "INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString()), "Linux", temp);
            Database[] current = {f.replica};
            int[] rebuilds = {0};
            CopyRepair repair = new CopyRepair() {
                @Override
                public RuntimeException examine(RuntimeException failure) {
                    return CopyDamage.isDamage(failure) ? CopyDamage.report(failure, current[0].unitOfWork(), paths)
                            : failure;
                }

                @Override
                public CopyDamage.Rebuilt rebuild() {
                    rebuilds[0]++;
                    current[0] = rebuiltCopy.replica;
                    return new CopyDamage.Rebuilt(1, 1, null, temp.resolve("aside"));
                }
            };
            SyncViewModel vm = new SyncViewModel(f.signedIn, () -> current[0], () -> true, null, repair);

            vm.refresh();

            assertThat(vm.damagedProperty().get()).isTrue();
            assertThat(vm.errorProperty().get())
                    .startsWith("The offline copy on this computer is damaged: a file of its database is missing or "
                            + "unreadable (base/")
                    .contains("the server, and every change already sent to it, are safe")
                    .contains("The 1 change not yet sent was saved to " + temp.resolve("data"))
                    .contains("Rebuild the copy")
                    .doesNotContain("Try again");
            try (var exports = Files.list(temp.resolve("data"))) {
                assertThat(exports).singleElement().satisfies(export -> assertThat(Files.readString(export))
                        .contains("00000000-0000-0000-0000-0000000000c1", "\\\"rating\\\": 5"));
            }

            vm.rebuildCopy();

            assertThat(rebuilds[0]).isEqualTo(1);
            assertThat(vm.damagedProperty().get()).isFalse();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.messageProperty().get()).startsWith("The offline copy was rebuilt: 1 job to copy again at "
                    + "the next sync, 1 change waiting to be sent.");
            assertThat(vm.pendingCountProperty().get()).isZero();
            assertThat(vm.jobs()).extracting(r -> r.job().id()).containsExactly(11);
        }
    }
}
