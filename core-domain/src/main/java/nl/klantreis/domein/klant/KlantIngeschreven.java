package nl.klantreis.domein.klant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;

/**
 * The engine first heard of this klant (again, after he was forgotten).
 *
 * @param nummer his BSN or KVK number, encrypted with his key; null for an anonymous klant
 */
@Revision("1")
public record KlantIngeschreven(KlantId klantId, Identificatiesoort soort, Versleuteld nummer) implements KlantEvent {
}
