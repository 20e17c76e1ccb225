package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/** The term of the zaak was extended by {@code duurDagen}. */
@Revision("1")
public record ZaakVerlengd(ZaakId zaakId, Instant verlengdOp, int duurDagen, Versleuteld reden) implements ZaakEvent {
}
