package nl.klantreis.api.ingestie;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Messages accepted, duplicate and rejected, per type and kanaal. Labels come from closed
 * lists (the contract's types, the reference kanalen), never from what a sender made up.
 */
@Component
class Ingestiemetrieken {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> tellers = new ConcurrentHashMap<>();

    private final Counter herhalingen;
    private final DistributionSummary samen;

    Ingestiemetrieken(MeterRegistry registry) {
        this.registry = registry;
        this.herhalingen = Counter.builder("klantreis.ingestie.herhalingen")
                .description("Batches retried after a concurrent write to the same aggregate, and key transactions"
                        + " retried after PostgreSQL aborted them to break a deadlock").register(registry);
        this.samen = DistributionSummary.builder("klantreis.ingestie.verzoeken.per.transactie")
                .description("Requests stored together in one transaction by an ingestion worker (ADR 0034)")
                .register(registry);
    }

    /** How many waiting requests a worker stored together in one transaction. */
    void samen(int verzoeken) {
        samen.record(verzoeken);
    }

    /** A batch (or its key transaction) done again because another transaction got in its way first. */
    void herhaling() {
        herhalingen.increment();
    }

    void tel(Beoordeling beoordeling, Uitslag.Resultaat resultaat) {
        String type = Berichttypen.bekend(beoordeling.type())
                ? beoordeling.type().substring(beoordeling.type().lastIndexOf('.') + 1) : "onbekend";
        String kanaal = kanaal(beoordeling.bericht());
        String uitslag = resultaat.name().toLowerCase(Locale.ROOT);
        tellers.computeIfAbsent(uitslag + '|' + type + '|' + kanaal, k -> Counter.builder("klantreis.berichten")
                .description("CloudEvents received on POST /api/v1/events, by outcome")
                .tag("uitslag", uitslag).tag("type", type).tag("kanaal", kanaal)
                .register(registry)).increment();
    }

    private static String kanaal(Bericht bericht) {
        return bericht == null ? "onbekend" : bericht.kanaal();
    }
}
