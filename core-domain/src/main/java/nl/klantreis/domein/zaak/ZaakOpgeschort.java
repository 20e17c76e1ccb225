package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/** The servicenorm clock stopped (the municipality waits for the klant). */
@Revision("1")
public record ZaakOpgeschort(ZaakId zaakId, Instant opgeschortOp, Versleuteld reden) implements ZaakEvent {
}
