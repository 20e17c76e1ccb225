package nl.klantreis.api.ingestie;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Mono;

/**
 * {@link Ingestie} for the engine's own callers: the batch is handed to the ingestion workers that serve
 * {@code POST /api/v1/events}, so it queues behind (and never runs beside) the HTTP batches; concurrent batches
 * only wait on each other's locks (ADR 0005).
 */
@Component
class Interneingestie implements Ingestie {
    private final Ingestiedienst dienst;
    private final IngestieConfiguratie.Ingestiewerkers werkers;

    Interneingestie(Ingestiedienst dienst, IngestieConfiguratie.Ingestiewerkers werkers) {
        this.dienst = dienst;
        this.werkers = werkers;
    }

    @Override
    public List<Uitkomst> verwerk(List<? extends JsonNode> berichten) {
        List<JsonNode> lijst = new ArrayList<>(berichten);
        List<Uitslag> uitslagen = Mono.fromCallable(() -> dienst.verwerk(lijst)).subscribeOn(werkers.scheduler()).block();
        List<Uitkomst> uitkomsten = new ArrayList<>(uitslagen.size());
        for (Uitslag u : uitslagen) {
            uitkomsten.add(new Uitkomst(u.positie(), u.id(), u.resultaat().code(),
                    u.fouten().stream().map(f -> (f.pointer().isEmpty() ? "/" : f.pointer()) + ": " + zonderCitaten(f.detail())).toList()));
        }
        return uitkomsten;
    }

    /** A detail without the short value it may quote ({@link KeuringTekst#citaat}): a reason kept in the queue names no values. */
    static String zonderCitaten(String detail) {
        return detail.replaceAll(" '[^']*'", "");
    }
}
