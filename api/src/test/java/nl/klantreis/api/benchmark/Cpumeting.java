package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went, without a profiler: CPU seconds of this JVM (split by thread group),
 * of the PostgreSQL server (postmaster and its backends, from {@code /proc}), and of the whole
 * machine. Two snapshots give the use during a phase. Linux only; elsewhere the PostgreSQL and
 * machine figures are absent.
 */
final class Cpumeting {
    /** Clock ticks per second of {@code /proc}; 100 on every common Linux. */
    private static final double TICKS = 100.0;

    private final long postmaster;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    Cpumeting(Path postgresDataMap) {
        this.postmaster = postmasterPid(postgresDataMap);
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** CPU seconds used so far. */
    record Stand(double jvm, double gc, double postgres, double machineBezet, double machineTotaal,
                 Map<String, Double> perGroep) {
        Stand minus(Stand eerder) {
            Map<String, Double> verschil = new LinkedHashMap<>();
            perGroep.forEach((groep, s) -> verschil.put(groep, s - eerder.perGroep.getOrDefault(groep, 0.0)));
            return new Stand(jvm - eerder.jvm, gc - eerder.gc, postgres - eerder.postgres,
                    machineBezet - eerder.machineBezet, machineTotaal - eerder.machineTotaal, verschil);
        }
    }

    Stand nu() {
        double jvm = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1e9;
        double[] machine = machine();
        double gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(g -> Math.max(0, g.getCollectionTime())).sum() / 1e3;
        return new Stand(jvm, gc, postgres(), machine[0], machine[1], perGroep());
    }

    /**
     * Java threads grouped by what they do: the engine's ingestion workers, Netty's HTTP threads,
     * the benchmark's own senders and HTTP client, and the rest (Axon, Hikari, JIT is not a Java
     * thread; GC shows up only in the JVM total).
     */
    private Map<String, Double> perGroep() {
        Map<String, Double> groepen = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            groepen.merge(groep(info.getThreadName()), cpu / 1e9, Double::sum);
        }
        return groepen;
    }

    static String groep(String naam) {
        if (naam.startsWith("ingestie")) {
            return "engine: ingestiewerkers";
        }
        if (naam.startsWith("reactor-http")) {
            return "engine: netty http";
        }
        if (naam.startsWith("afzender") || naam.startsWith("HttpClient")) {
            return "benchmark: afzenders + http-client";
        }
        return "overig";
    }

    private double postgres() {
        if (postmaster <= 0) {
            return Double.NaN;
        }
        double ticks = 0;
        // The postmaster's own time plus that of the backends it has reaped (cutime, cstime) ...
        long[] eigen = stat(Path.of("/proc", Long.toString(postmaster), "stat"));
        if (eigen != null) {
            ticks += eigen[1] + eigen[2] + eigen[3] + eigen[4];
        }
        // ... plus that of the live backends, WAL writer, checkpointer.
        try (Stream<Path> processen = Files.list(Path.of("/proc"))) {
            for (Path proces : (Iterable<Path>) processen::iterator) {
                String naam = proces.getFileName().toString();
                if (!naam.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] velden = stat(proces.resolve("stat"));
                if (velden != null && velden[0] == postmaster) {
                    ticks += velden[1] + velden[2];
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS;
    }

    /** {ppid, utime, stime, cutime, cstime} from {@code /proc/<pid>/stat}, or null. */
    private static long[] stat(Path bestand) {
        try {
            String tekst = Files.readString(bestand);
            // The command name may contain spaces and parentheses: fields start after the last ')'.
            String[] velden = tekst.substring(tekst.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(velden[1]), Long.parseLong(velden[11]), Long.parseLong(velden[12]),
                    Long.parseLong(velden[13]), Long.parseLong(velden[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {busy, total} CPU seconds of all cores together, from the first line of {@code /proc/stat}. */
    private static double[] machine() {
        try {
            List<String> regels = Files.readAllLines(Path.of("/proc/stat"));
            String[] velden = regels.get(0).trim().split("\\s+");
            long totaal = 0;
            for (int i = 1; i < velden.length && i <= 8; i++) {
                totaal += Long.parseLong(velden[i]);
            }
            long idle = Long.parseLong(velden[4]) + Long.parseLong(velden[5]);
            return new double[] {(totaal - idle) / TICKS, totaal / TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static long postmasterPid(Path dataMap) {
        try {
            return Long.parseLong(Files.readAllLines(dataMap.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
