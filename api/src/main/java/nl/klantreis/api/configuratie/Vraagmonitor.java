package nl.klantreis.api.configuratie;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The query bus's meters as Axon's Micrometer monitors make them ({@code <prefix>.allTimer},
 * {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer} with the same percentiles and
 * expiry, {@code .ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter}, {@code .ignoredCounter} and the gauge {@code .capacity}), at a fraction
 * of their cost per query (ADR 0033).
 *
 * <p>Axon's monitors build and register (look up) four timers, five counters and the gauge anew for
 * every message, logging a double registration of the gauge each time at debug level, and its
 * capacity monitor keeps the duration of every query of the last ten minutes in a skip list (at
 * 1,000 reads/s, 600,000 entries and their boxed longs, inserted one by one and trimmed as they
 * age). Here the meters are registered once, and the capacity is the same quotient (processing time
 * of the queries that ended in the window, divided by the window) summed from one slot per second.
 */
final class Vraagmonitor implements MessageMonitor<Message<?>> {
    static final Duration VENSTER = Duration.ofMinutes(10);
    private static final long SLOT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int SLOTS = (int) (VENSTER.toNanos() / SLOT_NANOS);

    private final Clock klok;
    private final Timer alle;
    private final Timer gelukt;
    private final Timer mislukt;
    private final Timer genegeerd;
    private final Counter binnen;
    private final Counter geluktTeller;
    private final Counter misluktTeller;
    private final Counter verwerktTeller;
    private final Counter genegeerdTeller;
    /** Per second of the window: the nanoseconds spent, and which second (since the clock's origin) they belong to. */
    private final AtomicLongArray besteed = new AtomicLongArray(SLOTS);
    private final AtomicLongArray seconde = new AtomicLongArray(SLOTS);

    Vraagmonitor(String voorvoegsel, MeterRegistry register, Clock klok) {
        this.klok = klok;
        this.alle = timer(voorvoegsel, "allTimer", register);
        this.gelukt = timer(voorvoegsel, "successTimer", register);
        this.mislukt = timer(voorvoegsel, "failureTimer", register);
        this.genegeerd = timer(voorvoegsel, "ignoredTimer", register);
        this.binnen = Counter.builder(voorvoegsel + ".ingestedCounter").register(register);
        this.geluktTeller = Counter.builder(voorvoegsel + ".successCounter").register(register);
        this.misluktTeller = Counter.builder(voorvoegsel + ".failureCounter").register(register);
        this.verwerktTeller = Counter.builder(voorvoegsel + ".processedCounter").register(register);
        this.genegeerdTeller = Counter.builder(voorvoegsel + ".ignoredCounter").register(register);
        Gauge.builder(voorvoegsel + ".capacity", this, Vraagmonitor::capaciteit).register(register);
        for (int i = 0; i < SLOTS; i++) {
            seconde.set(i, Long.MIN_VALUE);
        }
    }

    /** As Axon's {@code MessageTimerMonitor} builds each of its timers. */
    private static Timer timer(String voorvoegsel, String naam, MeterRegistry register) {
        return Timer.builder(voorvoegsel + "." + naam)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .register(register);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> bericht) {
        binnen.increment();
        long begin = klok.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                afgelopen(begin, gelukt, geluktTeller, true);
            }

            @Override
            public void reportFailure(Throwable oorzaak) {
                afgelopen(begin, mislukt, misluktTeller, true);
            }

            @Override
            public void reportIgnored() {
                // Axon's capacity monitor counts an ignored message's time as well; it is not "processed".
                afgelopen(begin, genegeerd, genegeerdTeller, false);
            }
        };
    }

    private void afgelopen(long begin, Timer timer, Counter teller, boolean verwerkt) {
        long duur = klok.monotonicTime() - begin;
        alle.record(duur, TimeUnit.NANOSECONDS);
        timer.record(duur, TimeUnit.NANOSECONDS);
        teller.increment();
        if (verwerkt) {
            verwerktTeller.increment();
        }
        besteed(duur);
    }

    /** Adds a finished query's processing time to the slot of this second, clearing it first if it still holds an older one. */
    private void besteed(long duur) {
        long nu = Math.floorDiv(klok.monotonicTime(), SLOT_NANOS);
        int slot = (int) Math.floorMod(nu, (long) SLOTS);
        long oud = seconde.get(slot);
        // The first query of a new second claims the slot; a query that loses the race adds to
        // the slot it just saw claimed. A few nanoseconds of a query racing the claim may land in
        // the slot's old second: a gauge over ten minutes does not see it.
        if (oud != nu && seconde.compareAndSet(slot, oud, nu)) {
            besteed.set(slot, duur);
        } else {
            besteed.addAndGet(slot, duur);
        }
    }

    /** Processing time of the queries that ended in the last ten minutes, as a fraction of those ten minutes. */
    double capaciteit() {
        long nu = Math.floorDiv(klok.monotonicTime(), SLOT_NANOS);
        long som = 0;
        for (int i = 0; i < SLOTS; i++) {
            long s = seconde.get(i);
            if (s > nu - SLOTS && s <= nu) {
                som += besteed.get(i);
            }
        }
        return (double) som / VENSTER.toNanos();
    }
}
