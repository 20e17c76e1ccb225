package nl.klantreis.domein.referentie;

import java.util.List;

/**
 * The part of a zaaktype that decides what may happen to a zaak, as it was when the zaak was
 * registered (the same way a ZGW zaak points at one version of its zaaktype). Stored in the
 * registration event so that a replay gives the same answers after the catalogue changes.
 *
 * @param verlengingDagen the total number of days the term may be extended; 0 when it may not
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
