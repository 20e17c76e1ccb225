package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.ZetZaakstatus;

/** {@code nl.overheid.zaken.status-gezet}; {@code statustoelichting} is nullable. */
record StatusGezetBericht(String source, String id, String type, UUID zaakId, String statustype,
                          Instant datumStatusGezet, String statustoelichting) implements Zaakbericht {
    static final String TYPE = "nl.overheid.zaken.status-gezet";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, StatusGezetBericht.class, Data.class,
            StatusGezetBericht::lees);

    @Override
    public String persoonlijkeTekst() {
        return statustoelichting;
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        ZaakId zaak = new ZaakId(zaakId);
        return o.stuurNaarZaak(new ZetZaakstatus(zaak, statustype, datumStatusGezet,
                o.voorZaak(zaak, statustoelichting))).afhandeling();
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "StatusGezetData", description = "Een zaak kreeg een status; mag voor de zaak binnenkomen.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een statustypecode van het zaaktype.")
            String statustype,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String datumStatusGezet,
            @Schema(description = "Tekst voor de klant, in plaats van de statustekst.") String statustoelichting) {
    }

    private static StatusGezetBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        String statustype = v.tekst("statustype", true);
        if (statustype != null && !naslag.catalogus().statustypeBestaat(statustype)) {
            v.fout("statustype", "onbekend statustype" + KeuringTekst.citaat(statustype)
                    + ": hoort bij geen enkel zaaktype");
        }
        Instant datumStatusGezet = v.tijdstip("datumStatusGezet", true);
        String statustoelichting = v.vrijeTekst("statustoelichting", false);
        if (!v.foutloos()) {
            return null;
        }
        return new StatusGezetBericht(i.source(), i.id(), i.type(), zaakId, statustype, datumStatusGezet,
                statustoelichting);
    }
}
