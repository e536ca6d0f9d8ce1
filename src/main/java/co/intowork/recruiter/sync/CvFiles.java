package co.intowork.recruiter.sync;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CV files of the offline slice, kept beside the replica in {@code <data folder>/offline-cv} (owner-only, like
 * the replica) so a CV opens on the plane. One file per URL, named by a hash of the URL, so {@link #local} finds it
 * from the same text the review screen holds. A file that cannot be fetched, or is larger than the cap, is counted
 * and left out: the pull never fails because of a CV.
 */
public final class CvFiles {
    private static final Logger log = LoggerFactory.getLogger(CvFiles.class);

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response's headers arrive. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** A whole file; a stalled transfer is abandoned after it (10 MB at 100 KB/s still fits). */
    public static final Duration FILE_DEADLINE = Duration.ofMinutes(2);
    /** Downloads in flight at once: enough to hide latency, few enough not to flood a hotel's Wi-Fi. */
    static final int PARALLEL = 4;
    private static final String PART = ".part";
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");

    /** What a refresh did; {@code unreachable} also counts HTTP errors, timeouts and files that could not be written. */
    public record Report(int downloaded, int present, int tooLarge, int unreachable, int deleted) {
        public static final Report NONE = new Report(0, 0, 0, 0, 0);
    }

    private final Path folder;
    private final String platformFilesUrl;
    private final long maxBytes;
    private final Duration responseTimeout;
    private final Duration fileDeadline;
    private final Duration connectTimeout;
    // built on the first download: its TLS set-up costs about half a second, which the workspace built at
    // every sign-in (where this object is made) must not pay for people who never download a CV
    private HttpClient http;

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
        this.platformFilesUrl = platformFilesUrl == null || platformFilesUrl.isBlank() ? null
                : platformFilesUrl.trim().replaceAll("/+$", "");
        this.maxBytes = maxBytes;
        this.responseTimeout = responseTimeout;
        this.fileDeadline = fileDeadline;
        this.connectTimeout = connectTimeout;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
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
        int downloaded = 0;
        int tooLarge = 0;
        int unreachable = 0;
        // a blocked cloud store would otherwise cost a connect timeout per CV at every sync
        Set<String> hostsDown = new HashSet<>();
        for (int from = 0; from < missing.size(); from += PARALLEL) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + PARALLEL));
            List<Download> running = batch.stream().map(url -> start(url, hostsDown)).toList();
            for (Download d : running) {
                Outcome outcome = d.finish();
                if (outcome.hostDown()) {
                    hostsDown.add(d.host());
                }
                switch (outcome.kind()) {
                    case DOWNLOADED -> downloaded++;
                    case TOO_LARGE -> {
                        tooLarge++;
                        log.info("CV {} not kept offline: larger than {} MB", loggable(d.url()), maxBytes / (1024 * 1024));
                    }
                    case UNREACHABLE -> {
                        unreachable++;
                        log.info("CV {} not kept offline: {}", loggable(d.url()), outcome.reason());
                    }
                }
            }
        }
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

    private static int indexOfAny(String s, char a, char b) {
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
    private static String loggable(String url) {
        int cut = indexOfAny(url, '?', '#');
        return cut >= 0 ? url.substring(0, cut) + "?…" : url;
    }

    // ---------------------------------------------------------------- one download

    private enum Kind { DOWNLOADED, TOO_LARGE, UNREACHABLE }

    /** {@code hostDown}: no connection at all, so the host's other CVs are not tried again in this refresh. */
    private record Outcome(Kind kind, String reason, boolean hostDown) {
        static final Outcome DOWNLOADED = new Outcome(Kind.DOWNLOADED, null, false);
        static final Outcome TOO_LARGE = new Outcome(Kind.TOO_LARGE, null, false);

        static Outcome unreachable(String reason) {
            return new Outcome(Kind.UNREACHABLE, reason, false);
        }
    }

    private record Download(String url, String host, Path part, Path target, CompletableFuture<Outcome> result,
                            AtomicReference<Capped> subscriber, Duration deadline) {
        Outcome finish() {
            Outcome outcome;
            try {
                outcome = result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                Capped body = subscriber.get();
                if (body != null) {
                    body.abort();
                }
                outcome = Outcome.unreachable("not complete after " + deadline.toSeconds() + " s");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                outcome = new Outcome(Kind.UNREACHABLE, cause.getClass().getSimpleName()
                        + (cause.getMessage() != null ? ": " + cause.getMessage() : ""),
                        cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                outcome = Outcome.unreachable("interrupted");
            }
            try {
                if (outcome.kind() == Kind.DOWNLOADED) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                outcome = Outcome.unreachable("not written: " + e.getMessage());
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // the next refresh deletes the leftover
                }
            }
            return outcome;
        }
    }

    private Download start(String url, Set<String> hostsDown) {
        String name = fileName(url);
        Path part = folder.resolve(name + PART);
        Path target = folder.resolve(name);
        URI uri;
        try {
            uri = resolve(url);
        } catch (IllegalArgumentException e) {
            return new Download(url, null, part, target, CompletableFuture.completedFuture(
                    Outcome.unreachable(e.getMessage())), new AtomicReference<>(), fileDeadline);
        }
        String host = uri.getAuthority();
        if (hostsDown.contains(host)) {
            return new Download(url, host, part, target, CompletableFuture.completedFuture(
                    Outcome.unreachable(host + " did not answer earlier in this sync")), new AtomicReference<>(),
                    fileDeadline);
        }
        AtomicReference<Capped> subscriber = new AtomicReference<>();
        HttpResponse.BodyHandler<Outcome> handler = info -> {
            Outcome refuse = null;
            if (info.statusCode() / 100 != 2) {
                refuse = Outcome.unreachable("HTTP " + info.statusCode());
            } else if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                refuse = Outcome.TOO_LARGE;
            }
            Capped body = new Capped(part, maxBytes, refuse);
            subscriber.set(body);
            return body;
        };
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET().build();
        CompletableFuture<Outcome> result = http().sendAsync(request, handler).thenApply(HttpResponse::body);
        return new Download(url, host, part, target, result, subscriber, fileDeadline);
    }

    /** Absolute http(s) URLs as they are; a path on the platform (/uploads/...) under platform.files.url. */
    private URI resolve(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String absolute;
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            absolute = url;
        } else if (url.startsWith("/")) {
            if (platformFilesUrl == null) {
                throw new IllegalArgumentException("a path on the platform, and platform.files.url is not set");
            }
            absolute = platformFilesUrl + url;
        } else {
            throw new IllegalArgumentException("not an http(s) address or a platform path");
        }
        return URI.create(absolute.replace(" ", "%20"));
    }

    /**
     * Streams the body to the temporary file and stops as soon as it passes the cap (a server may send no
     * Content-Length, or a wrong one); {@code refuse} set: the body is not read at all.
     */
    private static final class Capped implements HttpResponse.BodySubscriber<Outcome> {
        private final Path part;
        private final long max;
        private final Outcome refuse;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private FileChannel out;
        private long size;

        Capped(Path part, long max, Outcome refuse) {
            this.part = part;
            this.max = max;
            this.refuse = refuse;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuse != null) {
                s.cancel();
                result.complete(refuse);
                return;
            }
            try {
                out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                s.request(1);
            } catch (IOException e) {
                s.cancel();
                result.complete(Outcome.unreachable("not written: " + e.getMessage()));
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer b : buffers) {
                    size += b.remaining();
                    if (size > max) {
                        end(Outcome.TOO_LARGE);
                        subscription.cancel();
                        return;
                    }
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                subscription.request(1);
            } catch (IOException e) {
                end(Outcome.unreachable("not written: " + e.getMessage()));
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable t) {
            end(Outcome.unreachable(t.getClass().getSimpleName()
                    + (t.getMessage() != null ? ": " + t.getMessage() : "")));
        }

        @Override
        public void onComplete() {
            end(Outcome.DOWNLOADED);
        }

        @Override
        public CompletionStage<Outcome> getBody() {
            return result;
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            end(Outcome.unreachable("abandoned"));
        }

        private synchronized void end(Outcome outcome) {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                outcome = Outcome.unreachable("not written: " + e.getMessage());
            }
            result.complete(outcome);
        }
    }
}
