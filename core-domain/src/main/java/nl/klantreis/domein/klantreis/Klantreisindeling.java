package nl.klantreis.domein.klantreis;

import java.time.Instant;
import java.util.List;

import nl.klantreis.domein.gedeeld.KlantreisId;

/**
 * One klantreis as the rules compute it from the facts.
 *
 * @param stappen      in order (see {@link Reisstap#VOLGORDE})
 * @param beeindigdOp  when its zaak was closed; null for a klantreis whose end depends on the peilmoment
 */
public record Klantreisindeling(KlantreisId id, Klantreissoort soort, Thema thema, List<Reisstap> stappen,
                                List<Kanaalwissel> kanaalwissels, Instant beeindigdOp) {
    public Klantreisindeling {
        stappen = List.copyOf(stappen);
        kanaalwissels = List.copyOf(kanaalwissels);
    }

    public Instant gestartOp() {
        return stappen.isEmpty() ? null : stappen.get(0).op();
    }
}
