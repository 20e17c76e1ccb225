package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.LegKanaalvoorkeurVast;
import nl.klantreis.domein.referentie.Zaaktype;

/**
 * {@code nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd}.
 *
 * @param kanaal          the kanaal code the sent code or alias resolved to
 * @param kanaalOntvangen the kanaal exactly as sent
 * @param onderwerp       nullable zaaktype code: absent means for everything
 */
record KanaalvoorkeurBericht(String source, String id, String type, KlantIdentificatie klant, String kanaal,
                             String kanaalOntvangen, String onderwerp, Instant vastgelegdOp) implements Bericht {
    static final String TYPE = "nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, KanaalvoorkeurBericht.class, Data.class,
            KanaalvoorkeurBericht::lees);

    @Override
    public void sleutels(Klanten klanten, Set<KlantId> klantsleutels, Set<ZaakId> zaaksleutels) {
        klantsleutels.add(klanten.van(klant));
    }

    @Override
    public void aggregaten(Klanten klanten, List<String> ids) {
        ids.add(klanten.van(klant).waarde());
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        KlantId klantId = o.klanten().van(klant);
        return o.stuur(new LegKanaalvoorkeurVast(klantId, klant.soort(), o.voorKlant(klantId, klant.nummer()),
                kanaal, onderwerp, vastgelegdOp));
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "KanaalvoorkeurVastgelegdData", description = "Het kanaal dat de klant verkiest.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "`bsn` of `kvk`.") KlantIdentificatie.Data klant,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een kanaalcode.") String kanaal,
            @Schema(description = "Een zaaktypecode; zonder: voor alles.") String onderwerp,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String vastgelegdOp) {
    }

    private static KanaalvoorkeurBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        KlantIdentificatie klant = v.klant("klant", false);
        String kanaalOntvangen = v.tekst("kanaal", true);
        String kanaal = naslag.kanaalcode(v, "kanaal", kanaalOntvangen);
        Zaaktype onderwerp = naslag.zaaktype(v, "onderwerp", false);
        Instant vastgelegdOp = v.tijdstip("vastgelegdOp", true);
        if (!v.foutloos()) {
            return null;
        }
        return new KanaalvoorkeurBericht(i.source(), i.id(), i.type(), klant, kanaal, kanaalOntvangen,
                onderwerp == null ? null : onderwerp.code(), vastgelegdOp);
    }
}
