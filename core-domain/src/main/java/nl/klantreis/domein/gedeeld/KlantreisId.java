package nl.klantreis.domein.gedeeld;

import java.util.Objects;
import java.util.UUID;

public record KlantreisId(UUID waarde) implements Comparable<KlantreisId> {
    public KlantreisId {
        Objects.requireNonNull(waarde, "waarde");
    }

    public static KlantreisId van(String tekst) {
        return new KlantreisId(UUID.fromString(tekst));
    }

    @Override
    public int compareTo(KlantreisId ander) {
        // Textual order: the same in Java, PostgreSQL and any analyst's tool.
        return waarde.toString().compareTo(ander.waarde.toString());
    }

    /** Axon takes the aggregate identifier from toString(). */
    @Override
    public String toString() {
        return waarde.toString();
    }
}
