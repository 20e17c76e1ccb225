package nl.klantreis.bronnen;

/**
 * The source did not give what was asked: {@link #tijdelijk()} (down, slow, 5xx, 429: worth another try after a
 * while) or lasting (a 4xx that will not change by waiting, an answer that is not what the specification says:
 * a dead letter at once, with this message as its reason). 404 and 410 are not a Bronfout: they are
 * {@link Resultaat.Uitkomst#WEG}.
 */
public class Bronfout extends Exception {
    private final boolean tijdelijk;

    public Bronfout(String bericht, boolean tijdelijk, Throwable oorzaak) {
        super(bericht, oorzaak);
        this.tijdelijk = tijdelijk;
    }

    public Bronfout(String bericht, boolean tijdelijk) {
        this(bericht, tijdelijk, null);
    }

    public boolean tijdelijk() {
        return tijdelijk;
    }
}
