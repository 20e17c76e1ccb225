package nl.klantreis.api.klanten;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of {@code POST /api/v1/klanten/{klantId}/vergeten}, for the document only. */
@Schema(name = "KlantVergeten", description = "De klant is vergeten: zijn sleutels zijn vernietigd.")
record KlantVergeten(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "De vergeten klant.") String klantId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Altijd `true`.") boolean vergeten) {
}
