package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Predicate<String> coordinator;
    private final Predicate<String> werker;
    private final Map<String, Long> coordinatorTellingen = new HashMap<>();
    private final Map<String, Long> werkerTellingen = new HashMap<>();
    private final Map<String, Long> overigeFrames = new HashMap<>();
    private final Map<String, Long> driverFrames = new HashMap<>();
    private final Thread bemonsteraar;
    private final int intervalMs;
    private volatile boolean stoppen;

    /**
     * @param coordinator which thread names are coordinators of the rebuild
     * @param werker      which thread names are its workers
     */
    HerbouwStapels(int intervalMs, Predicate<String> coordinator, Predicate<String> werker) {
        this.intervalMs = intervalMs;
        this.coordinator = coordinator;
        this.werker = werker;
        this.bemonsteraar = new Thread(this::bemonster, "herbouwstapels");
        this.bemonsteraar.setDaemon(true);
        this.bemonsteraar.start();
    }

    private void bemonster() {
        while (!stoppen) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 200)) {
                if (info == null) {
                    continue;
                }
                String naam = info.getThreadName();
                if (coordinator.test(naam)) {
                    String emmer = emmer(info);
                    synchronized (this) {
                        coordinatorTellingen.merge(emmer, 1L, Long::sum);
                    }
                } else if (werker.test(naam)) {
                    String emmer = emmer(info);
                    synchronized (this) {
                        werkerTellingen.merge(emmer, 1L, Long::sum);
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
        // An idle thread of the processor's pools waits in the executor, without Axon on its stack.
        boolean bezig = bevat(stapel, "org.axonframework.");
        if (!bezig) {
            return WACHT;
        }
        if (wachtOpPostgres(stapel)) {
            return "PostgreSQL: " + waarop(stapel);
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "wacht (" + info.getThreadState().name().toLowerCase(Locale.ROOT) + "): " + eersteEigenFrame(stapel);
        }
        return "CPU: " + cpuEmmer(stapel);
    }

    /**
     * The first frame below the JDK's socket code is the driver reading the server's answer or
     * sending it a statement (a write to the loopback socket that the kernel holds up counts too).
     */
    private static boolean wachtOpPostgres(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            if (klasse.startsWith("java.") || klasse.startsWith("sun.") || klasse.startsWith("jdk.")) {
                continue;
            }
            // The driver's own buffered streams live in org.postgresql.util too (42.7).
            return klasse.startsWith("org.postgresql.") && stapel[0].getClassName().matches(
                    "^(java\\.net\\.|sun\\.nio\\.ch\\.|java\\.io\\.|jdk\\.internal\\.|sun\\.security\\.).*");
        }
        return false;
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

    private static String kort(StackTraceElement frame) {
        String klasse = frame.getClassName();
        return klasse.substring(klasse.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private static String eersteEigenFrame(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().startsWith("nl.klantreis.") || frame.getClassName().startsWith("org.axonframework.")) {
                return kort(frame);
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
        if (!driver.isEmpty()) {
            System.out.println("  'CPU: JDBC-driver' naar bovenste frame <- aanroeper (top 6, monsters):");
            driver.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> System.out.printf("      %,6d  %s%n", e.getValue(), e.getKey()));
        }
        if (!overig.isEmpty()) {
            System.out.println("  'overig (JDK)' bovenaan de stapel (top 5):");
            overig.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> System.out.printf("      %,6d  %s%n", e.getValue(), e.getKey()));
        }
    }

    private static void druk(String kop, Map<String, Long> tellingen) {
        long bezig = tellingen.entrySet().stream().filter(e -> !e.getKey().equals(WACHT))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("%s: %,d monsters bezig, %,d wachtend%n", kop, bezig, tellingen.getOrDefault(WACHT, 0L));
        tellingen.entrySet().stream().filter(e -> !e.getKey().equals(WACHT))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 200 >= bezig)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / bezig, e.getKey()));
    }
}
