package co.intowork.recruiter.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.net.URI;

/**
 * The system browser/viewer through java.awt.Desktop, off the FX thread: Desktop.browse may block while the
 * desktop starts the viewer.
 */
public final class DesktopCvOpener implements CvOpener {
    private static final Logger log = LoggerFactory.getLogger(DesktopCvOpener.class);

    @Override
    public void open(String url) {
        Thread thread = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(url));
                } else {
                    new ProcessBuilder("xdg-open", url).start();
                }
            } catch (Exception e) {
                log.warn("Could not open CV {}: {}", url, e.toString());
            }
        }, "open-cv");
        thread.setDaemon(true);
        thread.start();
    }
}
