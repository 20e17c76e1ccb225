package nl.klantreis.bronnen;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a {@link Synchronisatie} found.
 *
 * @param uitkomst    what happened
 * @param berichten   CloudEvents of the ingestion contract, to be handed to the engine's ingestion as one batch
 *                    (only with {@link Uitkomst#BERICHTEN})
 * @param toelichting for operators: why there are no messages, or what was left out (never personal data)
 */
public record Resultaat(Uitkomst uitkomst, List<ObjectNode> berichten, String toelichting) {

    public Resultaat {
        berichten = List.copyOf(berichten);
        if (uitkomst != Uitkomst.BERICHTEN && !berichten.isEmpty()) {
            throw new IllegalArgumentException("alleen " + Uitkomst.BERICHTEN + " heeft berichten");
        }
    }

    public static Resultaat berichten(List<ObjectNode> berichten, String toelichting) {
        return new Resultaat(Uitkomst.BERICHTEN, berichten, toelichting);
    }

    public static Resultaat zonder(Uitkomst uitkomst, String toelichting) {
        return new Resultaat(uitkomst, List.of(), toelichting);
    }

    /** The outcomes; each is also the melding's end state in the queue (except BERICHTEN, which ingestion decides). */
    public enum Uitkomst {
        /** Messages to ingest (possibly none yet: a zaak without an initiator waits for its rol). */
        BERICHTEN,
        /** The resource is gone at the source (404 or 410): recorded and skipped. */
        WEG,
        /** The zaak's zaaktype is in no mapping: kept, so it can be replayed once the mapping is fixed. */
        ONGEKOPPELD,
        /** Nothing of the engine's concern (an actie or kanaal the engine does not follow). */
        GENEGEERD
    }
}
