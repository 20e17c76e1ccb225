package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.ZaaktypeRegels;

/**
 * A zaak was registered. The rules of its zaaktype are stored with it, as they were then.
 *
 * @param initiatorNummer             the initiator's BSN/KVK, encrypted with the zaak's key
 * @param omschrijving                the text shown to the klant, encrypted; may be null
 * @param opgegevenUiterlijkeEinddatum the date the zaaksysteem sent, or null
 */
@Revision("1")
public record ZaakGeregistreerd(ZaakId zaakId, String identificatie, String zaaktype, ZaaktypeRegels regels,
                                String vertrouwelijkheid, KlantId initiator, Identificatiesoort initiatorSoort,
                                Versleuteld initiatorNummer, String kanaal, String kanaalOntvangen,
                                Instant geregistreerdOp, Versleuteld omschrijving,
                                LocalDate opgegevenUiterlijkeEinddatum) implements ZaakEvent {
}
