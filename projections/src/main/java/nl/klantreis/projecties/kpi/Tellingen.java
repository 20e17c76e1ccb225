package nl.klantreis.projecties.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.projecties.kpi.Uitsplitsing.Telling;

/** The counters behind the figures. Each only adds, so the order of the facts cannot matter. */
final class Tellingen {
    private Tellingen() {
    }

    static final class Aantal implements Telling {
        private long aantal;

        void tel() {
            aantal++;
        }

        @Override
        public Kpicijfers cijfers() {
            return Kpicijfers.vanAantal(aantal);
        }
    }

    static final class Verhouding implements Telling {
        private long teller;
        private long noemer;

        void tel(long boven, long onder) {
            teller += boven;
            noemer += onder;
        }

        /** One more in the noemer, and in the teller when it {@code telt}. */
        void tel(boolean telt) {
            tel(telt ? 1 : 0, 1);
        }

        void telTeller() {
            teller++;
        }

        void telNoemer() {
            noemer++;
        }

        @Override
        public Kpicijfers cijfers() {
            return Kpicijfers.verhouding(teller, noemer);
        }
    }

    static final class Kosten implements Telling {
        private long totaalCent;
        private long klantreizen;
        private long contactenZonderKosten;

        void tel(long centen, long zonderKosten) {
            totaalCent += centen;
            contactenZonderKosten += zonderKosten;
            klantreizen++;
        }

        @Override
        public Kpicijfers cijfers() {
            return Kpicijfers.kosten(totaalCent, klantreizen, contactenZonderKosten);
        }
    }

    static final class Matrix implements Telling {
        private final Map<String, Map<String, long[]>> cellen = new TreeMap<>();
        private long aantal;

        /** {@code van} and {@code naar} as kanaal codes. */
        void tel(String van, String naar, Kanaalwissel wissel) {
            long[] cel = cellen.computeIfAbsent(van, k -> new TreeMap<>()).computeIfAbsent(naar, k -> new long[2]);
            cel[0]++;
            if (wissel.warm()) {
                cel[1]++;
            }
            aantal++;
        }

        @Override
        public Kpicijfers cijfers() {
            List<Kanaalwisselcel> lijst = new ArrayList<>();
            cellen.forEach((van, rij) -> rij.forEach((naar, cel) -> lijst.add(new Kanaalwisselcel(van, naar, cel[0], cel[1]))));
            return Kpicijfers.matrix(lijst, aantal);
        }
    }

    /**
     * Durations as a histogram of whole hours: exact nearest-rank percentiles, in memory that grows
     * with the number of distinct hours, not with the number of zaken.
     */
    static final class Doorlooptijden implements Telling {
        private final TreeMap<Long, Long> perUur = new TreeMap<>();
        private long aantal;

        void tel(long uren) {
            perUur.merge(uren, 1L, Long::sum);
            aantal++;
        }

        /** Nearest rank: the ceil(p/100 * n)-th smallest; null over nothing. */
        Long percentiel(int procent) {
            if (aantal == 0) {
                return null;
            }
            long rang = Math.max(1, (procent * aantal + 99) / 100);
            long gezien = 0;
            for (Map.Entry<Long, Long> uur : perUur.entrySet()) {
                gezien += uur.getValue();
                if (gezien >= rang) {
                    return uur.getKey();
                }
            }
            throw new IllegalStateException("rang " + rang + " voorbij " + aantal);
        }

        @Override
        public Kpicijfers cijfers() {
            return Kpicijfers.doorlooptijd(percentiel(50), percentiel(90), aantal);
        }
    }

    /** Contactvolume: the count, always split by kanaal (the contract's "per kanaal"). */
    static final class Volume implements Telling {
        private final Map<String, Long> perKanaal = new TreeMap<>();
        private long aantal;

        void tel(String kanaal) {
            perKanaal.merge(kanaal, 1L, Long::sum);
            aantal++;
        }

        @Override
        public Kpicijfers cijfers() {
            List<Kpideel> delen = perKanaal.entrySet().stream()
                    .map(k -> Kpideel.van(Kpivraag.PER_KANAAL, k.getKey(), Kpicijfers.vanAantal(k.getValue())))
                    .toList();
            return Kpicijfers.vanAantal(aantal).metUitsplitsing(delen);
        }
    }
}
