package nl.klantreis.infrastructuur.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The hash chain of the audit tables: {@code hash_n = SHA-256(hash_(n-1) || canonical bytes of
 * record n)}, with 32 zero bytes before the first record. The canonical bytes are the table name
 * and then every field in a fixed order, each length-prefixed (4 bytes big-endian, -1 for null)
 * so that no two different records share their bytes ("ab","c" is not "a","bc"). Times count
 * in microseconds since the epoch: what PostgreSQL keeps of a timestamptz.
 *
 * <p>Shared by the engine (which writes the chain) and the command-line tools (which check it).
 *
 * <p>Changing these bytes changes every hash ever computed: never do it without a new chain.
 */
public final class Ketenhash {
    public static final byte[] BEGIN = new byte[32];

    private final MessageDigest sha256;
    private ByteBuffer buffer = ByteBuffer.allocate(1024);

    public Ketenhash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 niet beschikbaar", e);
        }
    }

    /** Times are kept as PostgreSQL keeps them, so a record read back hashes to what was written. */
    public static Instant opMicroseconde(Instant tijdstip) {
        return tijdstip.truncatedTo(ChronoUnit.MICROS);
    }

    public byte[] verwerking(byte[] vorigeHash, long volgnummer, String traceId, String spanId, Instant tijdstip,
                      String activiteit, String doel, String grondslag, String betrokkene, String resultaat) {
        buffer.clear();
        tekst("verwerking");
        getal(volgnummer);
        tekst(traceId);
        tekst(spanId);
        getal(microseconden(tijdstip));
        tekst(activiteit);
        tekst(doel);
        tekst(grondslag);
        tekst(betrokkene);
        tekst(resultaat);
        return hash(vorigeHash);
    }

    public byte[] gebruikersaudit(byte[] vorigeHash, long volgnummer, String traceId, String spanId, Instant tijdstip,
                           String activiteit, String actor, String rol, String organisatieonderdeel) {
        buffer.clear();
        tekst("gebruikersaudit");
        getal(volgnummer);
        tekst(traceId);
        tekst(spanId);
        getal(microseconden(tijdstip));
        tekst(activiteit);
        tekst(actor);
        tekst(rol);
        tekst(organisatieonderdeel);
        return hash(vorigeHash);
    }

    public static boolean gelijk(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : java.util.HexFormat.of().formatHex(hash);
    }

    private byte[] hash(byte[] vorigeHash) {
        if (vorigeHash == null || vorigeHash.length != 32) {
            throw new IllegalArgumentException("een vorige hash heeft 32 bytes");
        }
        sha256.reset();
        sha256.update(vorigeHash);
        sha256.update(buffer.array(), 0, buffer.position());
        return sha256.digest();
    }

    private static long microseconden(Instant tijdstip) {
        return Math.addExact(Math.multiplyExact(tijdstip.getEpochSecond(), 1_000_000L), tijdstip.getNano() / 1_000);
    }

    private void getal(long waarde) {
        ruimte(8);
        buffer.putLong(waarde);
    }

    private void tekst(String waarde) {
        if (waarde == null) {
            ruimte(4);
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = waarde.getBytes(StandardCharsets.UTF_8);
        ruimte(4 + bytes.length);
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }

    private void ruimte(int nodig) {
        if (buffer.remaining() < nodig) {
            ByteBuffer groter = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + nodig));
            groter.put(Arrays.copyOf(buffer.array(), buffer.position()));
            buffer = groter;
        }
    }
}
