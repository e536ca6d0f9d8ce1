package co.intowork.recruiter.sync;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches CV files over HTTP for {@link CvFiles} (copies those on this computer): a few at a time, each streamed to
 * a {@code .part} file under a size cap and a deadline, then moved into place; a host that does not connect is not
 * tried again in the same run.
 * Knows nothing of which files should be kept.
 */
final class CvDownloader {
    private static final Logger log = LoggerFactory.getLogger(CvDownloader.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response's headers arrive. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** A whole file; a stalled transfer is abandoned after it (10 MB at 100 KB/s still fits). */
    static final Duration FILE_DEADLINE = Duration.ofMinutes(2);
    /** Downloads in flight at once: enough to hide latency, few enough not to flood a hotel's Wi-Fi. */
    static final int PARALLEL = 4;

    record Counts(int downloaded, int tooLarge, int unreachable) {
    }

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
    CvDownloader(String platformFilesUrl, long maxBytes, Duration connectTimeout, Duration responseTimeout,
                 Duration fileDeadline) {
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

    /** Downloads each URL to its target file; a file that is too large or cannot be fetched is counted, not kept. */
    Counts fetch(Map<String, Path> targets) {
        List<String> missing = new ArrayList<>(targets.keySet());
        int downloaded = 0;
        int tooLarge = 0;
        int unreachable = 0;
        // a blocked cloud store would otherwise cost a connect timeout per CV at every sync
        Set<String> hostsDown = new HashSet<>();
        for (int from = 0; from < missing.size(); from += PARALLEL) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + PARALLEL));
            List<Download> running = batch.stream().map(url -> start(url, targets.get(url), hostsDown)).toList();
            for (Download d : running) {
                Outcome outcome = d.finish();
                if (outcome.hostDown()) {
                    hostsDown.add(d.host());
                }
                switch (outcome.kind()) {
                    case DOWNLOADED -> downloaded++;
                    case TOO_LARGE -> {
                        tooLarge++;
                        log.info("CV {} not kept offline: larger than {} MB", CvFiles.loggable(d.url()), maxBytes / (1024 * 1024));
                    }
                    case UNREACHABLE -> {
                        unreachable++;
                        log.info("CV {} not kept offline: {}", CvFiles.loggable(d.url()), outcome.reason());
                    }
                }
            }
        }
        return new Counts(downloaded, tooLarge, unreachable);
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

    private Download start(String url, Path target, Set<String> hostsDown) {
        Path part = target.resolveSibling(target.getFileName() + CvFiles.PART);
        if (url.regionMatches(true, 0, "file:", 0, 5)) {
            return new Download(url, null, part, target, CompletableFuture.completedFuture(copy(url, part)),
                    new AtomicReference<>(), fileDeadline);
        }
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

    /**
     * A CV on this computer (the embedded demo's files, decision 0025): copied like a download, under the same cap,
     * so the offline copy holds it even if the original goes.
     */
    private Outcome copy(String url, Path part) {
        Path source;
        try {
            source = Path.of(URI.create(url.replace(" ", "%20")));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Outcome.unreachable("not a file address: " + e.getMessage());
        }
        try {
            if (!Files.isRegularFile(source)) {
                return Outcome.unreachable("no such file");
            }
            if (Files.size(source) > maxBytes) {
                return Outcome.TOO_LARGE;
            }
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            return Outcome.DOWNLOADED;
        } catch (IOException e) {
            return Outcome.unreachable("not copied: " + e.getMessage());
        }
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
