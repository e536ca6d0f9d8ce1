package co.intowork.recruiter.messages;

import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** java.awt.Desktop's mail action, or xdg-open where the desktop offers none. Called off the FX thread. */
public final class DesktopMailProgram implements MailProgram {
    @Override
    public void open(URI mailto) throws Exception {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.MAIL)) {
            Desktop.getDesktop().mail(mailto);
            return;
        }
        Process xdgOpen;
        try {
            xdgOpen = new ProcessBuilder("xdg-open", mailto.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UserFacingException(Sentence.of("messages.error.noMailProgram"), e);
        }
        if (xdgOpen.waitFor(15, TimeUnit.SECONDS) && xdgOpen.exitValue() != 0) {
            throw new UserFacingException(Sentence.of("messages.error.noMailProgram"));
        }
    }
}
