package nl.klantreis.projecties.kpi;

import java.util.List;

import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Reisstap;

/**
 * One klantreis as it stood at the peilmoment, with what the KPIs ask of it.
 *
 * @param inPeriode      its first step happened in the period
 * @param beeindigd      ended by the peilmoment
 * @param kanaal         kanaal code of its first step
 * @param zaaktype       zaaktype of its zaak, or its onderwerp when it has no (known) zaak
 * @param klantcontacten its klantcontact steps in step order (without the zaak's registration)
 */
record Reisbeeld(Klantreisindeling reis, boolean inPeriode, boolean beeindigd, String kanaal, String zaaktype,
                 List<Reisstap> klantcontacten) {

    /** The key of this klantreis in an uitsplitsing {@code per}; null when there is none. */
    String sleutel(String per) {
        if (per == null) {
            return null;
        }
        return Kpivraag.PER_KANAAL.equals(per) ? kanaal : zaaktype;
    }
}
