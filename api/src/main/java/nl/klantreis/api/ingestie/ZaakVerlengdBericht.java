package nl.klantreis.api.ingestie;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.zaak.VerlengZaak;

/**
 * {@code nl.overheid.zaken.zaak-verlengd}; {@code reden} is nullable. {@code duurDagen} is
 * within what some zaaktype allows; the zaak's own limit is the domain's to check.
 */
record ZaakVerlengdBericht(String source, String id, String type, UUID zaakId, Instant verlengdOp,
                           int duurDagen, String reden) implements Zaakbericht {
    static final String TYPE = "nl.overheid.zaken.zaak-verlengd";
    static final Berichtsoort SOORT = Berichtsoort.van(TYPE, ZaakVerlengdBericht.class, Data.class,
            ZaakVerlengdBericht::lees);

    @Override
    public String persoonlijkeTekst() {
        return reden;
    }

    @Override
    public Afhandeling voerUit(Omzetting o) {
        ZaakId zaak = new ZaakId(zaakId);
        return o.stuurNaarZaak(new VerlengZaak(zaak, verlengdOp, duurDagen, o.voorZaak(zaak, reden))).afhandeling();
    }

    /** The {@code data} as EVENTS.md describes it, for the OpenAPI description; {@link #lees} checks the rest. */
    @Schema(name = "ZaakVerlengdData", description = "De termijn van de zaak is verlengd, waar het zaaktype dat"
            + " toestaat.")
    record Data(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String zaakId,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String verlengdOp,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "Ten hoogste de"
                    + " `verlengingDagen` van het zaaktype.") int duurDagen,
            String reden) {
    }

    private static ZaakVerlengdBericht lees(Identiteit i, KeuringVelden v, Naslag naslag) {
        UUID zaakId = v.uuid("zaakId", true);
        Instant verlengdOp = v.tijdstip("verlengdOp", true);
        int grootste = naslag.catalogus().grootsteVerlengingDagen();
        Integer duurDagen;
        if (grootste < 1) {
            duurDagen = null;
            if (v.waarde("duurDagen", true) != null) {
                v.fout("duurDagen", "geen enkel zaaktype staat verlenging toe");
            }
        } else {
            duurDagen = v.geheelGetal("duurDagen", true, 1, grootste);
        }
        String reden = v.vrijeTekst("reden", false);
        if (!v.foutloos()) {
            return null;
        }
        return new ZaakVerlengdBericht(i.source(), i.id(), i.type(), zaakId, verlengdOp, duurDagen, reden);
    }
}
