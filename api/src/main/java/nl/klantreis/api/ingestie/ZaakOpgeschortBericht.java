package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/** {@code nl.overheid.zaken.zaak-opgeschort}; {@code reden} is nullable. */
public record ZaakOpgeschortBericht(String source, String id, String type, UUID zaakId, Instant opgeschortOp,
                                    String reden) implements Bericht {
}
