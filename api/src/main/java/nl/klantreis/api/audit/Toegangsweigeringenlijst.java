package nl.klantreis.api.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of {@code GET /api/v1/audit/toegangsweigeringen}, for the document only (the controller answers a map). */
@Schema(name = "Toegangsweigeringenlijst", description = "Geweigerde toegang (401, 403, 404-proeven), nieuwste eerst;"
        + " gelijke weigeringen binnen een minuut samengeteld.")
record Toegangsweigeringenlijst(
        @Schema(requiredMode = RequiredMode.REQUIRED) List<Toegangsweigering> toegangsweigeringen,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "De toegepaste limiet.") int limiet,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Of er meer regels waren dan de limiet; de"
                + " volgende bladzijde vraagt u met `voor` = het laatste `volgnummer`.") boolean meer) {
}
