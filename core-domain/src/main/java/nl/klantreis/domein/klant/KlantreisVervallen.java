package nl.klantreis.domein.klant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;

/** A correction: all steps of this klantreis now belong to others, so it no longer exists. */
@Revision("1")
public record KlantreisVervallen(KlantId klantId, KlantreisId klantreisId) implements KlantEvent {
}
