package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * The zaak of this klantreis was closed, which ends it. (A klantreis without a zaak ends 14
 * days after its last contact: that depends on the peilmoment and is computed where asked.)
 */
@Revision("1")
public record KlantreisBeeindigd(KlantId klantId, KlantreisId klantreisId, ZaakId zaakId, Instant beeindigdOp)
        implements KlantEvent {
}
