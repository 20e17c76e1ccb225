package nl.klantreis.api.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The shapes of {@code POST /api/v1/events} (EVENTS.md), for the document only: the controller
 * reads raw bytes (it judges every field itself, so that one bad message never spoils a batch) and
 * answers maps, which tell a generator nothing.
 */
final class Ingestieschemas {
    private Ingestieschemas() {
    }

    /**
     * The attributes every type shares; the values of {@code type} and the {@code data} per type
     * are added by {@link OpenApiBeschrijving}, from the types themselves.
     */
    @Schema(name = "CloudEventEnvelop", description = "De attributen van elk CloudEvent 1.0 in structured JSON mode"
            + " volgens het NL GOV-profiel (EVENTS.md); `data` verschilt per `type`.",
            requiredProperties = "data")
    record CloudEventEnvelop(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "1.0", description = "Altijd `1.0`.")
            String specversion,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 256, description = "Uniek per"
                    + " `source`; (`source`, `id`) is de idempotentiesleutel: hetzelfde paar opnieuw gestuurd is een"
                    + " `duplicate` en verandert niets. Niet leeg of alleen witruimte, geen stuurtekens.", example = "kcc-2026-000123") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri-reference", minLength = 1,
                    maxLength = 256, description = "URN van het verzendende systeem; geen stuurtekens.",
                    example = "urn:nld:oin:00000001234567890000:systeem:kcc-telefonie") String source,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Een van de berichttypen van het contract;"
                    + " elk ander type wordt afgewezen.") String type,
            @Schema(format = "date-time", description = "Wanneer de afzender het vastlegde (RFC 3339).") String time,
            @Schema(allowableValues = "application/json", description = "`application/json` als het gegeven is.")
            String datacontenttype,
            @Schema(maxLength = 1024, description = "Vrij; nooit een BSN. De engine gebruikt het niet.") String subject) {
    }

    @Schema(name = "Berichtuitslag", description = "Het antwoord op een enkel bericht dat is aangenomen: opgeslagen"
            + " (`accepted`) of al bekend (`duplicate`, er is niets opgeslagen). Een afgewezen bericht krijgt 400.")
    record Berichtuitslag(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"accepted", "duplicate"})
            String resultaat,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "De `source` van het bericht.") String source,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "De `id` van het bericht.") String id) {
    }

    @Schema(name = "Batchuitslag", description = "Het antwoord op een batch: per uitslag het aantal, en per positie"
            + " wat er van het bericht werd. Elk bericht wordt op zichzelf beoordeeld; 2xx betekent dat de"
            + " aangenomen berichten duurzaam zijn opgeslagen.")
    record Batchuitslag(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Aantal opgeslagen berichten.")
            long accepted,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Aantal al bekende berichten.")
            long duplicate,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Aantal afgewezen berichten.")
            long rejected,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Per bericht, in de volgorde van de batch.")
            List<Positieuitslag> resultaten) {
    }

    @Schema(name = "Positieuitslag", description = "Wat er werd van het bericht op een positie van de batch.")
    record Positieuitslag(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Positie in de batch, vanaf 0.")
            int positie,
            @Schema(types = {"string", "null"}, description = "De `source` van het bericht; null als die niet te lezen was.")
            String source,
            @Schema(types = {"string", "null"}, description = "De `id` van het bericht; null als die niet te lezen was.")
            String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"accepted", "duplicate", "rejected"})
            String resultaat,
            @Schema(description = "Bij `rejected`: elke overtreden regel.") List<Probleem.Probleemfout> errors) {
    }

    @Schema(name = "Batchafwijzing", description = "Alleen bij een batch waarvan geen enkel bericht is aangenomen:"
            + " de uitslag per positie naast het probleem.")
    record Batchafwijzing(
            @Schema(minimum = "0") long accepted,
            @Schema(minimum = "0") long duplicate,
            @Schema(minimum = "0") long rejected,
            List<Positieuitslag> resultaten) {
    }
}
