package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code nl.overheid.klantinteracties.klantcontact-geregistreerd}.
 *
 * @param kanaal           the kanaal code the sent code or alias resolved to
 * @param kanaalOntvangen  the kanaal exactly as sent
 * @param richting         {@code inkomend} (when not sent) or {@code uitgaand}
 * @param zaakId           nullable
 * @param doorverwezenNaar nullable kanaal code
 * @param wasKlantcontact  nullable: the klantcontact this one continues
 * @param medewerker       nullable
 * @param inhoud           nullable; personal data
 * @param duurSeconden     nullable
 */
public record KlantcontactBericht(String source, String id, String type, UUID klantcontactId,
                                  Instant plaatsgevondenOp, KlantIdentificatie klant, String kanaal,
                                  String kanaalOntvangen, String richting, String onderwerp, UUID zaakId,
                                  String resultaat, String doorverwezenNaar, UUID wasKlantcontact,
                                  String medewerker, String inhoud, Integer duurSeconden) implements Bericht {
}
