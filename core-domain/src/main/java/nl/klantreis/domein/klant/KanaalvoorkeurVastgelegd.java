package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;

/** The klant's preferred kanaal, for one onderwerp (a zaaktype) or, when null, for everything. */
@Revision("1")
public record KanaalvoorkeurVastgelegd(KlantId klantId, String kanaal, String onderwerp, Instant vastgelegdOp)
        implements KlantEvent {
}
