package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import nl.klantreis.domein.gedeeld.Tijd;

/**
 * §4 of the contract: the date by which a decision is due ("beslissing uiterlijk").
 *
 * @param basis            the date sent with the zaak, or registration date + servicenormDagen
 * @param verlengingDagen  the sum of all verlengingen
 * @param opschortingDagen days from the date of each opschorting to the date of its hervatting
 *                         (an opschorting still running counts up to the peildatum, if one is given)
 * @param opgeschortSinds  when a still running opschorting began, else null
 */
public record UiterlijkeEinddatum(LocalDate datum, LocalDate basis, int verlengingDagen, int opschortingDagen,
                                  Instant opgeschortSinds) {

    public static LocalDate basis(Instant geregistreerdOp, LocalDate opgegeven, int servicenormDagen) {
        return opgegeven != null ? opgegeven : Tijd.datum(geregistreerdOp).plusDays(servicenormDagen);
    }

    /**
     * @param peildatum the date up to which a running opschorting counts; null to count it as 0
     *                  (the date then moves day by day until the zaak is resumed)
     */
    public static UiterlijkeEinddatum bereken(LocalDate basis, Collection<Integer> verlengingen,
                                              Collection<Opschorting> opschortingen, LocalDate peildatum) {
        int verlenging = verlengingen.stream().mapToInt(Integer::intValue).sum();
        int opschorting = 0;
        Instant lopendSinds = null;
        for (Opschorting periode : opschortingen) {
            LocalDate van = Tijd.datum(periode.van());
            if (periode.tot() != null) {
                opschorting += (int) ChronoUnit.DAYS.between(van, Tijd.datum(periode.tot()));
            } else {
                lopendSinds = periode.van();
                if (peildatum != null && peildatum.isAfter(van)) {
                    opschorting += (int) ChronoUnit.DAYS.between(van, peildatum);
                }
            }
        }
        return new UiterlijkeEinddatum(basis.plusDays(verlenging).plusDays(opschorting), basis, verlenging,
                opschorting, lopendSinds);
    }
}
