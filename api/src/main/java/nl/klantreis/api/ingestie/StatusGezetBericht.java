package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/** {@code nl.overheid.zaken.status-gezet}; {@code statustoelichting} is nullable. */
public record StatusGezetBericht(String source, String id, String type, UUID zaakId, String statustype,
                                 Instant datumStatusGezet, String statustoelichting) implements Bericht {
}
