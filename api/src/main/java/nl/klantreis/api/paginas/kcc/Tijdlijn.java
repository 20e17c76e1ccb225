package nl.klantreis.api.paginas.kcc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.klantreis.projecties.klantreis.Klantreis;

/**
 * A klantreis as swimlanes: one lane per kanaal (in the order the klant first used them), one
 * column per step in time order, each step in the lane of its kanaal; and every kanaalwissel of
 * the read model tied to the step it arrived at, so the page can mark it there. The page draws it
 * as a table (lanes are rows with a row header, steps are columns with a column header), which a
 * screen reader walks like any table.
 *
 * @param stappen the columns, in step order
 * @param banen   the lanes
 * @param wissels the read model's kanaalwissels, in its order
 */
record Tijdlijn(List<Kolom> stappen, List<Baan> banen, List<Wissel> wissels) {

    /** @param nummer 1 for the first step */
    record Kolom(int nummer, Instant op) {
    }

    /** @param cellen one per column: empty where the step was in another kanaal */
    record Baan(String kanaal, List<Cel> cellen) {
    }

    /**
     * @param stap     the step in this lane at this column, or null
     * @param aankomst the kanaalwissel that arrived at this step, or null
     */
    record Cel(Klantreis.Stap stap, Wissel aankomst) {
        public boolean leeg() {
            return stap == null;
        }
    }

    /** @param naarStap the number of the step it arrived at; 0 when no pair of steps matches it */
    record Wissel(int naarStap, String van, String naar, Instant op, boolean warm) {
    }

    static Tijdlijn van(Klantreis reis) {
        List<Klantreis.Stap> stappen = reis.stappen();
        List<Wissel> wissels = wissels(reis);
        Set<String> kanalen = new LinkedHashSet<>();
        stappen.forEach(stap -> kanalen.add(stap.kanaal()));
        List<Kolom> kolommen = new ArrayList<>();
        for (int i = 0; i < stappen.size(); i++) {
            kolommen.add(new Kolom(i + 1, stappen.get(i).op()));
        }
        List<Baan> banen = new ArrayList<>();
        for (String kanaal : kanalen) {
            List<Cel> cellen = new ArrayList<>();
            for (int i = 0; i < stappen.size(); i++) {
                int nummer = i + 1;
                Klantreis.Stap stap = stappen.get(i);
                cellen.add(kanaal.equals(stap.kanaal())
                        ? new Cel(stap, wissels.stream().filter(w -> w.naarStap() == nummer).findFirst().orElse(null))
                        : new Cel(null, null));
            }
            banen.add(new Baan(kanaal, List.copyOf(cellen)));
        }
        return new Tijdlijn(List.copyOf(kolommen), List.copyOf(banen), wissels);
    }

    /**
     * The read model says which kanaalwissels there are and whether each was warm (it alone knows
     * {@code wasKlantcontact}); a wissel is two consecutive steps in different kanalen
     * (KLANTREIS-EN-KPI.md §2), so each is matched to the first unmatched such pair with its
     * kanalen and its moment (that of the later step).
     */
    private static List<Wissel> wissels(Klantreis reis) {
        List<Klantreis.Stap> stappen = reis.stappen();
        Set<Integer> gebruikt = new LinkedHashSet<>();
        List<Wissel> wissels = new ArrayList<>();
        for (Klantreis.Kanaalwissel wissel : reis.kanaalwissels()) {
            int naar = 0;
            for (int i = 1; i < stappen.size() && naar == 0; i++) {
                Klantreis.Stap vorige = stappen.get(i - 1);
                Klantreis.Stap stap = stappen.get(i);
                if (!gebruikt.contains(i + 1) && wissel.van().equals(vorige.kanaal()) && wissel.naar().equals(stap.kanaal())
                        && wissel.op().equals(stap.op())) {
                    naar = i + 1;
                    gebruikt.add(naar);
                }
            }
            wissels.add(new Wissel(naar, wissel.van(), wissel.naar(), wissel.op(), wissel.warm()));
        }
        return List.copyOf(wissels);
    }

    public long warm() {
        return wissels.stream().filter(Wissel::warm).count();
    }

    public long koud() {
        return wissels.size() - warm();
    }
}
