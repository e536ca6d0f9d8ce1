package co.intowork.recruiter.common.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of every file in the bundled migration folder (names and contents), read straight from the class path in
 * a few milliseconds. A database that recorded this stamp after a full Flyway check needs no second check while the
 * migrations are the same; Flyway's own inspection costs over a second at every start (measured, issue 18).
 */
public final class MigrationStamp {
    private static final Logger log = LoggerFactory.getLogger(MigrationStamp.class);
    private static final String FOLDER = "db/migration";

    private MigrationStamp() {
    }

    /** The stamp of the migrations this build carries; null when they cannot be listed (then check as usual). */
    public static String current() {
        try {
            URL url = MigrationStamp.class.getClassLoader().getResource(FOLDER);
            if (url == null) {
                return null;
            }
            Map<String, byte[]> files = new TreeMap<>();
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (!e.isDirectory() && e.getName().startsWith(FOLDER + "/")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName().substring(FOLDER.length() + 1), in.readAllBytes());
                            }
                        }
                    }
                }
            } else if (url.getProtocol().equals("file")) {
                Path dir = Path.of(url.toURI());
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } else {
                return null;
            }
            if (files.isEmpty()) {
                return null;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return files.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            log.info("Migrations not stamped ({}); the schema is checked by Flyway", e.toString());
            return null;
        }
    }
}
