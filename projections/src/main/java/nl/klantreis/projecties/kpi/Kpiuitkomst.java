package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a {@link Kpivraag}, shaped as the API's {@code Kpi}: the question's heading, then the
 * figures at the same level ({@code waarde}, {@code teller}, {@code noemer}, {@code aantal}, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Kpiuitkomst(String kpi, LocalDate van, LocalDate tot, Instant peilmoment,
                          @JsonUnwrapped Kpicijfers cijfers) {
}
