package nl.klantreis.api.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of {@code GET /api/v1/audit/verwerkingen}, for the document only (the controller answers a map). */
@Schema(name = "Verwerkingenlijst", description = "Verwerkingen, nieuwste eerst.")
record Verwerkingenlijst(
        @Schema(requiredMode = RequiredMode.REQUIRED) List<Verwerking> verwerkingen,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "De toegepaste limiet.") int limiet,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Of er meer verwerkingen waren dan de limiet.")
        boolean meer) {
}
