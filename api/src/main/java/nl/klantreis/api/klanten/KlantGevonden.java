package nl.klantreis.api.klanten;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of {@code POST /api/v1/klanten/zoeken}, for the document only (the controller answers a map). */
@Schema(name = "KlantGevonden", description = "De gevonden klant.")
record KlantGevonden(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[a-z]{1,8}-[0-9a-z-]{8,64}$",
                description = "Het pseudoniem van de klant; daarmee adresseert een URL hem.") String klantId) {
}
