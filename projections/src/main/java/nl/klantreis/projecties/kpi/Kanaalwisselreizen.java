package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a {@link KanaalwisselreizenVraag}: pseudonymous, klantreis ids and what the
 * analyst may see of them, never the klant.
 *
 * @param klantreizen  the first {@link #GETOOND} that can be opened, by start then id
 * @param totaal       every klantreis the cell is made of, also those not listed
 * @param wissels      the matching kanaalwissels: equals the matrix cell's aantal (or warm, or aantal - warm)
 * @param nietTeOpenen klantreizen that count in the matrix but cannot be opened by id: what a forgotten
 *                     klant left behind (nothing may lead to it), or a klantreis as it stood on the
 *                     peilmoment that the engine never recorded under that id (a late fact changed it)
 */
public record Kanaalwisselreizen(List<Wisselreis> klantreizen, long totaal, long wissels, long nietTeOpenen) {
    /** At most this many are listed: a list is for looking at journeys, not for exporting them. */
    public static final int GETOOND = 200;

    public Kanaalwisselreizen {
        klantreizen = List.copyOf(klantreizen);
    }

    /**
     * One klantreis of the cell, as of the peilmoment.
     *
     * @param zaaktype  its zaaktype, or its onderwerp without a zaak (the KPIs' zaaktype key)
     * @param stappen   its number of steps by the peilmoment
     * @param wissels   how many of its kanaalwissels match the question
     */
    public record Wisselreis(String klantreisId, String zaaktype, Instant gestartOp, int stappen, boolean beeindigd,
                             int wissels) {
    }
}
