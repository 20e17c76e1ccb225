package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * A status was set. May be recorded before the zaak is registered: it then waits, and is
 * either applied or declared unusable ({@link ZaakfeitOnbruikbaar}) once the zaak is known.
 */
@Revision("1")
public record ZaakstatusGezet(ZaakId zaakId, String statustype, Instant datumStatusGezet,
                              Versleuteld statustoelichting) implements ZaakEvent {
}
