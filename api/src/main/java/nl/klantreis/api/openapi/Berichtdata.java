package nl.klantreis.api.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The {@code data} of each CloudEvent type of EVENTS.md, for the document only: the engine judges
 * the raw JSON itself ({@code BerichtKeuring}), which also holds what a schema cannot say (a
 * statustype of the zaak's zaaktype, a kanaal of the reference list, at most 5 minutes ahead).
 */
final class Berichtdata {
    private static final String UUID = "uuid";
    private static final String TIJD = "date-time";

    private Berichtdata() {
    }

    @Schema(name = "Klantidentificatie", description = "Precies een van `bsn` (9 cijfers, elfproef) of `kvk` (8"
            + " cijfers); bij een klantcontact ook `{\"anoniem\": true}`.", minProperties = 1, maxProperties = 1)
    record Klantidentificatie(
            @Schema(pattern = "^[0-9]{9}$") String bsn,
            @Schema(pattern = "^[0-9]{8}$") String kvk,
            @Schema(description = "Alleen bij een klantcontact: een klant die niet bekend wil of hoeft te zijn.")
            Boolean anoniem) {
    }

    @Schema(name = "KlantcontactGeregistreerdData", description = "Een contact met een klant via een kanaal.")
    record KlantcontactGeregistreerd(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String klantcontactId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String plaatsgevondenOp,
            @Schema(requiredMode = RequiredMode.REQUIRED) Klantidentificatie klant,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een code of alias uit de kanalenlijst.")
            String kanaal,
            @Schema(allowableValues = {"inkomend", "uitgaand"}, defaultValue = "inkomend") String richting,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een zaaktypecode, `status-navraag` of"
                    + " `algemene-vraag`.") String onderwerp,
            @Schema(format = UUID, description = "De zaak waar het contact over gaat.") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"beantwoord", "doorverwezen",
                    "terugbelverzoek", "zaak-gestart", "niet-bereikt"}) String resultaat,
            @Schema(description = "Verplicht bij `doorverwezen`: de kanaalcode waarheen.") String doorverwezenNaar,
            @Schema(format = UUID, description = "Een eerder klantcontact dat dit voortzet (warme overdracht).")
            String wasKlantcontact,
            @Schema(description = "Ondoorzichtige id van de medewerker of bot.") String medewerker,
            @Schema(maxLength = 2000, description = "Vrije tekst; persoonsgegevens.") String inhoud,
            @Schema(minimum = "0") Integer duurSeconden) {
    }

    @Schema(name = "ZaakGeregistreerdData", description = "Een zaak is gestart.")
    record ZaakGeregistreerd(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Het zaaknummer voor mensen.",
                    example = "ZAAK-2026-0000123") String identificatie,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een zaaktypecode.") String zaaktype,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "`bsn` of `kvk`.")
            Klantidentificatie initiator,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Het kanaal waarlangs de zaak werd"
                    + " aangevraagd.") String kanaal,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String geregistreerdOp,
            @Schema(description = "Tekst voor de klant.") String omschrijving,
            @Schema(format = "date", description = "Zonder: afgeleid uit de servicenorm van het zaaktype.")
            String uiterlijkeEinddatum,
            @Schema(allowableValues = {"openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk",
                    "confidentieel", "geheim", "zeer_geheim"}, description = "Zonder: die van het zaaktype.")
            String vertrouwelijkheid) {
    }

    @Schema(name = "StatusGezetData", description = "Een zaak kreeg een status; mag voor de zaak binnenkomen.")
    record StatusGezet(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een statustypecode van het zaaktype.")
            String statustype,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String datumStatusGezet,
            @Schema(description = "Tekst voor de klant, in plaats van de statustekst.") String statustoelichting) {
    }

    @Schema(name = "ZaakOpgeschortData", description = "De servicenormklok van de zaak staat stil.")
    record ZaakOpgeschort(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String opgeschortOp,
            String reden) {
    }

    @Schema(name = "ZaakHervatData", description = "De servicenormklok van de zaak loopt weer.")
    record ZaakHervat(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String hervatOp,
            String reden) {
    }

    @Schema(name = "ZaakVerlengdData", description = "De termijn van de zaak is verlengd, waar het zaaktype dat"
            + " toestaat.")
    record ZaakVerlengd(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String verlengdOp,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "Ten hoogste de"
                    + " `verlengingDagen` van het zaaktype.") int duurDagen,
            String reden) {
    }

    @Schema(name = "ZaakAfgeslotenData", description = "De zaak is afgesloten.")
    record ZaakAfgesloten(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = UUID) String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String afgeslotenOp,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een van de resultaten van het zaaktype.")
            String resultaat,
            @Schema(description = "Tekst voor de klant.") String toelichting) {
    }

    @Schema(name = "KanaalvoorkeurVastgelegdData", description = "Het kanaal dat de klant verkiest.")
    record KanaalvoorkeurVastgelegd(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "`bsn` of `kvk`.") Klantidentificatie klant,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een kanaalcode.") String kanaal,
            @Schema(description = "Een zaaktypecode; zonder: voor alles.") String onderwerp,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = TIJD) String vastgelegdOp) {
    }
}
