package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/** The servicenorm clock runs again. */
@Revision("1")
public record ZaakHervat(ZaakId zaakId, Instant hervatOp, Versleuteld reden) implements ZaakEvent {
}
