package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CV files of the offline slice, kept beside the replica in {@code <data folder>/offline-cv} (owner-only, like
 * the replica) so a CV opens on the plane. One file per URL, named by a hash of the URL, so {@link #local} finds it
 * from the same text the review screen holds. A file that cannot be fetched, or is larger than the cap, is counted
 * and left out: the pull never fails because of a CV. This class is the folder (what is here, what to keep); the
 * HTTP side is {@link CvDownloader}.
 */
public final class CvFiles {
    private static final Logger log = LoggerFactory.getLogger(CvFiles.class);

    public static final Duration CONNECT_TIMEOUT = CvDownloader.CONNECT_TIMEOUT;
    public static final Duration RESPONSE_TIMEOUT = CvDownloader.RESPONSE_TIMEOUT;
    public static final Duration FILE_DEADLINE = CvDownloader.FILE_DEADLINE;
    /** Suffix of a download under way (see CvDownloader); left over after a crash, pruned by the next refresh. */
    static final String PART = ".part";
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");

    /** What a refresh did; {@code unreachable} also counts HTTP errors, timeouts and files that could not be written. */
    public record Report(int downloaded, int present, int tooLarge, int unreachable, int deleted) {
        public static final Report NONE = new Report(0, 0, 0, 0, 0);
    }

    private final Path folder;
    private final long maxBytes;
    private final CvDownloader downloader;

    /**
     * @param platformFilesUrl the web platform's address, against which relative paths ({@code /uploads/...}) are
     *                         fetched; null: relative paths are skipped and counted as unreachable
     */
    public CvFiles(Path folder, String platformFilesUrl, long maxBytes) {
        this(folder, platformFilesUrl, maxBytes, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, FILE_DEADLINE);
    }

    CvFiles(Path folder, String platformFilesUrl, long maxBytes, Duration connectTimeout, Duration responseTimeout,
            Duration fileDeadline) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.downloader = new CvDownloader(platformFilesUrl, maxBytes, connectTimeout, responseTimeout, fileDeadline);
    }

    /** From {@code platform.files.url} and {@code offline.cv.max.mb}. */
    public static CvFiles from(ResolvedSettings settings, AppPaths paths) {
        return new CvFiles(folder(paths), settings.get(SettingKey.PLATFORM_FILES_URL).orElse(null),
                settings.getInt(SettingKey.OFFLINE_CV_MAX_MB) * 1024L * 1024L);
    }

    public static Path folder(AppPaths paths) {
        return paths.dataDir().resolve("offline-cv");
    }

    /** Deletes the CV folder with every file in it (sign-out's wipe, with the replica). */
    public static void wipe(AppPaths paths) {
        Path dir = folder(paths);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            deleteAllBut(dir, Set.of());
            Files.deleteIfExists(dir);
            log.info("Offline CV files wiped from {}", dir);
        } catch (IOException e) {
            throw new UserFacingException("The offline CV files in " + dir + " could not be deleted ("
                    + e.getMessage() + "). Delete that folder by hand.", e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The downloaded copy of this CV (the text the review screen holds: a URL or a platform path), if there is one. */
    public Optional<Path> local(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Path file = folder.resolve(fileName(url.trim()));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Makes the folder hold exactly these CVs: downloads the missing ones, keeps those already here, deletes the
     * others (applications purged from the slice).
     */
    public Report refresh(Collection<String> urls) {
        long started = System.nanoTime();
        Set<String> wanted = normalise(urls);
        if (wanted.isEmpty() && !Files.isDirectory(folder)) {
            return Report.NONE;
        }
        try {
            Files.createDirectories(folder);
            Replica.lockDown(folder);
        } catch (IOException | RuntimeException e) {
            log.warn("Offline CV folder {} could not be prepared ({}); no CV file copied", folder, e.getMessage());
            return new Report(0, 0, 0, wanted.size(), 0);
        }
        int present = 0;
        List<String> missing = new ArrayList<>();
        for (String url : wanted) {
            if (local(url).isPresent()) {
                present++;
            } else {
                missing.add(url);
            }
        }
        Map<String, Path> targets = new LinkedHashMap<>();
        for (String url : missing) {
            targets.put(url, folder.resolve(fileName(url)));
        }
        CvDownloader.Counts fetched = downloader.fetch(targets);
        int downloaded = fetched.downloaded();
        int tooLarge = fetched.tooLarge();
        int unreachable = fetched.unreachable();
        int deleted = prune(wanted);
        Report report = new Report(downloaded, present, tooLarge, unreachable, deleted);
        log.info("Offline CV files: {} downloaded, {} already here, {} too large (cap {} MB), {} unreachable, "
                        + "{} deleted, in {} ms", downloaded, present, tooLarge, maxBytes / (1024 * 1024), unreachable,
                deleted, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return report;
    }

    /** Deletes every file but these CVs' (also leftovers of an interrupted download); returns the CVs deleted. */
    public int prune(Collection<String> urls) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Set<String> keep = new HashSet<>();
        for (String url : normalise(urls)) {
            keep.add(fileName(url));
        }
        try {
            return deleteAllBut(folder, keep);
        } catch (IOException e) {
            log.warn("Offline CV folder {} could not be cleaned: {}", folder, e.getMessage());
            return 0;
        }
    }

    /** The folder is flat: CV files and the .part files of downloads under way. */
    private static int deleteAllBut(Path folder, Set<String> keep) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!keep.contains(name) && Files.deleteIfExists(f) && !name.endsWith(PART)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** A hash of the URL (no name from the candidate's side reaches the file system), with its extension if plain. */
    static String fileName(String url) {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String ext = dot >= 0 && EXTENSION.matcher(last.substring(dot + 1)).matches()
                ? "." + last.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + ext;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static Set<String> normalise(Collection<String> urls) {
        Set<String> out = new LinkedHashSet<>();
        for (String url : urls) {
            if (url != null && !url.isBlank()) {
                out.add(url.trim());
            }
        }
        return out;
    }

    /** Without its query: a cloud store's signed link carries its access token there. */
    static String loggable(String url) {
        int cut = indexOfAny(url, '?', '#');
        return cut >= 0 ? url.substring(0, cut) + "?…" : url;
    }
}
