package nl.klantreis.domein.zaak;

import java.time.Instant;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;

/**
 * What a Zaak command did, and what the initiator's Klant must hear of it.
 *
 * @param initiator    the initiator, once the zaak is registered; else null
 * @param afgeslotenOp when the zaak was closed (and the closure is usable); else null
 */
public record ZaakUitkomst(Afhandeling afhandeling, KlantId initiator, Instant afgeslotenOp) {
}
