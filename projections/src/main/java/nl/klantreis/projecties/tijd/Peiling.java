package nl.klantreis.projecties.tijd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.Tijd;

/**
 * A peilmoment on a time axis: the one question every read model that travels in time answers
 * (MijnZaken, klantreis, klantbeeld, the KPI's), asked by the API ({@code alsOp}, {@code tijdas})
 * and the tools ({@code --alsop}, {@code --tijdas}) alike, so it has one name and one home.
 */
public record Peiling(Instant moment, Tijdas tijdas) {

    public Peiling {
        Objects.requireNonNull(moment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }

    /** On the {@code gebeurd} axis, the default wherever no axis is asked for. */
    public static Peiling alsGebeurd(Instant moment) {
        return new Peiling(moment, Tijdas.GEBEURD);
    }

    /** A fact without a known bekendOp counts on the bekend axis: it was known before anyone recorded when. */
    public boolean telt(Instant gebeurdOp, Instant bekendOp) {
        Instant op = tijdas == Tijdas.GEBEURD ? gebeurdOp : bekendOp;
        return op == null || !op.isAfter(moment);
    }

    /** Happened by the peilmoment; a fact at the peilmoment itself has happened. */
    public boolean gebeurd(Instant op) {
        return !op.isAfter(moment);
    }

    /**
     * When a counted fact changed what this peiling sees: when the engine learned it, or, for a
     * fact it learned only after the peilmoment (the gebeurd axis asked about the past), when it
     * happened. Never after the peilmoment, so a page of the past does not show today's date; and
     * for "now" it is the moment the engine learned it, so a late message still moves it.
     */
    public Instant gewijzigdOp(Instant gebeurdOp, Instant bekendOp) {
        if (bekendOp != null && !bekendOp.isAfter(moment)) {
            return bekendOp;
        }
        return gebeurdOp;
    }

    /** The peilmoment's date in Europe/Amsterdam. */
    public LocalDate peildatum() {
        return Tijd.datum(moment);
    }
}
