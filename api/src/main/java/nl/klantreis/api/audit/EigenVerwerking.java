package nl.klantreis.api.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A processing of the burger's own data as he sees it: not who exactly, but whether it was he
 * himself, an employee (with his department when known) or the engine on its own.
 *
 * @param door {@code uzelf}, {@code medewerker} or {@code systeem}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EigenVerwerking(OffsetDateTime tijdstip, String activiteit, String doel, String door,
                              String organisatieonderdeel) {
}
