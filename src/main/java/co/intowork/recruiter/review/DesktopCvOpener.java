package co.intowork.recruiter.review;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The system browser/viewer through java.awt.Desktop, or xdg-open where Desktop cannot browse. Called off the FX
 * thread: Desktop.browse may block while the desktop starts the viewer. Failures are thrown, for the review to
 * show.
 */
public final class DesktopCvOpener implements CvOpener {
    // xdg-open hands the address to the viewer and returns; a non-zero exit means nothing will open
    private static final long XDG_OPEN_WAIT_SECONDS = 15;

    @Override
    public void open(String url) throws Exception {
        URI uri = URI.create(url);
        if ("file".equalsIgnoreCase(uri.getScheme()) && !Files.isReadable(Path.of(uri))) {
            throw new UserFacingException(Messages.format("review.cv.fileMissing", Path.of(uri)));
        }
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(uri);
            return;
        }
        Process xdgOpen;
        try {
            xdgOpen = new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UserFacingException(Messages.text("review.cv.noViewer"));
        }
        if (xdgOpen.waitFor(XDG_OPEN_WAIT_SECONDS, TimeUnit.SECONDS) && xdgOpen.exitValue() != 0) {
            throw new UserFacingException(Messages.format("review.cv.viewerRefused", xdgOpen.exitValue()));
        }
    }
}
