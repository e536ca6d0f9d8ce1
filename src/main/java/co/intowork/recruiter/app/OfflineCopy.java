package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.ReplicaMapper;
import co.intowork.recruiter.sync.SyncCounts;

import java.util.Map;

/**
 * The offline copy on this computer, as the main window needs it: whether there is one, opening it on first use
 * for a person signed in on the server, how much work waits in it, and wiping it at sign-out.
 */
interface OfflineCopy {
    boolean exists();

    /** Opened on first use, off the UI thread; closing stops its server. */
    Replica.Lazy lazy();

    /** Deletes the copy; it must be closed. */
    void wipe();

    /** Jobs kept and operations not sent yet, read from an open copy. */
    static SyncCounts counts(Database copy) {
        return copy.unitOfWork().inTransaction(s -> s.getMapper(ReplicaMapper.class).counts());
    }

    static OfflineCopy at(SettingsLoader loader) {
        AppPaths paths = loader.paths();
        return new OfflineCopy() {
            @Override
            public boolean exists() {
                return Replica.exists(paths);
            }

            @Override
            public Replica.Lazy lazy() {
                return Replica.Lazy.of(() -> Replica.open(loader.load(Map.of()), paths, Mappers.all(), () -> false,
                        message -> { }));
            }

            @Override
            public void wipe() {
                Replica.wipe(paths);
            }
        };
    }

    /** For windows that never work offline (tests of other features). */
    static OfflineCopy none() {
        return new OfflineCopy() {
            @Override
            public boolean exists() {
                return false;
            }

            @Override
            public Replica.Lazy lazy() {
                return Replica.Lazy.of(() -> {
                    throw new IllegalStateException("No offline copy here");
                });
            }

            @Override
            public void wipe() {
            }
        };
    }
}
