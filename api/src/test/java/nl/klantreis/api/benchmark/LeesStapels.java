package nl.klantreis.api.benchmark;

import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the engine's threads do while burgers read, without a profiler: every few milliseconds the
 * stacks of the HTTP event loops ({@code webflux-http-*}), the read workers ({@code lezer-*}) and
 * audit's threads are taken, and each thread is counted in one bucket: waiting for work, waiting
 * for PostgreSQL or a pooled connection, or on a CPU in a library (the innermost frame of a known
 * library: Jackson, the JDBC driver, JWT checking, Netty, ...). The result is the mean number of
 * threads per bucket. Safepoint bias makes the CPU buckets approximate.
 */
final class LeesStapels implements AutoCloseable {
    private static final List<String[]> BIBLIOTHEKEN = List.of(
            new String[] {"com.nimbusds.", "CPU: JWT controleren (Nimbus)"},
            new String[] {"org.springframework.security.", "CPU: Spring Security"},
            new String[] {"javax.crypto.", "CPU: crypto"},
            new String[] {"com.sun.crypto.", "CPU: crypto"},
            new String[] {"sun.security.", "CPU: crypto"},
            new String[] {"com.fasterxml.jackson.", "CPU: Jackson"},
            new String[] {"org.postgresql.", "CPU: JDBC-driver"},
            new String[] {"com.zaxxer.hikari.", "CPU: Hikari"},
            new String[] {"nl.klantreis.", "CPU: klantreis"},
            new String[] {"org.axonframework.", "CPU: Axon"},
            new String[] {"io.micrometer.", "CPU: Micrometer"},
            new String[] {"reactor.netty.", "CPU: Netty / Reactor Netty"},
            new String[] {"io.netty.", "CPU: Netty / Reactor Netty"},
            new String[] {"org.springframework.", "CPU: Spring (WebFlux, ...)"},
            new String[] {"reactor.", "CPU: Reactor"});

    private final Map<String, Map<String, Long>> tellingen = new HashMap<>();
    private final Bemonsteraar bemonsteraar;
    private long monsters;

    LeesStapels(int intervalMs) {
        this.bemonsteraar = new Bemonsteraar("lees-stapelbemonstering", intervalMs, this::bemonster);
    }

    private void bemonster(ThreadInfo[] infos) {
        synchronized (tellingen) {
            monsters++;
            for (ThreadInfo info : infos) {
                if (info == null) {
                    continue;
                }
                String groep = groep(info.getThreadName());
                if (groep != null) {
                    tellingen.computeIfAbsent(groep, g -> new HashMap<>()).merge(emmer(info), 1L, Long::sum);
                }
            }
        }
    }

    private static String groep(String naam) {
        if (naam.startsWith("webflux-http") || naam.startsWith("reactor-http")) {
            return "netty-http (webflux-http-*)";
        }
        if (naam.startsWith("lezer")) {
            return "lezers (lezer-*)";
        }
        if (naam.startsWith("auditschrijver")) {
            return "auditschrijver";
        }
        if (naam.startsWith("parallel-")) {
            return "parallel-* (audit voltooit verzoeken)";
        }
        return null;
    }

    private static String emmer(ThreadInfo info) {
        StackTraceElement[] stapel = info.getStackTrace();
        if (stapel.length == 0) {
            return "(geen stapel)";
        }
        String top = stapel[0].getClassName() + "." + stapel[0].getMethodName();
        boolean pg = bevat(stapel, "org.postgresql.", null);
        if (pg && (top.contains("socketRead") || top.contains("SocketDispatcher.read") || top.contains("NioSocketImpl")
                || top.contains("Net.poll") || top.contains("park") || top.startsWith("sun.nio.ch."))) {
            return "wacht op PostgreSQL: " + (bevat(stapel, "PgConnection", "commit") ? "COMMIT"
                    : bevat(stapel, "PgConnection", "setAutoCommit") ? "BEGIN/autocommit" : "query");
        }
        if (bevat(stapel, "com.zaxxer.hikari.pool.HikariPool", "getConnection")
                && info.getThreadState() != Thread.State.RUNNABLE) {
            return "wacht op een verbinding uit de pool (Hikari)";
        }
        if (top.contains("epollWait") || top.contains("EPoll") && top.contains("wait")
                || top.startsWith("sun.nio.ch.EPoll") || top.contains("KQueue")) {
            return "wacht op werk (event loop leeg)";
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            if (bevat(stapel, "ScheduledThreadPoolExecutor$DelayedWorkQueue", "take")
                    || bevat(stapel, "java.util.concurrent.LinkedBlockingQueue", "take")
                    || bevat(stapel, "java.util.concurrent.ThreadPoolExecutor", "getTask")) {
                return "wacht op werk";
            }
            return "wacht (" + info.getThreadState().name().toLowerCase(Locale.ROOT) + "): " + eigenFrame(stapel);
        }
        if (pg) {
            return "CPU: JDBC-driver";
        }
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            for (String[] bibliotheek : BIBLIOTHEKEN) {
                if (klasse.startsWith(bibliotheek[0])) {
                    return bibliotheek[1];
                }
            }
        }
        return "CPU: JDK (" + top + ")";
    }

    private static String eigenFrame(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String k = frame.getClassName();
            if (!k.startsWith("java.") && !k.startsWith("jdk.") && !k.startsWith("sun.")) {
                return k.substring(k.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        return stapel[0].getClassName() + "." + stapel[0].getMethodName();
    }

    /** Whether a frame's class contains {@code klasse} and (when given) its method is {@code methode}. */
    private static boolean bevat(StackTraceElement[] stapel, String klasse, String methode) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().contains(klasse) && (methode == null || frame.getMethodName().equals(methode))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        bemonsteraar.close();
    }

    /** Per thread group, the mean number of threads in each bucket. */
    void druk(String kop) {
        synchronized (tellingen) {
            System.out.printf(Locale.ROOT, "%s (%,d monsters; gemiddeld aantal draden per emmer)%n", kop, monsters);
            for (Map.Entry<String, Map<String, Long>> groep : tellingen.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                long totaal = groep.getValue().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(Locale.ROOT, "  %s: %.1f draden%n", groep.getKey(), totaal / (double) monsters);
                groep.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(10).forEach(e -> System.out.printf(Locale.ROOT, "    %5.2f  %s%n",
                                e.getValue() / (double) monsters, e.getKey()));
            }
        }
    }
}
