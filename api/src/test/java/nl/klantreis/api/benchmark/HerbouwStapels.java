package nl.klantreis.api.benchmark;

import static nl.klantreis.api.benchmark.Stapels.bevat;
import static nl.klantreis.api.benchmark.Stapels.eersteEigenFrame;
import static nl.klantreis.api.benchmark.Stapels.kort;

import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the threads of a rebuild spend their time, without a profiler (the rebuild's counterpart
 * of {@link Stapelbemonstering}): every few milliseconds the stacks of the rebuilding processors'
 * threads are taken and each is put in one bucket. Two kinds of thread: the <b>coordinator</b> of
 * a pooled streaming processor reads the event store and decides per event which segment gets it
 * (which deserialises the payload: the sequencing policy needs it); the <b>werkers</b> apply a
 * batch to the documents and write them. Shares are of samples in which a thread was busy.
 * Safepoint bias makes CPU buckets approximate; waits on the database are exact enough.
 */
final class HerbouwStapels implements AutoCloseable {
    private static final String WACHT = "(wacht op werk)";

    private final Predicate<String> coordinator;
    private final Predicate<String> werker;
    private final Map<String, Long> coordinatorTellingen = new HashMap<>();
    private final Map<String, Long> werkerTellingen = new HashMap<>();
    private final Map<String, Long> overigeFrames = new HashMap<>();
    private final Map<String, Long> driverFrames = new HashMap<>();
    private final Bemonsteraar bemonsteraar;

    /**
     * @param coordinator which thread names are coordinators of the rebuild
     * @param werker      which thread names are its workers
     */
    HerbouwStapels(int intervalMs, Predicate<String> coordinator, Predicate<String> werker) {
        this.coordinator = coordinator;
        this.werker = werker;
        this.bemonsteraar = new Bemonsteraar("herbouwstapels", intervalMs, this::bemonster);
    }

    private void bemonster(ThreadInfo[] infos) {
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            String naam = info.getThreadName();
            Map<String, Long> tellingen = coordinator.test(naam) ? coordinatorTellingen
                    : werker.test(naam) ? werkerTellingen : null;
            if (tellingen != null) {
                String emmer = emmer(info);
                synchronized (this) {
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
        // An idle thread of the processor's pools waits in the executor, without Axon on its stack.
        boolean bezig = bevat(stapel, "org.axonframework.");
        if (!bezig) {
            return WACHT;
        }
        // The driver's own buffered streams live in org.postgresql.util too (42.7), and a write to the
        // loopback socket that the kernel holds up counts as a wait too.
        if (Stapels.wachtOpPostgres(stapel, "org.postgresql.")) {
            return "PostgreSQL: " + waarop(stapel);
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "wacht (" + info.getThreadState().name().toLowerCase(Locale.ROOT) + "): " + eersteEigenFrame(stapel);
        }
        return "CPU: " + cpuEmmer(stapel);
    }

    /**
     * What the driver is waiting for, by the innermost frame that says so: the batch's documents are
     * read and written inside the unit of work's commit (its prepare-commit phase), so "a frame named
     * commit somewhere below" would not tell a COMMIT from the statements before it.
     */
    private static String waarop(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            String methode = frame.getMethodName();
            if (klasse.startsWith("org.postgresql.") && methode.equals("commit")
                    || klasse.endsWith("TransactionManager") && methode.startsWith("commit")) {
                return "COMMIT (WAL schrijven + fsync, of einde leestransactie)";
            }
            if (klasse.endsWith("JdbcTokenStore") || methode.equals("storeToken")) {
                return "token opslaan";
            }
            if (methode.equals("batchUpdate")) {
                return "documenten schrijven (INSERT ... ON CONFLICT)";
            }
            if (klasse.endsWith("Documentprojectie")) {
                return "documenten en dode brieven opvragen (SELECT ... ANY)";
            }
            if (methode.equals("fetchTrackedEvents") || klasse.contains("EventStreamSpliterator")
                    || methode.equals("readEventData")) {
                return "events lezen (event store)";
            }
            if (klasse.endsWith("TransactionManager") && methode.startsWith("start")) {
                return "BEGIN";
            }
        }
        return "overige SQL (" + eersteEigenFrame(stapel) + ")";
    }

    private String cpuEmmer(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            if (klasse.startsWith("com.fasterxml.jackson.")) {
                if (bevat(stapel, "writeValueAsString") && bevat(stapel, "Documentprojectie")) {
                    return "Jackson: documenten schrijven";
                }
                if (bevat(stapel, "Documentprojectie", "lees")) {
                    return "Jackson: documenten lezen";
                }
                if (bevat(stapel, "org.axonframework.serialization.")) {
                    return bevat(stapel, "serialize") && !bevat(stapel, "deserialize")
                            ? "Jackson: tokens serialiseren" : "Jackson: events deserialiseren (payload)";
                }
                return "Jackson: overig";
            }
            if (klasse.startsWith("org.postgresql.")) {
                // Which driver code, and on whose behalf: the top frame and the nearest caller of ours or Axon's.
                synchronized (this) {
                    driverFrames.merge(kort(stapel[0]) + "  <-  " + eersteEigenFrame(stapel), 1L, Long::sum);
                }
                return "JDBC-driver";
            }
            if (klasse.startsWith("com.zaxxer.hikari.")) {
                return "Hikari";
            }
            if (klasse.startsWith("nl.klantreis.projecties.klantreis.") || klasse.startsWith("nl.klantreis.projecties.mijnzaken.")
                    || klasse.startsWith("nl.klantreis.domein.")) {
                return "leesregels (pasToe, sleutel)";
            }
            if (klasse.startsWith("nl.klantreis.projecties.leesmodel.")) {
                return "Documentprojectie (eigen code)";
            }
            if (klasse.startsWith("org.axonframework.")) {
                return "Axon (" + kort(frame) + ")";
            }
        }
        String frame = stapel.length == 0 ? "?" : stapel[0].getClassName() + "." + stapel[0].getMethodName();
        synchronized (this) {
            overigeFrames.merge(frame, 1L, Long::sum);
        }
        return "overig (JDK)";
    }

    void druk(String kop) {
        Map<String, Long> coordinatoren;
        Map<String, Long> werkers;
        Map<String, Long> overig;
        Map<String, Long> driver;
        synchronized (this) {
            coordinatoren = new HashMap<>(coordinatorTellingen);
            werkers = new HashMap<>(werkerTellingen);
            overig = new HashMap<>(overigeFrames);
            driver = new HashMap<>(driverFrames);
        }
        System.out.println(kop);
        druk("  coordinatoren (event store lezen, events verdelen over segmenten)", coordinatoren);
        druk("  werkers (documenten lezen, events toepassen, documenten schrijven, token)", werkers);
        Stapels.drukFrames("  'CPU: JDBC-driver' naar bovenste frame <- aanroeper (top 6, monsters):", driver, 6);
        Stapels.drukFrames("  'overig (JDK)' bovenaan de stapel (top 5):", overig, 5);
    }

    private static void druk(String kop, Map<String, Long> tellingen) {
        long bezig = Stapels.bezig(tellingen, WACHT);
        System.out.printf("%s: %,d monsters bezig, %,d wachtend%n", kop, bezig, tellingen.getOrDefault(WACHT, 0L));
        Stapels.drukAandelen(tellingen, WACHT, bezig, "    ");
    }
}
