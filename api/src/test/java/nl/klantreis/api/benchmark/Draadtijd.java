package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds of this JVM's threads grouped by what they do in the source benchmark, where the stand-in of Open
 * Zaak, the engine and the walk share one JVM: {@link Cpumeting}'s groups do not know the stand-in's or the source
 * workers' threads. Threads that end between two snapshots are lost to the groups (the JVM total keeps them); the
 * groups named here live through a whole phase.
 */
final class Draadtijd {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    Draadtijd() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** CPU seconds per group so far. */
    Map<String, Double> nu() {
        Map<String, Double> groepen = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                groepen.merge(groep(info.getThreadName()), cpu / 1e9, Double::sum);
            }
        }
        return groepen;
    }

    static Map<String, Double> verschil(Map<String, Double> na, Map<String, Double> voor) {
        Map<String, Double> uit = new LinkedHashMap<>();
        // A thread that ended in between takes its earlier time out of its group: never below zero then (the JDK's
        // HTTP client ends idle workers); the JVM total still has that time.
        na.forEach((groep, s) -> uit.put(groep, Math.max(0, s - voor.getOrDefault(groep, 0.0))));
        return uit;
    }

    static String groep(String naam) {
        if (naam.startsWith("nabootsing")) {
            return "nabootsing (Open Zaak)";
        }
        if (naam.startsWith("bronwerker")) {
            return "engine: bronwerkers";
        }
        if (naam.startsWith("ingestie")) {
            return "engine: ingestiewerkers";
        }
        if (naam.startsWith("reactor-http")) {
            return "engine: netty http";
        }
        if (naam.startsWith("HttpClient") || naam.startsWith("afzender")) {
            return "http-clients";
        }
        if (naam.equals("main")) {
            return "main (wandeling, afzender)";
        }
        return "overig";
    }
}
