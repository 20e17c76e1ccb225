package nl.klantreis.api.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An id in a path as a UUID in its canonical 8-4-4-4-12 form only. {@link UUID#fromString} also
 * takes {@code 1-1-1-1-1} and reads it as another UUID, so a typo would quietly address a
 * different zaak instead of being named as a bad parameter.
 */
public final class Uuids {
    private static final Pattern VORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** @throws IllegalArgumentException when the text is not a canonical UUID */
    public static UUID strikt(String tekst) {
        if (tekst == null || !VORM.matcher(tekst).matches()) {
            throw new IllegalArgumentException("geen UUID");
        }
        return UUID.fromString(tekst);
    }
}
