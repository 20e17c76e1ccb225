package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * A contact with the klant through one kanaal, as the channel system reported it. Which
 * klantreis it belongs to is recorded separately ({@link KlantcontactIngedeeld}), because a
 * later fact can change that.
 *
 * @param kanaalOntvangen the kanaal as the channel system named it (an alias or the code)
 * @param inhoud          what was said, encrypted; may be null
 */
@Revision("1")
public record KlantcontactGeregistreerd(KlantId klantId, KlantcontactId klantcontactId, Instant plaatsgevondenOp,
                                        String kanaal, String kanaalOntvangen, String richting, String onderwerp,
                                        ZaakId zaakId, String resultaat, String doorverwezenNaar,
                                        KlantcontactId wasKlantcontact, String medewerker, Versleuteld inhoud,
                                        Integer duurSeconden) implements KlantEvent {
}
