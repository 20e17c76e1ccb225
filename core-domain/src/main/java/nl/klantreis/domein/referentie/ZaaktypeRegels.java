package nl.klantreis.domein.referentie;

import java.util.List;

/**
 * The part of a zaaktype that decides what may happen to a zaak, as it was when the zaak was
 * registered (the same way a ZGW zaak points at one version of its zaaktype). Stored in the
 * registration event so that a replay gives the same answers after the catalogue changes.
 *
 * @param verlengingDagen the most days one verlenging may add (EVENTS.md: {@code duurDagen} 1 .. this);
 *                        0 when the term may not be extended
 */
public record ZaaktypeRegels(int servicenormDagen, boolean opschortingMogelijk,
                             int verlengingDagen, List<String> statustypen, List<String> resultaten) {
    public ZaaktypeRegels {
        statustypen = List.copyOf(statustypen);
        resultaten = List.copyOf(resultaten);
    }

    public boolean verlengingMogelijk() {
        return verlengingDagen > 0;
    }
}
