package nl.klantreis.domein.klant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * Part of forgetting a klant, applied just before {@link KlantVergeten} for every zaak he
 * initiated or named in a contact: the zaak itself stays (it keeps counting in the zaak KPIs), but
 * nothing may lead from him to it any more. A Klant event that names a zaak, so the read model of
 * that zaak hears of it, in order with his other events, and a rebuild does the same again.
 */
@Revision("1")
public record ZaakKoppelingVergeten(KlantId klantId, ZaakId zaakId) implements KlantEvent {
}
