package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The klantreizen behind one cell of the {@code kanaalwissel-matrix}: those started in [van, tot)
 * with at least one kanaalwissel from {@code vanKanaal} to {@code naarKanaal} as of the peilmoment,
 * counted exactly as the matrix counts them (the analyst clicks a cell and sees what it is made of).
 *
 * @param vanKanaal  kanaal code the wissel leaves
 * @param naarKanaal kanaal code the wissel goes to
 * @param warm       true: warm wissels only; false: koud only; null: both
 */
public record KanaalwisselreizenVraag(LocalDate van, LocalDate tot, Instant peilmoment, String vanKanaal,
                                      String naarKanaal, Boolean warm) {
    public KanaalwisselreizenVraag {
        if (van == null || tot == null || !van.isBefore(tot)) {
            throw new IllegalArgumentException("parameter 'van': de periode [van, tot) ontbreekt of is leeg");
        }
        if (peilmoment == null) {
            throw new IllegalArgumentException("parameter 'peilmoment': ontbreekt");
        }
        if (vanKanaal == null || vanKanaal.isBlank()) {
            throw new IllegalArgumentException("parameter 'vanKanaal': ontbreekt");
        }
        if (naarKanaal == null || naarKanaal.isBlank()) {
            throw new IllegalArgumentException("parameter 'naarKanaal': ontbreekt");
        }
    }
}
