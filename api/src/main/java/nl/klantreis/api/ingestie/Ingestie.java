package nl.klantreis.api.ingestie;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ingestion for callers inside the engine that are not HTTP requests (the source adapter's workers,
 * {@code nl.klantreis.api.bronnen}): exactly the path of {@code POST /api/v1/events} with a batch, on the same
 * ingestion workers, so validation, deduplication, order rules, encryption and metrics are the same. Blocking;
 * never call it on an event loop.
 */
public interface Ingestie {

    /** Judges and stores the messages as one batch; per position what became of each. */
    List<Uitkomst> verwerk(List<? extends JsonNode> berichten);

    /**
     * @param positie   the message's position in the batch
     * @param id        its CloudEvents id (null when it had none)
     * @param resultaat {@code accepted}, {@code duplicate} or {@code rejected}
     * @param fouten    why it was rejected: JSON Pointer and detail, never a value of the message
     */
    record Uitkomst(int positie, String id, String resultaat, List<String> fouten) {
        public Uitkomst {
            fouten = List.copyOf(fouten);
        }

        public boolean afgewezen() {
            return Uitslag.Resultaat.REJECTED.code().equals(resultaat);
        }
    }
}
