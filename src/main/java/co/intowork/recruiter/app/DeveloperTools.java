package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What a developer build adds to the command line: the benchmark ({@code bench}) and the large data set
 * ({@code seed --scale large}). Found at run time, so the product neither compiles against them nor registers their
 * mappers, and the installer's jar leaves them out (decision 0017). The one implementation is app.bench.BenchTools.
 */
public interface DeveloperTools {
    /** picocli command classes added under the main command. */
    List<Class<?>> commands();

    /** Mappers the tools need on the databases they open themselves (never on the window's). */
    List<Class<?>> mappers();

    /** {@code seed --scale large}: fills the migrated, empty database and prints what it did; the exit code. */
    int seedLarge(Database db, PrintWriter out, int randomSeed, LocalDate anchorDate);

    /** The developer tools on the class path: present in a developer build, absent from the installed product. */
    static Optional<DeveloperTools> installed() {
        return ServiceLoader.load(DeveloperTools.class, DeveloperTools.class.getClassLoader()).findFirst();
    }
}
