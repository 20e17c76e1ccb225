package nl.klantreis.api.bronnen;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;

/**
 * The source adapter's metrics ({@code klantreis_bronnen_*}). Labels come from closed lists (kanaal label of
 * {@link Notificatiekeuring}, soort, toestand, kind of failure), never from what a sender wrote. The gauges show
 * the last count of the queue ({@link #toestand}), refreshed by a timer, not by each scrape.
 */
@Component
class Bronmetrieken {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> tellers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> klokken = new ConcurrentHashMap<>();
    private final Map<Toestand, AtomicLong> perToestand = new EnumMap<>(Toestand.class);
    private final AtomicLong oudsteMillis = new AtomicLong();
    private volatile Stand stand;

    /** The queue as last counted. */
    record Stand(Map<Toestand, Long> perToestand, Duration oudsteWachtende) {
    }

    Bronmetrieken(MeterRegistry registry) {
        this.registry = registry;
        for (Toestand t : Toestand.values()) {
            AtomicLong waarde = new AtomicLong();
            perToestand.put(t, waarde);
            Gauge.builder("klantreis.bronnen.meldingen", waarde, AtomicLong::get)
                    .description("Meldingen in the source queue per toestand (counted every ~10 s)")
                    .tag("toestand", t.code()).register(registry);
        }
        Gauge.builder("klantreis.bronnen.oudste.wachtende", oudsteMillis, m -> m.get() / 1000.0)
                .description("How long the oldest waiting melding has waited").baseUnit("seconds").register(registry);
    }

    /** A notification received: {@code ontvangen}, {@code dubbel}, {@code samengevoegd}, {@code genegeerd}, {@code afgewezen}, {@code onbevoegd}. */
    void notificatie(String kanaal, String uitkomst) {
        teller("klantreis.bronnen.notificaties", "Notifications received on POST /api/v1/notificaties, by outcome",
                "kanaal", kanaal, "uitkomst", uitkomst).increment();
    }

    /** A melding ended (its toestand) or, for {@code opnieuw}, put back to wait after a failed try. */
    void afgehandeld(Melding.Soort soort, String uitkomst) {
        teller("klantreis.bronnen.afgehandeld", "Meldingen handled by the workers, by outcome",
                "soort", soort.code(), "uitkomst", uitkomst).increment();
    }

    /** A try that failed: {@code bron-tijdelijk}, {@code bron-blijvend}, {@code database}, {@code ingestie}. */
    void mislukt(Melding.Soort soort, String fout) {
        teller("klantreis.bronnen.mislukt", "Tries of a melding that failed, by kind",
                "soort", soort.code(), "fout", fout).increment();
    }

    void synchronisatie(Melding.Soort soort, long nanos) {
        klokken.computeIfAbsent(soort.code(), s -> Timer.builder("klantreis.bronnen.synchronisatie")
                .description("Reading one melding's source state and ingesting what it amounts to")
                .tag("soort", s).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void toestand(Map<Toestand, Long> telling, Duration oudste) {
        telling.forEach((t, n) -> perToestand.get(t).set(n));
        oudsteMillis.set(oudste.toMillis());
        stand = new Stand(Map.copyOf(telling), oudste);
    }

    /** The last count, or null before the first. */
    Stand stand() {
        return stand;
    }

    private Counter teller(String naam, String beschrijving, String sleutel1, String waarde1, String sleutel2, String waarde2) {
        return tellers.computeIfAbsent(naam + '|' + waarde1 + '|' + waarde2, k -> Counter.builder(naam)
                .description(beschrijving).tag(sleutel1, waarde1).tag(sleutel2, waarde2).register(registry));
    }
}
