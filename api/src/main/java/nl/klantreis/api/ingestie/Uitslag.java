package nl.klantreis.api.ingestie;

import java.util.List;

/**
 * What became of one message: {@code accepted} (durably stored), {@code duplicate} (known
 * already; nothing stored) or {@code rejected} (with every reason; nothing stored).
 */
record Uitslag(int positie, String source, String id, Resultaat resultaat, List<Fout> fouten) {
    public Uitslag {
        fouten = List.copyOf(fouten);
    }

    public enum Resultaat {
        ACCEPTED, DUPLICATE, REJECTED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
