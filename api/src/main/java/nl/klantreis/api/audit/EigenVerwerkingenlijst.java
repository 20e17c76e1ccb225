package nl.klantreis.api.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of {@code GET /api/v1/mijn-gegevens/verwerkingen}, for the document only. */
@Schema(name = "EigenVerwerkingenlijst", description = "De verwerkingen van uw gegevens, nieuwste eerst.")
record EigenVerwerkingenlijst(
        @Schema(requiredMode = RequiredMode.REQUIRED) List<EigenVerwerking> verwerkingen,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "De toegepaste limiet.") int limiet,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Of er meer verwerkingen waren dan de limiet.")
        boolean meer) {
}
