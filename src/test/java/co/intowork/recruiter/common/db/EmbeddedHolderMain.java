package co.intowork.recruiter.common.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a child JVM: starts the embedded database on a folder, writes "ready", then waits to be killed, as
 * the app would when it crashes or is killed by the user.
 */
public final class EmbeddedHolderMain {
    private EmbeddedHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
        Files.writeString(ready, db.jdbcUrl());
        Thread.sleep(Long.MAX_VALUE);
    }
}
