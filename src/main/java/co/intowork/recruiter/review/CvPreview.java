package co.intowork.recruiter.review;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The first pages of a PDF CV as PNG images, for reading it inside the review without another program. Fetches the
 * file (https or a file on this computer) up to a size limit and renders it with PDFBox. Knows nothing of JavaFX.
 */
public final class CvPreview {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_PAGES = 3;
    private static final float DPI = 96;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The file's pages (at most {@link #MAX_PAGES}) as PNG images; a sentence when it cannot be shown. */
    public java.util.List<byte[]> pages(String url) throws IOException, InterruptedException {
        return render(fetch(url));
    }

    byte[] fetch(String url) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path file = Path.of(uri);
            if (!Files.isReadable(file)) {
                throw new UserFacingException(Messages.format("review.cv.fileMissing", file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UserFacingException(Messages.format("review.preview.tooLarge", MAX_BYTES / (1024 * 1024)));
            }
            return Files.readAllBytes(file);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // unknown host, refused, timed out: the person can only check the network or the address
            throw new UserFacingException(Messages.format("review.preview.unreachable", uri.getHost()));
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new UserFacingException(Messages.format("review.preview.http", response.statusCode()));
            }
            byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new UserFacingException(Messages.format("review.preview.tooLarge", MAX_BYTES / (1024 * 1024)));
            }
            return bytes;
        }
    }

    static java.util.List<byte[]> render(byte[] pdf) throws IOException {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UserFacingException(Messages.text("review.preview.notPdf"));
        }
        try (document) {
            PDFRenderer renderer = new PDFRenderer(document);
            java.util.List<byte[]> pages = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(MAX_PAGES, document.getNumberOfPages()); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                pages.add(png.toByteArray());
            }
            return pages;
        }
    }
}
