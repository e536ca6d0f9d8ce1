package co.intowork.recruiter.app.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the harness's servers as an unprivileged user: Debian's PostgreSQL and PgBouncer refuse to run as root, and
 * CI runs as root. {@code setpriv} replaces itself with the program (no extra parent process), so the process
 * handle is the server's and stopping it signals the server itself.
 */
final class Unprivileged {
    private Unprivileged() {
    }

    /** {@code postgres} (Debian's PostgreSQL and PgBouncer packages create it), else {@code nobody}. */
    static String user() {
        return exists("postgres") ? "postgres" : "nobody";
    }

    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static List<String> command(List<String> program) {
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + user(), "--regid=" + user(), "--init-groups", "--"));
        }
        cmd.addAll(program);
        return cmd;
    }

    /** Runs a program to its end as the unprivileged user; its output goes to {@code log}. */
    static void run(Path log, String... program) {
        try {
            Process p = new ProcessBuilder(command(List.of(program))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", program) + " did not finish in 5 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", program) + " failed (exit " + p.exitValue()
                        + "); see " + log + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A folder the unprivileged user owns. */
    static Path ownedDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (asRoot()) {
                new ProcessBuilder("chown", "-R", user() + ":", dir.toString()).inheritIO().start().waitFor();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void waitForPort(int port, long timeoutMillis, Process process, Path log) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The process for port " + port + " ended (exit "
                        + process.exitValue() + "); see " + log + ":\n" + tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("Nothing listens on port " + port + " after " + timeoutMillis + " ms; see "
                + log + ":\n" + tail(log));
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String user) {
        try {
            return new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
