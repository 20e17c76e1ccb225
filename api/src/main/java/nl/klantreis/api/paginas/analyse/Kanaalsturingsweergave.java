package nl.klantreis.api.paginas.analyse;

import java.util.List;

/**
 * What the kanaalsturing page shows, in words. Public: the templates read it through reflection
 * (SpEL), which a package-private type refuses.
 */
public final class Kanaalsturingsweergave {
    private Kanaalsturingsweergave() {
    }

    /** A kanaal in the form's lists: its price shown, or that it is unknown. */
    public record Kanaalkeuze(String code, String naam) {
    }

    /**
     * The answer in words.
     *
     * @param verschil "€ 1.800,00 per jaar minder" or null when a price is unknown
     * @param onbekend the names of the kanalen without a known price
     */
    public record Antwoord(String uitNaam, String naarNaam, String procent, String gemeten, String dagen, String perJaar,
                    String verschoven, String prijsUit, String prijsNaar, String verschil, boolean besparing,
                    List<String> onbekend) {
    }
}
