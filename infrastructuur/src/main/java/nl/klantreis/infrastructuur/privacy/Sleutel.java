package nl.klantreis.infrastructuur.privacy;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.UUID;

/**
 * One AES-256 key from the key table. The material never leaves this record unguarded: it is
 * copied in and out so that nobody can alter a key in use, and toString hides it so that it
 * cannot end up in a log line or an assertion message.
 */
public record Sleutel(UUID id, byte[] materiaal) {

    static final int LENGTE = 32;

    public Sleutel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(materiaal, "materiaal");
        if (materiaal.length != LENGTE) {
            throw new IllegalArgumentException("sleutel " + id + " heeft " + materiaal.length
                    + " bytes, verwacht " + LENGTE);
        }
        materiaal = materiaal.clone();
    }

    @Override
    public byte[] materiaal() {
        return materiaal.clone();
    }

    /** Without copying, for {@link Versleuteling} on its hot path; the caller must not change it. */
    byte[] materiaalZonderKopie() {
        return materiaal;
    }

    @Override
    public boolean equals(Object ander) {
        return ander instanceof Sleutel s && id.equals(s.id) && MessageDigest.isEqual(materiaal, s.materiaal);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Sleutel[id=" + id + ", materiaal=***]";
    }
}
