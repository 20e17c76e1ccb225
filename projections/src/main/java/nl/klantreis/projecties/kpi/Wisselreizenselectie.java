package nl.klantreis.projecties.kpi;

import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kanaalwisselreizen.Wisselreis;

/**
 * Selects the klantreizen of a {@link KanaalwisselreizenVraag} from the klanten one at a time, with
 * the very rules of the kanaalwissel-matrix ({@link KlantOpPeilmoment}, the period by the first
 * step, kanalen by their code), so the list adds up to the cell. Pure: no store, no clock. Memory:
 * at most {@link Kanaalwisselreizen#GETOOND} entries, whatever the number of klanten.
 */
final class Wisselreizenselectie {
    private static final Comparator<Wisselreis> VOLGORDE =
            Comparator.comparing(Wisselreis::gestartOp).thenComparing(Wisselreis::klantreisId);

    private final KanaalwisselreizenVraag vraag;
    private final Kanalen kanalen;
    private final Peilperiode peil;
    private final TreeSet<Wisselreis> getoond = new TreeSet<>(VOLGORDE);
    private long totaal;
    private long wissels;
    private long nietTeOpenen;

    Wisselreizenselectie(KanaalwisselreizenVraag vraag, Kanalen kanalen) {
        this.vraag = Objects.requireNonNull(vraag, "vraag");
        this.kanalen = Objects.requireNonNull(kanalen, "kanalen");
        this.peil = new Peilperiode(vraag.van(), vraag.tot(), vraag.peilmoment());
    }

    /**
     * @param klant   the klant, named by the namespace his klantreis ids derive from, so that the ids
     *                computed here are those the klantreis read model answers by
     * @param teOpenen whether a klantreis id can be opened (false for every id of what a forgotten klant left)
     */
    void klant(KpiKlant klant, Predicate<String> teOpenen) {
        for (Reisbeeld reis : KlantOpPeilmoment.op(klant, peil, kanalen).reizen()) {
            if (!reis.inPeriode()) {
                continue;
            }
            int treffers = (int) reis.reis().kanaalwissels().stream().filter(this::past).count();
            if (treffers == 0) {
                continue;
            }
            totaal++;
            wissels += treffers;
            String id = reis.reis().id().toString();
            if (!teOpenen.test(id)) {
                nietTeOpenen++;
                continue;
            }
            getoond.add(new Wisselreis(id, reis.zaaktype(), reis.reis().gestartOp(), stappenOpPeilmoment(reis),
                    reis.beeindigd(), treffers));
            if (getoond.size() > Kanaalwisselreizen.GETOOND) {
                getoond.pollLast();
            }
        }
    }

    private static int stappenOpPeilmoment(Reisbeeld reis) {
        // KlantOpPeilmoment already dropped the facts after the peilmoment.
        return reis.reis().stappen().size();
    }

    private boolean past(Kanaalwissel wissel) {
        return vraag.vanKanaal().equals(KlantOpPeilmoment.kanaalcode(kanalen, wissel.van()))
                && vraag.naarKanaal().equals(KlantOpPeilmoment.kanaalcode(kanalen, wissel.naar()))
                && (vraag.warm() == null || vraag.warm() == wissel.warm());
    }

    Kanaalwisselreizen uitkomst() {
        return new Kanaalwisselreizen(getoond.stream().toList(), totaal, wissels, nietTeOpenen);
    }
}
