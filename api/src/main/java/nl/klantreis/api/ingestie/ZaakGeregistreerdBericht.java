package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code nl.overheid.zaken.zaak-geregistreerd}.
 *
 * @param kanaal              the kanaal code the sent code or alias resolved to
 * @param kanaalOntvangen     the kanaal exactly as sent
 * @param omschrijving        nullable
 * @param uiterlijkeEinddatum nullable: then derived from the zaaktype's servicenorm
 * @param vertrouwelijkheid   the ZGW code as sent, or the zaaktype's when not sent
 */
public record ZaakGeregistreerdBericht(String source, String id, String type, UUID zaakId, String identificatie,
                                      String zaaktype, KlantIdentificatie initiator, String kanaal,
                                      String kanaalOntvangen, Instant geregistreerdOp, String omschrijving,
                                      LocalDate uiterlijkeEinddatum, String vertrouwelijkheid) implements Bericht {
}
