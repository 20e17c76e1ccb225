package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the ingestion workers spend their time, without a profiler: every few milliseconds the
 * stacks of the {@code ingestie} threads are taken and each is put in one bucket (waiting on
 * PostgreSQL for a commit, for reading an aggregate's events, ...; or working: Jackson, crypto,
 * klantreis rules, Axon, ...). The share of samples per bucket is the share of worker time.
 * Safepoint bias makes CPU buckets approximate; waits on the database are exact enough.
 */
final class Stapelbemonstering implements AutoCloseable {
    private static final String WACHT_OP_WERK = "(wacht op werk)";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> tellingen = new HashMap<>();
    private final Map<String, Long> overigeFrames = new HashMap<>();
    private final Map<String, Long> axonFrames = new HashMap<>();
    private final Thread bemonsteraar;
    private final int intervalMs;
    private volatile boolean stoppen;

    Stapelbemonstering(int intervalMs) {
        this.intervalMs = intervalMs;
        this.bemonsteraar = new Thread(this::bemonster, "stapelbemonstering");
        this.bemonsteraar.setDaemon(true);
        this.bemonsteraar.start();
    }

    private void bemonster() {
        while (!stoppen) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 200)) {
                if (info != null && info.getThreadName().startsWith("ingestie")) {
                    String emmer = emmer(info);
                    synchronized (tellingen) {
                        tellingen.merge(emmer, 1L, Long::sum);
                    }
                }
            }
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stoppen = true;
        bemonsteraar.join();
    }

    private String emmer(ThreadInfo info) {
        StackTraceElement[] stapel = info.getStackTrace();
        if (!bevat(stapel, "nl.klantreis.api.ingestie.")) {
            return WACHT_OP_WERK;
        }
        if (wachtOpPostgres(stapel)) {
            return "PostgreSQL: " + waarop(stapel);
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "wacht (" + info.getThreadState().name().toLowerCase(Locale.ROOT) + "): "
                    + eersteEigenFrame(stapel);
        }
        return "CPU: " + cpuEmmer(stapel);
    }

    /** The first frame below the JDK's socket code is the driver reading the server's answer. */
    private static boolean wachtOpPostgres(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            if (klasse.startsWith("java.") || klasse.startsWith("sun.") || klasse.startsWith("jdk.")) {
                continue;
            }
            return klasse.startsWith("org.postgresql.core.") && stapel[0].getClassName().matches(
                    "^(java\\.net\\.|sun\\.nio\\.ch\\.|java\\.io\\.|jdk\\.internal\\.|sun\\.security\\.).*");
        }
        return false;
    }

    private static String waarop(StackTraceElement[] stapel) {
        if (bevatMethode(stapel, "commit")) {
            return "commit (WAL schrijven + fsync)";
        }
        if (bevat(stapel, "Ontvangstregister", "legOntvangstVast")) {
            return "ontvangst vastleggen (source,id)";
        }
        if (bevat(stapel, "nl.klantreis.projecties.privacy.")) {
            return "sleutels / pseudoniemen";
        }
        if (bevat(stapel, "appendEvents") || bevat(stapel, "executeBatch")) {
            return "events schrijven";
        }
        if (bevat(stapel, "VoorladendeEventopslag") || bevat(stapel, "readEvents")
                || bevat(stapel, "fetchDomainEvents") || bevat(stapel, "readSnapshot")) {
            return "aggregaat laden (events lezen)";
        }
        return "overige SQL (" + eersteEigenFrame(stapel) + ")";
    }

    private static final List<String[]> CPU_EMMERS = List.of(
            new String[] {"javax.crypto.", "versleuteling / HMAC"},
            new String[] {"com.sun.crypto.", "versleuteling / HMAC"},
            new String[] {"nl.klantreis.projecties.privacy.", "versleuteling / HMAC"},
            new String[] {"nl.klantreis.domein.klantreis.", "klantreisregels (herindeling)"},
            new String[] {"nl.klantreis.domein.", "domein (aggregaten)"},
            new String[] {"io.cloudevents.", "keuring (CloudEvents SDK)"},
            new String[] {"nl.klantreis.api.ingestie.BerichtKeuring", "keuring (contract)"},
            new String[] {"nl.klantreis.api.ingestie.KeuringVelden", "keuring (contract)"},
            new String[] {"org.postgresql.", "JDBC-driver"},
            new String[] {"com.zaxxer.hikari.", "Hikari"});

    private String cpuEmmer(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            if (klasse.startsWith("com.fasterxml.jackson.")) {
                if (bevat(stapel, "org.axonframework.serialization.") || bevat(stapel, "Eventserialisatie")) {
                    return bevat(stapel, "deserialize") || bevat(stapel, "readValue")
                            ? "Jackson: events deserialiseren (aggregaat laden)" : "Jackson: events serialiseren";
                }
                return bevat(stapel, "io.cloudevents.") || bevat(stapel, "BerichtKeuring")
                        ? "keuring (CloudEvents SDK)" : "Jackson: overig";
            }
            for (String[] emmer : CPU_EMMERS) {
                if (klasse.startsWith(emmer[0])) {
                    return emmer[1];
                }
            }
            if (klasse.startsWith("org.axonframework.")) {
                // Which Axon code, and on behalf of which of ours: the top Axon frame and our nearest caller.
                String sleutel = kort(frame) + "  <-  " + eersteEigenFrameOnder(stapel);
                synchronized (tellingen) {
                    axonFrames.merge(sleutel, 1L, Long::sum);
                }
                return "Axon";
            }
        }
        String frame = stapel.length == 0 ? "?" : stapel[0].getClassName() + "." + stapel[0].getMethodName();
        synchronized (tellingen) {
            overigeFrames.merge(frame, 1L, Long::sum);
        }
        return "overig";
    }

    private static String kort(StackTraceElement frame) {
        String klasse = frame.getClassName();
        return klasse.substring(klasse.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private static String eersteEigenFrameOnder(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().startsWith("nl.klantreis.")) {
                return kort(frame);
            }
        }
        return "?";
    }

    private static String eersteEigenFrame(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().startsWith("nl.klantreis.") || frame.getClassName().startsWith("org.axonframework.")) {
                String klasse = frame.getClassName();
                return klasse.substring(klasse.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        return stapel.length == 0 ? "?" : stapel[0].getClassName();
    }

    private static boolean bevat(StackTraceElement[] stapel, String deel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().contains(deel) || frame.getMethodName().equals(deel)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bevat(StackTraceElement[] stapel, String klasse, String methode) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().endsWith(klasse) && frame.getMethodName().equals(methode)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bevatMethode(StackTraceElement[] stapel, String methode) {
        for (StackTraceElement frame : stapel) {
            if (frame.getMethodName().equals(methode)) {
                return true;
            }
        }
        return false;
    }

    /** The buckets, largest first, as shares of the samples in which a worker had a batch in hand. */
    void druk(String kop) {
        Map<String, Long> kopie;
        Map<String, Long> overig;
        Map<String, Long> axon;
        synchronized (tellingen) {
            kopie = new HashMap<>(tellingen);
            overig = new HashMap<>(overigeFrames);
            axon = new HashMap<>(axonFrames);
        }
        long bezig = kopie.entrySet().stream().filter(e -> !e.getKey().equals(WACHT_OP_WERK))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("%s (%,d monsters van werkers met een batch, %,d van wachtende werkers)%n", kop, bezig,
                kopie.getOrDefault(WACHT_OP_WERK, 0L));
        kopie.entrySet().stream().filter(e -> !e.getKey().equals(WACHT_OP_WERK))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 200 >= bezig)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / bezig, e.getKey()));
        if (!axon.isEmpty()) {
            System.out.println("  'CPU: Axon' naar bovenste Axon-frame <- onze aanroeper (top 8):");
            axon.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> System.out.printf(Locale.ROOT, "      %5.1f%%  %s%n", 100.0 * e.getValue() / bezig,
                            e.getKey()));
        }
        if (!overig.isEmpty()) {
            System.out.println("  'overig' bovenaan de stapel (top 5):");
            overig.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> System.out.printf("      %,6d  %s%n", e.getValue(), e.getKey()));
        }
    }
}
