package nl.klantreis.api.klanten;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/klanten/zoeken}, for the document only (the controller reads a JsonNode). */
@Schema(name = "KlantZoekvraag", description = "Precies een van `bsn` of `kvk`.", minProperties = 1, maxProperties = 1)
record KlantZoekvraag(
        @Schema(description = "Burgerservicenummer: 9 cijfers die de elfproef halen.", pattern = "^[0-9]{9}$") String bsn,
        @Schema(description = "KVK-nummer: 8 cijfers.", pattern = "^[0-9]{8}$") String kvk) {
}
