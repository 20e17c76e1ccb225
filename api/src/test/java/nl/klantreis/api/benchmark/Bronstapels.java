package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the stand-in's threads and the engine's source workers are, sampled every {@link #ELKE} ms during a drain
 * ({@code --stapels}): per group the innermost frame of our own code, and whether the thread ran, waited for a lock
 * (the stand-in's world is one monitor) or waited otherwise (a socket, the database). Costs some CPU itself, so the
 * rounds it samples are slower than those without.
 */
final class Bronstapels implements AutoCloseable {
    private static final long ELKE = 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Map<String, Long>> tellingen = new ConcurrentHashMap<>();
    private final Thread bemonsteraar;
    private volatile boolean actief = true;

    Bronstapels() {
        bemonsteraar = new Thread(this::lus, "bronstapels");
        bemonsteraar.setDaemon(true);
        bemonsteraar.start();
    }

    private void lus() {
        while (actief) {
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                String groep = Draadtijd.groep(info.getThreadName());
                if (!groep.startsWith("nabootsing") && !groep.equals("engine: bronwerkers")) {
                    continue;
                }
                String toestand = switch (info.getThreadState()) {
                    case RUNNABLE -> "loopt";
                    case BLOCKED -> "wacht op slot";
                    default -> "wacht";
                };
                StackTraceElement[] stapel = info.getStackTrace();
                String waar = toestand.equals("wacht") && !Stapels.bevat(stapel, "nl.klantreis.")
                        ? "(leeg)" : Stapels.eersteEigenFrame(stapel);
                if (toestand.equals("loopt") && stapel.length > 0 && isSocket(stapel[0])) {
                    toestand = "socket";
                }
                tellingen.computeIfAbsent(groep, g -> new ConcurrentHashMap<>())
                        .merge(toestand + ": " + waar, 1L, Long::sum);
            }
            try {
                Thread.sleep(ELKE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isSocket(StackTraceElement frame) {
        return frame.getClassName().startsWith("sun.nio.ch.") || frame.getClassName().startsWith("java.net.");
    }

    void druk(String kop) {
        System.out.println(kop);
        new TreeMap<>(tellingen).forEach((groep, telling) -> {
            long totaal = telling.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "  %s (%d monsters over alle draden van de groep):%n", groep, totaal);
            telling.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() * 100 >= totaal).limit(12)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / totaal,
                            e.getKey()));
        });
    }

    @Override
    public void close() {
        actief = false;
        bemonsteraar.interrupt();
        try {
            bemonsteraar.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
