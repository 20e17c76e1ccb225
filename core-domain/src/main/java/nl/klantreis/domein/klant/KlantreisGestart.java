package nl.klantreis.domein.klant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Klantreissoort;

/**
 * A new klantreis exists. Its thema is the zaak ({@code zaakId}) or else the {@code onderwerp};
 * when it started follows from its steps.
 */
@Revision("1")
public record KlantreisGestart(KlantId klantId, KlantreisId klantreisId, Klantreissoort soort, ZaakId zaakId,
                               String onderwerp) implements KlantEvent {
}
