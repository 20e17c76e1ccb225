package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/** {@code nl.overheid.zaken.zaak-hervat}; {@code reden} is nullable. */
public record ZaakHervatBericht(String source, String id, String type, UUID zaakId, Instant hervatOp,
                                String reden) implements Bericht {
}
