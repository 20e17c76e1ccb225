package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/** {@code nl.overheid.zaken.zaak-afgesloten}; {@code toelichting} is nullable. */
public record ZaakAfgeslotenBericht(String source, String id, String type, UUID zaakId, Instant afgeslotenOp,
                                    String resultaat, String toelichting) implements Bericht {
}
