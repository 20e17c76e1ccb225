package nl.klantreis.bronnen;

/** The source answered 404 or 410: the resource does not exist (any more). Recorded and skipped, never retried. */
public final class Weg extends Exception {
    private final int status;

    public Weg(String url, int status) {
        super(url + " bestaat niet (meer) bij de bron (HTTP " + status + ")");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
