package co.intowork.recruiter.app.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from /proc: of each server (its root process, the children it has reaped, and its live direct children:
 * PostgreSQL's backends), of this JVM (the seats), and of the whole machine (which other work on the machine
 * shares). A backend that ends between two snapshots moves its time into the root's reaped children's figure, so
 * a server's count only grows while it runs.
 */
final class Cpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private Cpu() {
    }

    /** Seconds of CPU used so far, by name; "machine busy" and "machine total" from /proc/stat. */
    static Map<String, Double> snapshot(Map<String, Long> roots) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<Long, long[]> all = processes();
        roots.forEach((name, root) -> {
            double ticks = 0;
            for (var e : all.entrySet()) {
                long[] v = e.getValue();
                if (e.getKey().equals(root)) {
                    ticks += v[1] + v[2];
                } else if (v[0] == root) {
                    ticks += v[1];
                }
            }
            out.put(name, ticks / TICKS_PER_SECOND);
        });
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            out.put("load generator (this JVM)", sun.getProcessCpuTime() / 1e9);
        }
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            out.put("machine busy", (total - idle) / TICKS_PER_SECOND);
            out.put("machine total", total / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: no machine figure
        }
        return out;
    }

    /** pid -> {parent pid, utime + stime ticks, cutime + cstime ticks (its reaped children's)}. */
    private static Map<Long, long[]> processes() {
        Map<Long, long[]> out = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(Long.parseLong(p.getFileName().toString()),
                            new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                                    Long.parseLong(f[13]) + Long.parseLong(f[14])});
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException ignored) {
            // no /proc
        }
        return out;
    }
}
