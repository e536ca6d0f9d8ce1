package co.intowork.recruiter.sync;

/**
 * What the Offline section may do about a damaged copy, given by the window that owns the copy (it knows its folder
 * and holds it open). Both run off the UI thread.
 */
public interface CopyRepair {
    /** The failure as it should be shown: for a damaged copy, its report, the unsent operations exported first. */
    RuntimeException examine(RuntimeException failure);

    /** Closes the copy, rebuilds it (damaged folder kept aside, jobs and unsent operations carried over). */
    CopyDamage.Rebuilt rebuild();

    /** For tests of other features: failures as they are, no rebuild. */
    CopyRepair NONE = new CopyRepair() {
        @Override
        public RuntimeException examine(RuntimeException failure) {
            return failure;
        }

        @Override
        public CopyDamage.Rebuilt rebuild() {
            throw new IllegalStateException("No offline copy to rebuild here");
        }
    };
}
