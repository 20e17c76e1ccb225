package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;

import nl.klantreis.domein.gedeeld.Tijd;

/** The period [van, tot) by Europe/Amsterdam dates, and the peilmoment after which nothing counts. */
record Peil(LocalDate van, LocalDate tot, Instant moment) {

    static Peil van(Kpivraag vraag) {
        return new Peil(vraag.van(), vraag.tot(), vraag.peilmoment());
    }

    /** Happened by the peilmoment; a fact at the peilmoment itself has happened. */
    boolean gebeurd(Instant op) {
        return !op.isAfter(moment);
    }

    boolean inPeriode(Instant op) {
        LocalDate datum = Tijd.datum(op);
        return !datum.isBefore(van) && datum.isBefore(tot);
    }

    LocalDate peildatum() {
        return Tijd.datum(moment);
    }
}
