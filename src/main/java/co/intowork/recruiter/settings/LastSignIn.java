package co.intowork.recruiter.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The email address and server last signed in with, so the login screen comes pre-filled. Never a password:
 * passwords are not remembered at all.
 */
public final class LastSignIn {
    private static final Logger log = LoggerFactory.getLogger(LastSignIn.class);

    public record Remembered(String email, String profileId) {
    }

    private final Path file;

    public LastSignIn(Path file) {
        this.file = file;
    }

    public static LastSignIn in(AppPaths paths) {
        return new LastSignIn(paths.userSettingsFile().resolveSibling("last-sign-in.properties"));
    }

    public Optional<Remembered> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            log.warn("Could not read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Remembered(p.getProperty("email", ""), p.getProperty("server", "")));
    }

    public void save(Remembered remembered) {
        Properties p = new Properties();
        p.setProperty("email", remembered.email());
        p.setProperty("server", remembered.profileId());
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "IntoWork Recruiter: last sign-in (no password is ever stored)");
            }
        } catch (IOException e) {
            // pre-filling the login screen is a convenience; failing to remember must not fail the sign-in
            log.warn("Could not write {}: {}", file, e.getMessage());
        }
    }
}
