package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.SluitZaakAf;

/**
 * {@code nl.overheid.zaken.zaak-afgesloten}; {@code toelichting} is nullable. The initiator's
 * Klant hears of it through {@link ZaakNaarKlant#naAfsluiting}.
 */
record ZaakAfgeslotenBericht(String source, String id, String type, UUID zaakId, Instant afgeslotenOp,
                             String resultaat, String toelichting) implements Zaakbericht {
    static final String TYPE = "nl.overheid.zaken.zaak-afgesloten";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, ZaakAfgeslotenBericht.class, Data.class,
            ZaakAfgeslotenBericht::lees);

    @Override
    public String persoonlijkeTekst() {
        return toelichting;
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        ZaakId zaak = new ZaakId(zaakId);
        return o.zaakNaarKlant().naAfsluiting(zaak, o.stuurNaarZaak(new SluitZaakAf(zaak, afgeslotenOp, resultaat,
                o.voorZaak(zaak, toelichting))));
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "ZaakAfgeslotenData", description = "De zaak is afgesloten.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String afgeslotenOp,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een van de resultaten van het zaaktype.")
            String resultaat,
            @Schema(description = "Tekst voor de klant.") String toelichting) {
    }

    private static ZaakAfgeslotenBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        Instant afgeslotenOp = v.tijdstip("afgeslotenOp", true);
        String resultaat = v.tekst("resultaat", true);
        if (resultaat != null && !naslag.catalogus().resultaatBestaat(resultaat)) {
            v.fout("resultaat", "onbekend resultaat" + KeuringTekst.citaat(resultaat)
                    + ": hoort bij geen enkel zaaktype");
        }
        String toelichting = v.vrijeTekst("toelichting", false);
        if (!v.foutloos()) {
            return null;
        }
        return new ZaakAfgeslotenBericht(i.source(), i.id(), i.type(), zaakId, afgeslotenOp, resultaat,
                toelichting);
    }
}
