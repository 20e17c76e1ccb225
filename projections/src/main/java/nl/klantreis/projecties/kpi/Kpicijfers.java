package nl.klantreis.projecties.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of a KPI, for the whole selection or for one part of an uitsplitsing: the API's
 * {@code Kpi} without its heading. Which fields are set depends on the KPI (see
 * {@link Kpiberekening}); the others are null and left out of the JSON.
 *
 * <p>A ratio or mean over nothing has {@code waarde} (or {@code waardeCent}) null, not 0, but
 * keeps {@code teller} and {@code noemer} (then 0), so that an analyst can see why.
 *
 * @param waarde      ratio or mean, {@value #SCHAAL} digits after the point, half up
 * @param teller      what was counted above the line (for kosten: the total in cents)
 * @param noemer      what was counted below the line
 * @param aantal      a count
 * @param cellen      kanaalwissel-matrix, by van then naar
 * @param p50Uren     doorlooptijd, nearest rank, whole hours rounded down
 * @param p90Uren     doorlooptijd, nearest rank, whole hours rounded down
 * @param waardeCent  kosten-per-klantreis: the mean in euro cents, halves away from zero
 * @param klantreizen kosten-per-klantreis: the ended klantreizen it is the mean of
 * @param contactenZonderKosten kosten-per-klantreis: contacts in a kanaal without a known cost (counted as 0)
 * @param uitsplitsing the same figures per kanaal or zaaktype, by key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Kpicijfers(BigDecimal waarde, Long teller, Long noemer, Long aantal, List<Kanaalwisselcel> cellen,
                         Long p50Uren, Long p90Uren, Long waardeCent, Long klantreizen, Long contactenZonderKosten,
                         List<Kpideel> uitsplitsing) {
    /** Digits after the point of every ratio and mean; the contract asks at least 4. */
    public static final int SCHAAL = 6;

    public Kpicijfers {
        cellen = cellen == null ? null : List.copyOf(cellen);
        uitsplitsing = uitsplitsing == null ? null : List.copyOf(uitsplitsing);
    }

    static Kpicijfers vanAantal(long aantal) {
        return new Kpicijfers(null, null, null, aantal, null, null, null, null, null, null, null);
    }

    static Kpicijfers verhouding(long teller, long noemer) {
        BigDecimal waarde = noemer == 0 ? null
                : BigDecimal.valueOf(teller).divide(BigDecimal.valueOf(noemer), SCHAAL, RoundingMode.HALF_UP);
        return new Kpicijfers(waarde, teller, noemer, null, null, null, null, null, null, null, null);
    }

    static Kpicijfers matrix(List<Kanaalwisselcel> cellen, long aantal) {
        return new Kpicijfers(null, null, null, aantal, cellen, null, null, null, null, null, null);
    }

    static Kpicijfers doorlooptijd(Long p50Uren, Long p90Uren, long aantal) {
        return new Kpicijfers(null, null, null, aantal, null, p50Uren, p90Uren, null, null, null, null);
    }

    static Kpicijfers kosten(long totaalCent, long klantreizen, long contactenZonderKosten) {
        // HALF_UP on the exact quotient: halves away from zero, as the contract asks for money.
        Long waardeCent = klantreizen == 0 ? null
                : BigDecimal.valueOf(totaalCent).divide(BigDecimal.valueOf(klantreizen), 0, RoundingMode.HALF_UP)
                        .longValueExact();
        return new Kpicijfers(null, totaalCent, klantreizen, null, null, null, null, waardeCent, klantreizen,
                contactenZonderKosten, null);
    }

    Kpicijfers metUitsplitsing(List<Kpideel> delen) {
        return new Kpicijfers(waarde, teller, noemer, aantal, cellen, p50Uren, p90Uren, waardeCent, klantreizen,
                contactenZonderKosten, delen);
    }

    /** The same figures without the percentiles: a total over several zaaktypen where those mean nothing. */
    Kpicijfers zonderPercentielen() {
        return new Kpicijfers(waarde, teller, noemer, aantal, cellen, null, null, waardeCent, klantreizen,
                contactenZonderKosten, uitsplitsing);
    }
}
