package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.HervatZaak;

/** {@code nl.overheid.zaken.zaak-hervat}; {@code reden} is nullable. */
record ZaakHervatBericht(String source, String id, String type, UUID zaakId, Instant hervatOp,
                         String reden) implements Zaakbericht {
    static final String TYPE = "nl.overheid.zaken.zaak-hervat";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, ZaakHervatBericht.class, Data.class,
            ZaakHervatBericht::lees);

    @Override
    public String persoonlijkeTekst() {
        return reden;
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        ZaakId zaak = new ZaakId(zaakId);
        return o.stuurNaarZaak(new HervatZaak(zaak, hervatOp, o.voorZaak(zaak, reden))).afhandeling();
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "ZaakHervatData", description = "De servicenormklok van de zaak loopt weer.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String hervatOp,
            String reden) {
    }

    private static ZaakHervatBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        Instant hervatOp = v.tijdstip("hervatOp", true);
        String reden = v.vrijeTekst("reden", false);
        return v.foutloos() ? new ZaakHervatBericht(i.source(), i.id(), i.type(), zaakId, hervatOp, reden) : null;
    }
}
