package nl.klantreis.replay.commandoregel;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * One progress line on stderr, rewritten in place (carriage return): done of total, the rate
 * over the work so far and the estimated time left. At most a few times a second, and only once the
 * work has taken a second: a quick command stays quiet.
 */
public final class Voortgangsregel {
    private static final int BREEDTE = 24;

    private final PrintWriter uit;
    private final String wat;
    private final String eenheid;
    private final Instant begin = Instant.now();
    private final boolean altijd;
    private Instant laatst = Instant.EPOCH;
    private boolean getoond;

    /**
     * @param eenheid what is counted, in the plural ("events", "zaken", "records")
     * @param altijd  also show the line (and the last one) when the work is quick
     */
    public Voortgangsregel(PrintWriter uit, String wat, String eenheid, boolean altijd) {
        this.uit = uit;
        this.wat = wat;
        this.eenheid = eenheid;
        this.altijd = altijd;
    }

    public void toon(long gedaan, long totaal) {
        Instant nu = Instant.now();
        if (Duration.between(laatst, nu).toMillis() < 250 || (!altijd && Duration.between(begin, nu).toMillis() < 1000)) {
            return;
        }
        laatst = nu;
        getoond = true;
        uit.print("\r" + wat + " " + regel(gedaan, totaal, eenheid, Duration.between(begin, nu)));
        uit.flush();
    }

    /** The last line, with a newline; {@code totaal} -1 when the work stopped unfinished. */
    public void klaar(long totaal) {
        if (!altijd && !getoond) {
            return;
        }
        Duration duur = Duration.between(begin, Instant.now());
        uit.println("\r" + (totaal < 0 ? wat + ": afgebroken na " + duur.toSeconds() + " s"
                : wat + " " + regel(totaal, totaal, eenheid, duur)));
        uit.flush();
    }

    static String regel(long gedaan, long totaal, String eenheid, Duration duur) {
        double fractie = totaal <= 0 ? 1 : Math.min(1, (double) gedaan / totaal);
        int vol = (int) Math.round(fractie * BREEDTE);
        double seconden = Math.max(duur.toMillis(), 1) / 1000.0;
        double tempo = gedaan / seconden;
        String resterend = gedaan >= totaal ? "klaar" : tempo <= 0 ? "nog ?" : "nog ~" + tijd((long) ((totaal - gedaan) / tempo));
        return String.format("[%s%s] %d/%d %s (%3.0f%%)  %.0f %s/s  %s   ", "#".repeat(vol), ".".repeat(BREEDTE - vol),
                gedaan, totaal, eenheid, fractie * 100, tempo, eenheid, resterend);
    }

    private static String tijd(long seconden) {
        return seconden >= 3600 ? String.format("%dh%02dm", seconden / 3600, (seconden % 3600) / 60)
                : seconden >= 60 ? String.format("%dm%02ds", seconden / 60, seconden % 60) : seconden + "s";
    }
}
