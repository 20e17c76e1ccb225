package nl.klantreis.api.ingestie;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link Ingestie} for the engine's own callers (the source workers, on threads of their own that may block):
 * the batch is judged on the caller's thread and then stored by the ingestion workers that serve
 * {@code POST /api/v1/events}, through the same queue ({@link Opslagrij}), so it queues behind (and never runs
 * beside) the HTTP batches, and is stored together with those waiting beside it (ADR 0034); concurrent batches
 * only wait on each other's locks (ADR 0005). The answer comes once the batch is on disk.
 */
@Component
class Interneingestie implements Ingestie {
    private final Ingestiedienst dienst;
    private final Opslagrij opslagrij;

    Interneingestie(Ingestiedienst dienst, Opslagrij opslagrij) {
        this.dienst = dienst;
        this.opslagrij = opslagrij;
    }

    @Override
    public List<Uitkomst> verwerk(List<? extends JsonNode> berichten) {
        List<JsonNode> lijst = new ArrayList<>(berichten);
        Ingestiedienst.Verwerkt verwerkt = opslagrij.bewaarEnWacht(dienst.bereidVoor(lijst));
        Schijfbevestiging.wacht(verwerkt.opSchijf());
        List<Uitslag> uitslagen = verwerkt.uitslagen();
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
