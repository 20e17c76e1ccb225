package nl.klantreis.domein.gedeeld;

import java.util.Objects;
import java.util.UUID;

public record ZaakId(UUID waarde) implements Comparable<ZaakId> {
    public ZaakId {
        Objects.requireNonNull(waarde, "waarde");
    }

    public static ZaakId van(String tekst) {
        return new ZaakId(UUID.fromString(tekst));
    }

    @Override
    public int compareTo(ZaakId ander) {
        // Textual order: the same in Java, PostgreSQL and any analyst's tool.
        return waarde.toString().compareTo(ander.waarde.toString());
    }

    /** Axon takes the aggregate identifier from toString(). */
    @Override
    public String toString() {
        return waarde.toString();
    }
}
