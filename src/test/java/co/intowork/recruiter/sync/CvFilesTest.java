package co.intowork.recruiter.sync;

import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.testing.TwoCompanies;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice's CV files, pulled by a real SyncService from the two-companies server into a temporary data folder,
 * served by a real HTTP server on localhost. Job 11 has applications 101 (Chloé), 102 (Claude) and 103 (Camille).
 */
class CvFilesTest {
    private static final long CAP = 1024 * 1024;
    private static final byte[] CHLOE = bytes(300_000, 1);
    private static final byte[] CLAUDE = bytes(12_345, 2);
    private static final byte[] BIG = bytes((int) CAP + 1, 3);

    @TempDir
    Path temp;
    private HttpServer http;
    private String base;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/cv/chloe.pdf", CHLOE, true);
        serve("/uploads/claude.docx", CLAUDE, true);
        serve("/cv/latest.pdf", CHLOE, true);
        serve("/cv/big.pdf", BIG, true);
        serve("/cv/big-chunked.pdf", BIG, false);
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    /** {@code announceLength} false: sent chunked, so only the streamed size can tell it is too large. */
    private void serve(String path, byte[] body, boolean announceLength) {
        requests.put(path, new AtomicInteger());
        http.createContext(path, exchange -> {
            requests.get(path).incrementAndGet();
            exchange.sendResponseHeaders(200, announceLength ? body.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client stopped reading past its cap
            }
            exchange.close();
        });
    }

    private CvFiles cvFiles(String platformFilesUrl) {
        return new CvFiles(temp.resolve("data/offline-cv"), platformFilesUrl, CAP, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static SyncService sync(SyncFixture f, CvFiles files) {
        return new SyncService(f.signedIn, f.replica.unitOfWork(), SyncService.FailureHook.NONE,
                Duration.ofMinutes(2), files);
    }

    @Test
    void theSliceCvsAreDownloadedOnceUnderTheCapWithTheReviewScreensPrecedence() throws IOException {
        try (SyncFixture f = SyncFixture.create("cv_files", TwoCompanies.HUGO)) {
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 101",
                    base + "/cv/chloe.pdf");
            // Chloé's latest upload is another CV: the application's own is the one kept
            SyncFixture.update(f.server, "UPDATE public.candidates SET cv_url = ? WHERE id = 1", base + "/cv/latest.pdf");
            // Claude's application names a candidate_cvs row, stored on the platform's own server
            SyncFixture.update(f.server, "UPDATE public.candidate_cvs SET file_path = '/uploads/claude.docx' "
                    + "WHERE candidate_id = 2");
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_id = (SELECT id FROM "
                    + "public.candidate_cvs WHERE candidate_id = 2) WHERE id = 102");
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 103",
                    base + "/cv/big.pdf");
            CvFiles files = cvFiles(base + "/");

            SyncService.PullReport first = sync(f, files).takeOffline(11);

            assertThat(first.applications()).isEqualTo(3);
            assertThat(first.cvFiles()).isEqualTo(new CvFiles.Report(2, 0, 1, 0, 0));
            assertThat(files.local(base + "/cv/chloe.pdf")).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(CHLOE));
            assertThat(files.local(" /uploads/claude.docx ")).hasValueSatisfying(p -> assertThat(p)
                    .hasBinaryContent(CLAUDE).hasFileName(CvFiles.fileName("/uploads/claude.docx")));
            assertThat(files.local(base + "/cv/big.pdf")).isEmpty();
            assertThat(requests.get("/cv/latest.pdf")).hasValue(0);
            assertThat(listing(files.folder())).hasSize(2).noneMatch(n -> n.endsWith(".part"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.folder())))
                    .isEqualTo("rwx------");

            SyncService.PullReport second = sync(f, files).pull();

            assertThat(second.cvFiles()).isEqualTo(new CvFiles.Report(0, 2, 1, 0, 0));
            assertThat(requests.get("/cv/chloe.pdf")).hasValue(1);
            assertThat(requests.get("/uploads/claude.docx")).hasValue(1);
        }
    }

    @Test
    void unreachableAndOversizedStreamsAreCountedAndThePullStillSucceeds() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SyncFixture f = SyncFixture.create("cv_files_unreachable", TwoCompanies.HUGO)) {
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 101",
                    "http://127.0.0.1:" + closedPort + "/cv/chloe.pdf");
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = '/uploads/claude.docx' "
                    + "WHERE id = 102");
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 103",
                    base + "/cv/big-chunked.pdf");
            // no platform.files.url: the relative path cannot be fetched
            CvFiles files = cvFiles(null);

            SyncService.PullReport report = sync(f, files).takeOffline(11);

            assertThat(report.applications()).isEqualTo(3);
            assertThat(SyncFixture.applications(f.replicaDb, 11)).isEqualTo(SyncFixture.applications(f.server, 11));
            assertThat(report.cvFiles()).isEqualTo(new CvFiles.Report(0, 0, 1, 2, 0));
            assertThat(requests.get("/cv/big-chunked.pdf")).hasValue(1);
            assertThat(listing(files.folder())).isEmpty();
        }
    }

    /** The embedded demo's CVs are files on this computer (decision 0025): copied like downloads, under the cap. */
    @Test
    void filesOnThisComputerAreCopiedUnderTheCap() throws IOException {
        Path mine = Files.write(temp.resolve("chloé cv.pdf"), CHLOE);
        Path big = Files.write(temp.resolve("big.pdf"), BIG);
        try (SyncFixture f = SyncFixture.create("cv_files_local", TwoCompanies.HUGO)) {
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 101",
                    mine.toUri().toString());
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 102",
                    temp.resolve("gone.pdf").toUri().toString());
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 103",
                    big.toUri().toString());
            CvFiles files = cvFiles(null);

            SyncService.PullReport report = sync(f, files).takeOffline(11);

            assertThat(report.cvFiles()).isEqualTo(new CvFiles.Report(1, 0, 1, 1, 0));
            assertThat(files.local(mine.toUri().toString())).hasValueSatisfying(p -> assertThat(p)
                    .hasBinaryContent(CHLOE).isNotEqualTo(mine));
            assertThat(listing(files.folder())).hasSize(1);
        }
    }

    @Test
    void thePurgedJobsFilesAreDeletedAndWipeTakesTheFolder() throws IOException {
        try (SyncFixture f = SyncFixture.create("cv_files_purge", TwoCompanies.HUGO)) {
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 101",
                    base + "/cv/chloe.pdf");
            SyncFixture.update(f.server, "UPDATE public.job_applications SET cv_url = ? WHERE id = 102",
                    base + "/uploads/claude.docx");
            CvFiles files = cvFiles(null);
            SyncService sync = sync(f, files);
            sync.takeOffline(11);
            assertThat(listing(files.folder())).hasSize(2);
            // a leftover of an interrupted download goes too
            Files.writeString(files.folder().resolve("0000.pdf.part"), "half");
            // Hugo is no longer a hiring manager on job 11: the pull removes it from the laptop
            SyncFixture.update(f.server, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 11 AND user_id = 4");

            SyncService.PullReport report = sync.pull();

            assertThat(report.purgedJobs()).isEqualTo(1);
            assertThat(report.cvFiles()).isEqualTo(new CvFiles.Report(0, 0, 0, 0, 2));
            assertThat(listing(files.folder())).isEmpty();
            assertThat(files.local(base + "/cv/chloe.pdf")).isEmpty();

            Files.writeString(files.folder().resolve("x.pdf"), "kept until the wipe");
            AppPaths paths = new AppPaths(Map.of("INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux",
                    temp.resolve("home"));
            assertThat(CvFiles.folder(paths)).isEqualTo(files.folder());
            Replica.wipe(paths);
            assertThat(files.folder()).doesNotExist();
        }
    }

    @Test
    void fileNamesComeFromTheUrlsHashWithAPlainExtension() {
        assertThat(CvFiles.fileName("https://cdn.example/a/CV.PDF?sig=x")).matches("[0-9a-f]{64}\\.pdf");
        assertThat(CvFiles.fileName("https://cdn.example/a/cv")).matches("[0-9a-f]{64}");
        assertThat(CvFiles.fileName("/uploads/x.p df")).matches("[0-9a-f]{64}");
        assertThat(CvFiles.fileName("/uploads/a.pdf")).isNotEqualTo(CvFiles.fileName("/uploads/b.pdf"));
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
