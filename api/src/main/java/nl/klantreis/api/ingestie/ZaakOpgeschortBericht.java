package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.SchortZaakOp;

/** {@code nl.overheid.zaken.zaak-opgeschort}; {@code reden} is nullable. */
record ZaakOpgeschortBericht(String source, String id, String type, UUID zaakId, Instant opgeschortOp,
                             String reden) implements Zaakbericht {
    static final String TYPE = "nl.overheid.zaken.zaak-opgeschort";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, ZaakOpgeschortBericht.class, Data.class,
            ZaakOpgeschortBericht::lees);

    @Override
    public String persoonlijkeTekst() {
        return reden;
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        ZaakId zaak = new ZaakId(zaakId);
        return o.stuurNaarZaak(new SchortZaakOp(zaak, opgeschortOp, o.voorZaak(zaak, reden))).afhandeling();
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "ZaakOpgeschortData", description = "De servicenormklok van de zaak staat stil.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String opgeschortOp,
            String reden) {
    }

    private static ZaakOpgeschortBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        Instant opgeschortOp = v.tijdstip("opgeschortOp", true);
        String reden = v.vrijeTekst("reden", false);
        return v.foutloos() ? new ZaakOpgeschortBericht(i.source(), i.id(), i.type(), zaakId, opgeschortOp, reden)
                : null;
    }
}
