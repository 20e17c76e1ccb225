package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One question for {@link Kpiberekening}: which KPI, over which period, as of when, broken down how.
 * Checked here, so that a wrong query fails with a message naming the parameter (the API turns an
 * {@link IllegalArgumentException} into a 400) and the calculation never sees one.
 *
 * @param kpi        one of {@link #KPIS}
 * @param van        first date of the period (Europe/Amsterdam), inclusive
 * @param tot        end of the period, exclusive
 * @param peilmoment the moment as of which the KPI is computed; the caller supplies "now" as the default,
 *                   so that the calculation itself never reads a clock
 * @param per        null, {@link #PER_KANAAL} or {@link #PER_ZAAKTYPE}; which are allowed per KPI is
 *                   listed in {@link Kpiberekening}
 */
public record Kpivraag(String kpi, LocalDate van, LocalDate tot, Instant peilmoment, String per) {
    public static final String PER_KANAAL = "kanaal";
    public static final String PER_ZAAKTYPE = "zaaktype";

    /** The codes of every KPI, in the order of the contract's table. */
    public static final List<String> KPIS = Arrays.stream(Kpisoort.values()).map(Kpisoort::code).toList();

    public Kpivraag {
        Kpisoort soort = Kpisoort.metCode(kpi).orElseThrow(() -> new IllegalArgumentException(
                "parameter 'kpi': onbekende kpi '" + kpi + "'; bekend zijn " + String.join(", ", KPIS)));
        if (van == null) {
            throw new IllegalArgumentException("parameter 'van': ontbreekt");
        }
        if (tot == null) {
            throw new IllegalArgumentException("parameter 'tot': ontbreekt");
        }
        if (!van.isBefore(tot)) {
            throw new IllegalArgumentException("parameter 'van' (" + van + ") moet voor 'tot' (" + tot
                    + ") liggen: de periode is [van, tot) en mag niet leeg zijn");
        }
        if (peilmoment == null) {
            throw new IllegalArgumentException("parameter 'peilmoment': ontbreekt");
        }
        if (per != null && !soort.per().contains(per)) {
            throw new IllegalArgumentException("parameter 'per': uitsplitsing '" + per + "' kan niet bij kpi '" + kpi
                    + "'; wel: " + String.join(", ", soort.per()));
        }
    }

    Kpisoort soort() {
        return Kpisoort.metCode(kpi).orElseThrow();
    }
}
