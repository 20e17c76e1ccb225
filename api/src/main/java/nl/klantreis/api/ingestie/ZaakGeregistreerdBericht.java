package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.Vertrouwelijkheid;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.zaak.RegistreerZaak;
import nl.klantreis.domein.zaak.ZaakUitkomst;

/**
 * {@code nl.overheid.zaken.zaak-geregistreerd}: a command to the new Zaak, then the link to its
 * initiator's Klant ({@link ZaakNaarKlant#naRegistratie}).
 *
 * @param kanaal              the kanaal code the sent code or alias resolved to
 * @param kanaalOntvangen     the kanaal exactly as sent
 * @param omschrijving        nullable
 * @param uiterlijkeEinddatum nullable: then derived from the zaaktype's servicenorm
 * @param vertrouwelijkheid   the ZGW code as sent, or the zaaktype's when not sent
 */
record ZaakGeregistreerdBericht(String source, String id, String type, UUID zaakId, String identificatie,
                                String zaaktype, KlantIdentificatie initiator, String kanaal,
                                String kanaalOntvangen, Instant geregistreerdOp, String omschrijving,
                                LocalDate uiterlijkeEinddatum, String vertrouwelijkheid) implements Bericht {
    static final String TYPE = "nl.overheid.zaken.zaak-geregistreerd";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, ZaakGeregistreerdBericht.class, Data.class,
            ZaakGeregistreerdBericht::lees);
    static final int LANGSTE_IDENTIFICATIE = 40;
    private static final String VERTROUWELIJKHEDEN = Arrays.stream(Vertrouwelijkheid.values())
            .map(Vertrouwelijkheid::code).collect(Collectors.joining(", "));

    /** The initiator's number is encrypted twice: with the zaak's key and with the klant's. */
    @Override
    public void sleutels(Klanten klanten, Set<KlantId> klantsleutels, Set<ZaakId> zaaksleutels) {
        klantsleutels.add(klanten.van(initiator));
        zaaksleutels.add(new ZaakId(zaakId));
    }

    @Override
    public void aggregaten(Klanten klanten, List<String> ids) {
        ids.add(zaakId.toString());
        ids.add(klanten.van(initiator).waarde());
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        KlantId klant = o.klanten().van(initiator);
        ZaakId zaak = new ZaakId(zaakId);
        Zaaktype soort = o.zaaktype(zaaktype);
        ZaakUitkomst geregistreerd = o.stuurNaarZaak(new RegistreerZaak(zaak, identificatie, soort.code(),
                soort.regels(), vertrouwelijkheid != null ? vertrouwelijkheid : soort.vertrouwelijkheid().code(),
                klant, initiator.soort(), o.voorZaak(zaak, initiator.nummer()), kanaal, kanaalOntvangen,
                geregistreerdOp, o.voorZaak(zaak, omschrijving), uiterlijkeEinddatum));
        Afhandeling afhandeling = o.zaakNaarKlant().naRegistratie(geregistreerd, klant, initiator.soort(),
                o.voorKlant(klant, initiator.nummer()), zaak, soort.code(), kanaal, geregistreerdOp);
        o.zaakVanKlant(zaak, klant);
        return afhandeling;
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "ZaakGeregistreerdData", description = "Een zaak is gestart.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Het zaaknummer voor mensen.",
                    example = "ZAAK-2026-0000123") String identificatie,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een zaaktypecode.") String zaaktype,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "`bsn` of `kvk`.")
            KlantIdentificatie.Data initiator,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Het kanaal waarlangs de zaak werd"
                    + " aangevraagd.") String kanaal,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String geregistreerdOp,
            @Schema(description = "Tekst voor de klant.") String omschrijving,
            @Schema(format = "date", description = "Zonder: afgeleid uit de servicenorm van het zaaktype.")
            String uiterlijkeEinddatum,
            @Schema(allowableValues = {"openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk",
                    "confidentieel", "geheim", "zeer_geheim"}, description = "Zonder: die van het zaaktype.")
            String vertrouwelijkheid) {
    }

    private static ZaakGeregistreerdBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        String identificatie = v.tekst("identificatie", true, LANGSTE_IDENTIFICATIE);
        Zaaktype zaaktype = naslag.zaaktype(v, "zaaktype", true);
        KlantIdentificatie initiator = v.klant("initiator", false);
        String kanaalOntvangen = v.tekst("kanaal", true);
        String kanaal = naslag.kanaalcode(v, "kanaal", kanaalOntvangen);
        Instant geregistreerdOp = v.tijdstip("geregistreerdOp", true);
        String omschrijving = v.vrijeTekst("omschrijving", false);
        LocalDate uiterlijkeEinddatum = v.datum("uiterlijkeEinddatum", false);
        String vertrouwelijkheid = v.tekst("vertrouwelijkheid", false);
        if (vertrouwelijkheid != null && Vertrouwelijkheid.metCode(vertrouwelijkheid).isEmpty()) {
            v.fout("vertrouwelijkheid", "onbekende vertrouwelijkheid" + KeuringTekst.citaat(vertrouwelijkheid)
                    + ": verwacht een van " + VERTROUWELIJKHEDEN);
        }
        if (!v.foutloos()) {
            return null;
        }
        if (vertrouwelijkheid == null) {
            vertrouwelijkheid = zaaktype.vertrouwelijkheid().code();
        }
        return new ZaakGeregistreerdBericht(i.source(), i.id(), i.type(), zaakId, identificatie,
                zaaktype.code(), initiator, kanaal, kanaalOntvangen, geregistreerdOp, omschrijving,
                uiterlijkeEinddatum, vertrouwelijkheid);
    }
}
