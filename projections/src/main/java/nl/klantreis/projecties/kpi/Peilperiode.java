package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.projecties.tijd.Peiling;

/**
 * The period [van, tot) by Europe/Amsterdam dates, on top of the {@link Peiling} after which
 * nothing counts. A KPI always counts what had happened, so its peiling is on the gebeurd axis.
 */
record Peilperiode(LocalDate van, LocalDate tot, Peiling peiling) {

    Peilperiode(LocalDate van, LocalDate tot, Instant moment) {
        this(van, tot, Peiling.alsGebeurd(moment));
    }

    static Peilperiode van(Kpivraag vraag) {
        return new Peilperiode(vraag.van(), vraag.tot(), vraag.peilmoment());
    }

    Instant moment() {
        return peiling.moment();
    }

    /** Happened by the peilmoment; a fact at the peilmoment itself has happened. */
    boolean gebeurd(Instant op) {
        return peiling.gebeurd(op);
    }

    boolean inPeriode(Instant op) {
        LocalDate datum = Tijd.datum(op);
        return !datum.isBefore(van) && datum.isBefore(tot);
    }

    LocalDate peildatum() {
        return peiling.peildatum();
    }
}
