package nl.klantreis.domein.gedeeld;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The engine's name for a klant: a keyed pseudonym of his BSN or KVK number (or, for an
 * anonymous contact, of the contact itself). Never the number: this id travels into aggregate
 * ids, read-model keys, URLs, logs and metrics.
 */
public record KlantId(String waarde) {
    private static final Pattern VORM = Pattern.compile("[a-z]{1,8}-[0-9a-z-]{8,64}");

    public KlantId {
        Objects.requireNonNull(waarde, "waarde");
        if (!VORM.matcher(waarde).matches()) {
            throw new IllegalArgumentException("geen geldige klantId: " + waarde);
        }
    }

    /** Axon takes the aggregate identifier from toString(). */
    @Override
    public String toString() {
        return waarde;
    }
}
