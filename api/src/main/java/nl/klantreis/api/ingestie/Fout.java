package nl.klantreis.api.ingestie;

import java.util.Objects;

/**
 * One broken rule of a message.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending member of the message, e.g.
 *                {@code /data/klant/bsn}; {@code ""} for the message as a whole
 * @param detail  short Dutch text for the sender; never contains a BSN or KVK number
 */
record Fout(String pointer, String detail) {
    public Fout {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(detail, "detail");
    }
}
