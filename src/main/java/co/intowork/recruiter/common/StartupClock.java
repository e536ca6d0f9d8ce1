package co.intowork.recruiter.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Milestones of the start-up measured from the process's own start (as the operating system recorded it, so the
 * JVM's start and class loading count), logged once each: the README's start-up figures are read from these lines.
 */
public final class StartupClock {
    private static final Logger log = LoggerFactory.getLogger(StartupClock.class);
    private static final Set<String> reached = ConcurrentHashMap.newKeySet();

    private StartupClock() {
    }

    /** Milliseconds since the process started; -1 where the system does not say. */
    public static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    /** Logs {@code milestone} the first time it is reached in this process. */
    public static void reached(String milestone) {
        if (reached.add(milestone)) {
            log.info("Start-up: {} {} ms after the process started", milestone, sinceProcessStart());
        }
    }
}
