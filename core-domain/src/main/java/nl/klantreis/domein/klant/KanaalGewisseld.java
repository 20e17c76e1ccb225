package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;

/**
 * Two consecutive steps of a klantreis in different kanalen. {@code vanStap} and {@code naarStap}
 * name the steps ("klantcontact:&lt;id&gt;" or "zaak:&lt;id&gt;"); warm when the story travelled along.
 */
@Revision("1")
public record KanaalGewisseld(KlantId klantId, KlantreisId klantreisId, String vanStap, String naarStap,
                              String van, String naar, Instant op, boolean warm) implements KlantEvent {
}
