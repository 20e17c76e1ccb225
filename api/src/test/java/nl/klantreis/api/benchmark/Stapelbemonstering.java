package nl.klantreis.api.benchmark;

import static nl.klantreis.api.benchmark.Stapels.bevat;
import static nl.klantreis.api.benchmark.Stapels.eersteEigenFrame;
import static nl.klantreis.api.benchmark.Stapels.kort;

import java.lang.management.ThreadInfo;
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

    private final Map<String, Long> tellingen = new HashMap<>();
    private final Map<String, Long> overigeFrames = new HashMap<>();
    private final Map<String, Long> axonFrames = new HashMap<>();
    private final Bemonsteraar bemonsteraar;

    Stapelbemonstering(int intervalMs) {
        this.bemonsteraar = new Bemonsteraar("stapelbemonstering", intervalMs, this::bemonster);
    }

    private void bemonster(ThreadInfo[] infos) {
        for (ThreadInfo info : infos) {
            if (info != null && info.getThreadName().startsWith("ingestie")) {
                String emmer = emmer(info);
                synchronized (tellingen) {
                    tellingen.merge(emmer, 1L, Long::sum);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        bemonsteraar.close();
    }

    private String emmer(ThreadInfo info) {
        StackTraceElement[] stapel = info.getStackTrace();
        if (!bevat(stapel, "nl.klantreis.api.ingestie.")) {
            return WACHT_OP_WERK;
        }
        if (Stapels.wachtOpPostgres(stapel, "org.postgresql.core.")) {
            return "PostgreSQL: " + waarop(stapel);
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "wacht (" + info.getThreadState().name().toLowerCase(Locale.ROOT) + "): "
                    + eersteEigenFrame(stapel);
        }
        return "CPU: " + cpuEmmer(stapel);
    }

    private static String waarop(StackTraceElement[] stapel) {
        if (bevatMethode(stapel, "commit")) {
            return "commit (WAL schrijven + fsync)";
        }
        if (bevat(stapel, "Ontvangstregister", "legOntvangstVast")) {
            return "ontvangst vastleggen (source,id)";
        }
        if (bevat(stapel, "nl.klantreis.infrastructuur.privacy.")) {
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
            new String[] {"nl.klantreis.infrastructuur.privacy.", "versleuteling / HMAC"},
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

    /** Our nearest frame, the code on whose behalf a library works. */
    private static String eersteEigenFrameOnder(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().startsWith("nl.klantreis.")) {
                return kort(frame);
            }
        }
        return "?";
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
        long bezig = Stapels.bezig(kopie, WACHT_OP_WERK);
        System.out.printf("%s (%,d monsters van werkers met een batch, %,d van wachtende werkers)%n", kop, bezig,
                kopie.getOrDefault(WACHT_OP_WERK, 0L));
        Stapels.drukAandelen(kopie, WACHT_OP_WERK, bezig, "  ");
        if (!axon.isEmpty()) {
            System.out.println("  'CPU: Axon' naar bovenste Axon-frame <- onze aanroeper (top 8):");
            axon.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> System.out.printf(Locale.ROOT, "      %5.1f%%  %s%n", 100.0 * e.getValue() / bezig,
                            e.getKey()));
        }
        Stapels.drukFrames("  'overig' bovenaan de stapel (top 5):", overig, 5);
    }
}
