package nl.klantreis.domein.gedeeld;

import java.util.Objects;
import java.util.UUID;

public record KlantcontactId(UUID waarde) implements Comparable<KlantcontactId> {
    public KlantcontactId {
        Objects.requireNonNull(waarde, "waarde");
    }

    public static KlantcontactId van(String tekst) {
        return new KlantcontactId(UUID.fromString(tekst));
    }

    @Override
    public int compareTo(KlantcontactId ander) {
        // Textual order: the same in Java, PostgreSQL and any analyst's tool.
        return waarde.toString().compareTo(ander.waarde.toString());
    }

    /** Axon takes the aggregate identifier from toString(). */
    @Override
    public String toString() {
        return waarde.toString();
    }
}
