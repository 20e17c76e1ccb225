package nl.klantreis.projecties.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One entry of an {@code uitsplitsing}: the key ({@code kanaal} or {@code zaaktype}, the other null)
 * and the figures of that part, in the same fields as the whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Kpideel(String kanaal, String zaaktype, @JsonUnwrapped Kpicijfers cijfers) {

    static Kpideel van(String per, String sleutel, Kpicijfers cijfers) {
        return Kpivraag.PER_KANAAL.equals(per) ? new Kpideel(sleutel, null, cijfers)
                : new Kpideel(null, sleutel, cijfers);
    }
}
