package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code nl.overheid.zaken.zaak-verlengd}; {@code reden} is nullable. {@code duurDagen} is
 * within what some zaaktype allows; the zaak's own limit is the domain's to check.
 */
public record ZaakVerlengdBericht(String source, String id, String type, UUID zaakId, Instant verlengdOp,
                                  int duurDagen, String reden) implements Bericht {
}
