package nl.klantreis.api.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A row of the security log as the auditor sees it: {@code aantal} identical refusals between
 * {@code tijdstip} and {@code laatste} (within one minute); {@code traceId} is that of the first.
 * {@code reden} {@value Toegangslog#OVERLOOP} counts refusals beyond the rows kept per minute,
 * without their details.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Toegangsweigering(long volgnummer, OffsetDateTime tijdstip, OffsetDateTime laatste, long aantal,
                                String soort, int status, String reden, String actor, String rol, String adres,
                                String methode, String pad, String object, String traceId) {
}
