package nl.klantreis.domein.gedeeld;

import java.util.Objects;

/**
 * A personal field as it is stored in an event: encrypted with the key {@code sleutel} from the
 * engine's key table. Once that key is deleted (the klant is forgotten) the value cannot be read
 * by anyone, while the event itself, and every figure that counts it, remains.
 */
public record Versleuteld(String sleutel, String waarde) {
    public Versleuteld {
        Objects.requireNonNull(sleutel, "sleutel");
        Objects.requireNonNull(waarde, "waarde");
    }
}
