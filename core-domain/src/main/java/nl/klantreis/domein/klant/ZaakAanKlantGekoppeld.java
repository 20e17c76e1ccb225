package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;

/** A zaak with this klant as initiator was registered: a step of the zaak's klantreis. */
@Revision("1")
public record ZaakAanKlantGekoppeld(KlantId klantId, ZaakId zaakId, String zaaktype, String kanaal,
                                    Instant geregistreerdOp, KlantreisId klantreisId) implements KlantEvent {
}
