package nl.klantreis.api.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The shape of every error answer, for the document only (the answers are Spring's ProblemDetail). */
@Schema(name = "Probleem", description = "Een fout als RFC 9457 problem details (`application/problem+json`):"
        + " een vast `type` om op te sturen, een korte Nederlandse `title` en `detail`, nooit een stacktrace of"
        + " persoonsnummer.")
record Probleem(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
                description = "Vaste URN van het soort probleem, bijvoorbeeld"
                        + " `urn:klantreis:probleem:ongeldige-parameters`.",
                example = "urn:klantreis:probleem:ongeldige-parameters") String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Korte titel van het soort probleem.",
                example = "Ongeldige parameters") String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "De HTTP-status van dit antwoord.",
                minimum = "400", maximum = "599", example = "400") int status,
        @Schema(description = "Wat er met dit verzoek mis is.") String detail,
        @Schema(format = "uri-reference", description = "Het pad van het verzoek.") String instance,
        @Schema(description = "Bij 400: elke ongeldige parameter (`parameter`) of elk ongeldig veld van een"
                + " bericht (`pointer`), allemaal tegelijk.") List<Probleemfout> errors,
        @Schema(description = "Bij 415: de vormen van de body die wel worden aangenomen.",
                example = "[\"application/cloudevents+json\"]") List<String> aangenomen) {

    @Schema(name = "Probleemfout", description = "Een overtreden regel: van een parameter of van een veld van een"
            + " bericht.")
    record Probleemfout(
            @Schema(description = "De parameter (of het veld van de body) waar het om gaat.", example = "alsOp")
            String parameter,
            @Schema(description = "RFC 6901 JSON Pointer naar het veld van het bericht; leeg voor het bericht als"
                    + " geheel.", example = "/data/klant/bsn") String pointer,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Korte Nederlandse uitleg; nooit een BSN of"
                    + " KVK-nummer.") String detail) {
    }
}
