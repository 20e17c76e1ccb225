package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;

/**
 * The sampling thread of the benchmarks' stack samplers ({@link Stapelbemonstering},
 * {@link HerbouwStapels}, {@link LeesStapels}): every few milliseconds it takes the stacks of all
 * threads and hands them to the sampler, which counts them in its buckets. A daemon, so that a
 * benchmark that ends without closing it does not hang.
 */
final class Bemonsteraar implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread draad;
    private final int intervalMs;
    private final Consumer<ThreadInfo[]> monster;
    private volatile boolean stoppen;

    /** Starts at once: make it last in the sampler's constructor, once its counters exist. */
    Bemonsteraar(String naam, int intervalMs, Consumer<ThreadInfo[]> monster) {
        this.intervalMs = intervalMs;
        this.monster = monster;
        this.draad = new Thread(this::bemonster, naam);
        this.draad.setDaemon(true);
        this.draad.start();
    }

    private void bemonster() {
        while (!stoppen) {
            monster.accept(THREADS.getThreadInfo(THREADS.getAllThreadIds(), 200));
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
        draad.join();
    }
}
