package nl.klantreis.domein.klant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;

/**
 * A klantcontact belongs to a klantreis. When {@code vorigeKlantreisId} is set this is a
 * correction: a late fact moved the contact (e.g. an orientation call into the klantreis of the
 * zaak registered after it).
 */
@Revision("1")
public record KlantcontactIngedeeld(KlantId klantId, KlantcontactId klantcontactId, KlantreisId klantreisId,
                                    KlantreisId vorigeKlantreisId) implements KlantEvent {
}
