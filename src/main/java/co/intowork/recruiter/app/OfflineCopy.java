package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.sync.CopyDamage;
import co.intowork.recruiter.sync.Replica;

import java.util.Map;
import java.util.function.Consumer;

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

    /** Opens the copy as the window's database, to work offline by choice (the server stopped answering). */
    Startup.Outcome open(Consumer<String> progress);

    /** The failure as shown: a damaged copy's report, its unsent work exported from {@code copy} when it is open. */
    RuntimeException examine(RuntimeException failure, Replica.Lazy copy);

    /** Closes {@code copy} and rebuilds it; the next use opens the new one. */
    CopyDamage.Rebuilt rebuild(Replica.Lazy copy);

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

            @Override
            public Startup.Outcome open(Consumer<String> progress) {
                Startup.Outcome copy = Startup.openCopy(loader.load(Map.of()), paths, () -> false, progress,
                        Messages.text("offline.chosen"));
                if (copy == null) {
                    throw new UserFacingException(Messages.text("offline.unavailable"));
                }
                return copy;
            }

            @Override
            public RuntimeException examine(RuntimeException failure, Replica.Lazy copy) {
                if (!CopyDamage.isDamage(failure)) {
                    return failure;
                }
                Database open = copy == null ? null : copy.ifOpen();
                return CopyDamage.report(failure, open == null ? null : open.unitOfWork(), paths);
            }

            @Override
            public CopyDamage.Rebuilt rebuild(Replica.Lazy copy) {
                if (copy != null) {
                    copy.close();
                }
                return CopyDamage.rebuild(loader.load(Map.of()), paths, Mappers.all());
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

            @Override
            public Startup.Outcome open(Consumer<String> progress) {
                throw new IllegalStateException("No offline copy here");
            }

            @Override
            public RuntimeException examine(RuntimeException failure, Replica.Lazy copy) {
                return failure;
            }

            @Override
            public CopyDamage.Rebuilt rebuild(Replica.Lazy copy) {
                throw new IllegalStateException("No offline copy here");
            }
        };
    }
}
