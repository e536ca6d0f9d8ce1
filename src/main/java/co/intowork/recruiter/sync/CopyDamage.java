package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedDatabase;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ResolvedSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A damaged offline copy (a file of its database missing or unreadable, or a data folder PostgreSQL will not start
 * on): what is wrong, what is safe, the unsent operations exported to a file while they can still be read, and the
 * rebuild, which keeps the damaged folder aside (never deletes it) and carries the slice and the outbox over.
 */
public final class CopyDamage {
    private static final Logger log = LoggerFactory.getLogger(CopyDamage.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    static final String EXPORT_PREFIX = "offline-unsent-";
    private static final Pattern FILE = Pattern.compile("\"([^\"]+)\"");

    private CopyDamage() {
    }

    /** What an export holds: the jobs kept offline and the operations not yet sent. */
    public record Export(String at, List<Integer> sliceJobs, List<Operation> operations) {
    }

    /** The damage, worded; {@code export} the file the unsent operations went to (null: none could be read). */
    public static final class Damaged extends UserFacingException {
        private final transient Path export;

        Damaged(Sentence message, Path export, Throwable cause) {
            super(message, cause);
            this.export = export;
        }

        public Path export() {
            return export;
        }
    }

    public record Rebuilt(int jobs, int operations, Path export, Path keptAside) {
    }

    /**
     * A failure of the copy's own files: SQLSTATE class 58 (a relation file missing or unreadable), XX001/XX002
     * (a page or an index corrupted), or PostgreSQL not starting on its folder.
     */
    public static boolean isDamage(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Damaged || t instanceof EmbeddedDatabase.StartFailure) {
                return true;
            }
        }
        return SqlErrors.sqlState(failure)
                .filter(s -> s.startsWith("58") || s.equals("XX001") || s.equals("XX002")).isPresent();
    }

    /** What is missing before PostgreSQL is even started on the folder (it reports those with no message). */
    static Optional<String> missingFiles(Path dir) {
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            return Optional.empty();
        }
        for (String essential : List.of("global/pg_control", "global/pg_filenode.map", "base")) {
            if (!Files.exists(dir.resolve(essential))) {
                return Optional.of(essential);
            }
        }
        return Optional.empty();
    }

    /**
     * The failure, worded for the person, with what waits exported first when the copy can still be read
     * ({@code copy} null: it is not open). Logged once here.
     */
    public static Damaged report(Throwable failure, UnitOfWork copy, AppPaths paths) {
        if (failure instanceof Damaged already) {
            return already;
        }
        return report(what(failure), failure, copy, paths);
    }

    static Damaged report(Sentence what, Throwable failure, UnitOfWork copy, AppPaths paths) {
        Path export = null;
        Sentence unsent;
        if (copy != null) {
            try {
                Export e = read(copy);
                export = write(e, paths);
                unsent = Sentence.of("sync.copy.exported", e.operations().size(), export);
            } catch (RuntimeException | IOException readFailure) {
                log.warn("The unsent operations could not be read from the damaged copy: {}",
                        readFailure.getMessage());
                unsent = unreadable(paths);
            }
        } else {
            unsent = unreadable(paths);
        }
        Sentence message = Sentence.joined(Sentence.of("sync.copy.damaged", what), unsent,
                Sentence.of("sync.copy.rebuildHint"));
        // logged once, by whoever shows it (the command's error handler, the Offline section)
        return new Damaged(message, export, failure);
    }

    private static Sentence unreadable(AppPaths paths) {
        Optional<Path> earlier = latestExport(paths);
        return earlier.isPresent() ? Sentence.of("sync.copy.exportedEarlier", earlier.get())
                : Sentence.of("sync.copy.unreadable", Replica.folder(paths));
    }

    private static Sentence what(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EmbeddedDatabase.StartFailure) {
                return Sentence.of("sync.copy.notStarting", EmbeddedDatabase.rootMessage(t.getCause() == null
                        ? t : t.getCause()));
            }
        }
        String server = SqlErrors.serverMessage(failure).orElse(EmbeddedDatabase.rootMessage(failure));
        Matcher file = FILE.matcher(server);
        return file.find() ? Sentence.of("sync.copy.fileMissing", file.group(1))
                : Sentence.of("sync.copy.fileDamaged", server);
    }

    static Export read(UnitOfWork copy) {
        return copy.inTransaction(s -> {
            ReplicaMapper m = s.getMapper(ReplicaMapper.class);
            return new Export(Instant.now().toString(), m.sliceJobs(), m.pending());
        });
    }

    static Path write(Export export, AppPaths paths) throws IOException {
        Path file = paths.dataDir().resolve(EXPORT_PREFIX + STAMP.format(Instant.parse(export.at())) + ".json");
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.write(part, JSON.writeValueAsBytes(export));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("{} unsent operation(s) and {} job(s) of the offline copy exported to {}",
                export.operations().size(), export.sliceJobs().size(), file);
        return file;
    }

    static Optional<Path> latestExport(AppPaths paths) {
        if (!Files.isDirectory(paths.dataDir())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(paths.dataDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(EXPORT_PREFIX)
                            && p.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Export load(Path file) {
        try {
            return JSON.readValue(file.toFile(), Export.class);
        } catch (IOException e) {
            throw new UserFacingException(Sentence.of("sync.copy.exportUnreadable", file, e.getMessage()), e);
        }
    }

    /**
     * Rebuilds the copy: exports what the damaged one still lets read (else takes the latest export), moves its folder
     * aside, creates a new copy and puts the slice's jobs and the unsent operations back in it. The jobs' rows come
     * back at the next sync, which sends the operations first. The copy must be closed.
     */
    public static Rebuilt rebuild(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers) {
        Path dir = Replica.folder(paths);
        Export export = null;
        Path exportFile = null;
        if (Replica.exists(paths) && missingFiles(dir).isEmpty()) {
            try (Database old = Replica.openAsFound(settings, paths, mappers)) {
                export = read(old.unitOfWork());
                exportFile = write(export, paths);
            } catch (RuntimeException | IOException e) {
                log.warn("The damaged copy could not be read before its rebuild: {}", e.getMessage());
            }
        }
        if (export == null) {
            exportFile = latestExport(paths).orElse(null);
            export = exportFile == null ? null : load(exportFile);
        }
        Path aside = null;
        if (Files.exists(dir)) {
            aside = dir.resolveSibling(dir.getFileName() + "-damaged-" + STAMP.format(Instant.now()));
            try {
                Files.move(dir, aside);
            } catch (IOException e) {
                throw new UserFacingException(Sentence.of("sync.copy.notMoved", dir, e.getMessage()), e);
            }
            log.warn("Damaged offline copy moved aside to {}", aside);
        }
        Export carried = export;
        try (Database fresh = Replica.open(settings, paths, mappers, () -> false, msg -> { })) {
            if (carried != null) {
                fresh.unitOfWork().run(s -> {
                    ReplicaMapper m = s.getMapper(ReplicaMapper.class);
                    carried.sliceJobs().forEach(m::addSliceJob);
                    carried.operations().forEach(m::enqueue);
                });
            }
        }
        Rebuilt r = new Rebuilt(carried == null ? 0 : carried.sliceJobs().size(),
                carried == null ? 0 : carried.operations().size(), exportFile, aside);
        log.info("Offline copy rebuilt: {}", r);
        return r;
    }

    /** The rebuild's outcome, in a sentence worded now: for the edge (the Offline section, the sync command). */
    public static String describe(Rebuilt r) {
        return (r.keptAside() == null ? Sentence.of("sync.copy.rebuilt", r.jobs(), r.operations())
                : Sentence.joined(Sentence.of("sync.copy.rebuilt", r.jobs(), r.operations()),
                        Sentence.of("sync.copy.keptAside", r.keptAside()))).toString();
    }
}
