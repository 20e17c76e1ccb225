package nl.klantreis.api.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A processing record as the auditor sees it (API.md {@code Verwerking}), with the actor from
 * the user-audit record of the same trace and span. Beyond the contract: {@code volgnummer} (to
 * find a record named by the integrity check), {@code rol} and {@code organisatieonderdeel}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verwerking(String traceId, String spanId, OffsetDateTime tijdstip, String activiteit, String doel,
                         String grondslag, String betrokkene, String actor, String resultaat, long volgnummer,
                         String rol, String organisatieonderdeel) {
}
