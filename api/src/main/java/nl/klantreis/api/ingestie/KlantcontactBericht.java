package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.RegistreerKlantcontact;
import nl.klantreis.domein.referentie.Kanaal;

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
record KlantcontactBericht(String source, String id, String type, UUID klantcontactId,
                           Instant plaatsgevondenOp, KlantIdentificatie klant, String kanaal,
                           String kanaalOntvangen, String richting, String onderwerp, UUID zaakId,
                           String resultaat, String doorverwezenNaar, UUID wasKlantcontact,
                           String medewerker, String inhoud, Integer duurSeconden) implements Bericht {
    static final String TYPE = "nl.overheid.klantinteracties.klantcontact-geregistreerd";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, KlantcontactBericht.class, Data.class,
            KlantcontactBericht::lees);

    static final String INKOMEND = "inkomend";
    static final String UITGAAND = "uitgaand";
    static final String DOORVERWEZEN = "doorverwezen";
    static final Set<String> RESULTATEN = Set.of("beantwoord", DOORVERWEZEN, "terugbelverzoek", "zaak-gestart",
            "niet-bereikt");
    static final Set<String> ONDERWERPEN_ZONDER_ZAAKTYPE = Set.of("status-navraag", "algemene-vraag");

    /** An anonymous klant needs a key only for the inhoud: it has no number to encrypt. */
    @Override
    public void sleutels(Klanten klanten, Set<KlantId> klantsleutels, Set<ZaakId> zaaksleutels) {
        if (klant.soort() != Identificatiesoort.ANONIEM || inhoud != null) {
            klantsleutels.add(klanten.van(klant, klantcontactId));
        }
    }

    @Override
    public void aggregaten(Klanten klanten, List<String> ids) {
        ids.add(klanten.van(klant, klantcontactId).waarde());
    }

    @Override
    public Klantcontactclaim klantcontactclaim(Klanten klanten) {
        return new Klantcontactclaim(klantcontactId, klanten.van(klant, klantcontactId).waarde());
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        KlantId klantId = o.klanten().van(klant, klantcontactId);
        return o.stuur(new RegistreerKlantcontact(klantId, klant.soort(), o.voorKlant(klantId, klant.nummer()),
                new KlantcontactId(klantcontactId), plaatsgevondenOp, kanaal, kanaalOntvangen, richting, onderwerp,
                zaakId == null ? null : new ZaakId(zaakId), resultaat, doorverwezenNaar,
                wasKlantcontact == null ? null : new KlantcontactId(wasKlantcontact), medewerker,
                o.voorKlant(klantId, inhoud), duurSeconden));
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "KlantcontactGeregistreerdData", description = "Een contact met een klant via een kanaal.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String klantcontactId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String plaatsgevondenOp,
            @Schema(requiredMode = RequiredMode.REQUIRED) KlantIdentificatie.Data klant,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een code of alias uit de kanalenlijst.")
            String kanaal,
            @Schema(allowableValues = {"inkomend", "uitgaand"}, defaultValue = "inkomend") String richting,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een zaaktypecode, `status-navraag` of"
                    + " `algemene-vraag`.") String onderwerp,
            @Schema(format = "uuid", description = "De zaak waar het contact over gaat.") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"beantwoord", "doorverwezen",
                    "terugbelverzoek", "zaak-gestart", "niet-bereikt"}) String resultaat,
            @Schema(description = "Verplicht bij `doorverwezen`: de kanaalcode waarheen.") String doorverwezenNaar,
            @Schema(format = "uuid", description = "Een eerder klantcontact dat dit voortzet (warme overdracht).")
            String wasKlantcontact,
            @Schema(description = "Ondoorzichtige id van de medewerker of bot.") String medewerker,
            @Schema(maxLength = 2000, description = "Vrije tekst; persoonsgegevens.") String inhoud,
            @Schema(minimum = "0") Integer duurSeconden) {
    }

    private static KlantcontactBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID klantcontactId = v.uuid("klantcontactId", true);
        Instant plaatsgevondenOp = v.tijdstip("plaatsgevondenOp", true);
        KlantIdentificatie klant = v.klant("klant", true);
        String kanaalOntvangen = v.tekst("kanaal", true);
        String kanaal = naslag.kanaalcode(v, "kanaal", kanaalOntvangen);
        String richting = v.tekst("richting", false);
        if (richting == null) {
            richting = INKOMEND;
        } else if (!INKOMEND.equals(richting) && !UITGAAND.equals(richting)) {
            v.fout("richting", "moet inkomend of uitgaand zijn");
        }
        String onderwerp = v.tekst("onderwerp", true);
        if (onderwerp != null && !ONDERWERPEN_ZONDER_ZAAKTYPE.contains(onderwerp)
                && naslag.catalogus().zaaktype(onderwerp).isEmpty()) {
            v.fout("onderwerp", "onbekend onderwerp" + KeuringTekst.citaat(onderwerp)
                    + ": verwacht een zaaktype, status-navraag of algemene-vraag");
        }
        UUID zaakId = v.uuid("zaakId", false);
        String resultaat = v.tekst("resultaat", true);
        if (resultaat != null && !RESULTATEN.contains(resultaat)) {
            v.fout("resultaat", "onbekend resultaat" + KeuringTekst.citaat(resultaat)
                    + ": verwacht beantwoord, doorverwezen, terugbelverzoek, zaak-gestart of niet-bereikt");
        }
        String doorverwezenNaar = leesDoorverwezenNaar(v, naslag, DOORVERWEZEN.equals(resultaat));
        UUID wasKlantcontact = v.uuid("wasKlantcontact", false);
        String medewerker = v.tekst("medewerker", false, BerichtKeuring.LANGSTE_ATTRIBUUT);
        String inhoud = v.vrijeTekst("inhoud", false);
        Integer duurSeconden = v.geheelGetal("duurSeconden", false, 0, KeuringVelden.ONBEPERKT);
        if (!v.foutloos()) {
            return null;
        }
        return new KlantcontactBericht(i.source(), i.id(), i.type(), klantcontactId, plaatsgevondenOp, klant,
                kanaal, kanaalOntvangen, richting, onderwerp, zaakId, resultaat, doorverwezenNaar,
                wasKlantcontact, medewerker, inhoud, duurSeconden);
    }

    /** Required when the klant was sent on; when given at all it must be a kanaal code, not an alias. */
    private static String leesDoorverwezenNaar(KeuringVelden v, Naslag naslag, boolean verplicht) {
        JsonNode waarde = v.waarde("doorverwezenNaar", false);
        if (waarde == null) {
            if (verplicht) {
                v.fout("doorverwezenNaar", "verplicht bij resultaat doorverwezen");
            }
            return null;
        }
        String code = v.tekst("doorverwezenNaar", true);
        if (code == null || naslag.kanalen().metCode(code).isPresent()) {
            return code;
        }
        Optional<Kanaal> viaAlias = naslag.kanalen().herken(code);
        v.fout("doorverwezenNaar", viaAlias
                .map(kanaal -> "geen kanaalcode" + KeuringTekst.citaat(code) + "; bedoeld is '" + kanaal.code() + "'")
                .orElseGet(() -> "onbekend kanaal" + KeuringTekst.citaat(code)));
        return null;
    }
}
