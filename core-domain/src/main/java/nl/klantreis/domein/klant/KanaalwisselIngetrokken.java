package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;

/** A correction: a late fact changed the order of steps, and this kanaalwissel no longer holds. */
@Revision("1")
public record KanaalwisselIngetrokken(KlantId klantId, KlantreisId klantreisId, String vanStap, String naarStap,
                                      String van, String naar, Instant op, boolean warm) implements KlantEvent {
}
