package nl.klantreis.replay.commandoregel;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The progress line of the long-running commands (simuleer, verstuur, export) on stderr: how far,
 * how fast, and how long still to go. Counting is a lock-free add, so senders on many threads and a
 * tight write loop can call {@link #tel(long)} on every item; a daemon thread draws the line.
 *
 * <p>On a terminal the line is redrawn in place four times a second; otherwise (a log file, CI) a
 * new line is written every ten seconds, so a log does not fill with carriage returns. Stdout is
 * never touched: it carries the result a script reads.
 */
public final class Voortgangsteller implements AutoCloseable {
    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final int BREEDTE = 24;

    private final PrintWriter uit;
    private final boolean terminal;
    private final String eenheid;
    private final boolean schatting;
    private final Supplier<String> extra;
    private final AtomicLong gedaan = new AtomicLong();
    private final long begin = System.nanoTime();
    private final ScheduledExecutorService tekenaar;
    private volatile long totaal;
    private int laatsteBreedte;

    /**
     * @param aan       false draws nothing (--stil)
     * @param totaal    how many are expected; 0 when unknown
     * @param schatting the total is an estimate: the line says "≈" and never reaches 100% early
     * @param extra     more to show behind the rate (e.g. rows written), or null
     */
    private Voortgangsteller(PrintWriter uit, boolean aan, String eenheid, long totaal, boolean schatting,
                              Supplier<String> extra) {
        this.uit = uit;
        this.terminal = System.console() != null;
        this.eenheid = eenheid;
        this.totaal = totaal;
        this.schatting = schatting;
        this.extra = extra;
        if (aan) {
            this.tekenaar = Executors.newSingleThreadScheduledExecutor(taak -> {
                Thread draad = new Thread(taak, "voortgang");
                draad.setDaemon(true);
                return draad;
            });
            long tussenpoos = terminal ? 250 : 10_000;
            tekenaar.scheduleAtFixedRate(this::teken, tussenpoos, tussenpoos, TimeUnit.MILLISECONDS);
        } else {
            this.tekenaar = null;
        }
    }

    public static Voortgangsteller start(PrintWriter uit, boolean aan, String eenheid, long totaal, boolean schatting,
                                   Supplier<String> extra) {
        return new Voortgangsteller(uit, aan, eenheid, totaal, schatting, extra);
    }

    public void tel(long aantal) {
        gedaan.addAndGet(aantal);
    }

    long gedaan() {
        return gedaan.get();
    }

    public double seconden() {
        return (System.nanoTime() - begin) / 1e9;
    }

    /** Stops drawing and ends the line with the final state. */
    @Override
    public void close() {
        if (tekenaar == null) {
            return;
        }
        tekenaar.shutdownNow();
        try {
            tekenaar.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            String regel = regel(true);
            uit.print(terminal ? "\r" + regel + opvulling(regel) + System.lineSeparator() : regel + System.lineSeparator());
            uit.flush();
        }
    }

    private synchronized void teken() {
        String regel = regel(false);
        if (terminal) {
            uit.print("\r" + regel + opvulling(regel));
            laatsteBreedte = regel.length();
        } else {
            uit.println(regel);
        }
        uit.flush();
    }

    private String opvulling(String regel) {
        return " ".repeat(Math.max(0, laatsteBreedte - regel.length()));
    }

    String regel(boolean klaar) {
        long nu = gedaan.get();
        double seconden = Math.max(seconden(), 1e-9);
        double tempo = nu / seconden;
        long verwacht = totaal;
        StringBuilder regel = new StringBuilder();
        if (verwacht > 0) {
            double fractie = klaar ? 1.0 : Math.min(nu / (double) verwacht, schatting ? 0.99 : 1.0);
            int vol = (int) Math.round(fractie * BREEDTE);
            regel.append(String.format(NL, "%3d%% [", (int) Math.floor(fractie * 100)))
                    .append("#".repeat(vol)).append(".".repeat(BREEDTE - vol)).append("] ")
                    .append(getal(nu)).append('/').append(schatting && !klaar ? "≈" : "")
                    .append(getal(klaar ? nu : verwacht));
        } else {
            regel.append(getal(nu));
        }
        regel.append(' ').append(eenheid).append(" · ").append(getal(Math.round(tempo))).append("/s");
        if (extra != null) {
            regel.append(" · ").append(extra.get());
        }
        if (klaar) {
            regel.append(" · klaar in ").append(duur(seconden));
        } else if (verwacht > nu && tempo > 0) {
            regel.append(" · nog ").append(schatting ? "≈" : "").append(duur((verwacht - nu) / tempo));
        } else {
            regel.append(" · ").append(duur(seconden));
        }
        return regel.toString();
    }

    public static String getal(long waarde) {
        return String.format(NL, "%,d", waarde);
    }

    public static String duur(double seconden) {
        long s = Math.round(seconden);
        return s >= 3600 ? String.format(NL, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(NL, "%d:%02d", s / 60, s % 60);
    }
}
