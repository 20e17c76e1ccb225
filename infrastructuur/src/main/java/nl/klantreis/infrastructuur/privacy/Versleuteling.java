package nl.klantreis.infrastructuur.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nl.klantreis.domein.gedeeld.Versleuteld;

/**
 * AES-256-GCM for the personal fields in events. The stored text is
 * {@code base64url(versie | iv | ciphertext+tag)}; the key id is bound in as associated data, so a
 * value moved next to another key id is refused rather than silently decrypted.
 *
 * <p>Thread-safe: one instance serves the whole application.
 */
public final class Versleuteling {

    /** Lets a later format (another cipher, a longer IV) live next to this one in the event store. */
    private static final byte VERSIE = 1;
    private static final int IV_LENGTE = 12;
    private static final int TAG_BITS = 128;
    private static final int KOP_LENGTE = 1 + IV_LENGTE;
    private static final int MINIMALE_LENGTE = KOP_LENGTE + TAG_BITS / 8;
    private static final String TRANSFORMATIE = "AES/GCM/NoPadding";

    private static final Base64.Encoder CODEERDER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODEERDER = Base64.getUrlDecoder();

    // Random 96-bit IVs are safe for about 2^32 values per key; keys are per klant or per zaak,
    // so no key comes anywhere near that.
    private final SecureRandom random;

    public Versleuteling() {
        this(new SecureRandom());
    }

    Versleuteling(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The text encrypted with {@code sleutel}; null stays null, so optional fields stay optional. */
    public Versleuteld versleutel(Sleutel sleutel, String tekst) {
        Objects.requireNonNull(sleutel, "sleutel");
        if (tekst == null) {
            return null;
        }
        String sleutelId = sleutel.id().toString();
        byte[] klaar = tekst.getBytes(StandardCharsets.UTF_8);
        byte[] uit = new byte[KOP_LENGTE + klaar.length + TAG_BITS / 8];
        uit[0] = VERSIE;
        byte[] iv = new byte[IV_LENGTE];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, uit, 1, IV_LENGTE);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATIE);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sleutel.materiaalZonderKopie(), "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(sleutelId.getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(klaar, 0, klaar.length, uit, KOP_LENGTE);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java runtime: this means a broken JVM, not bad input.
            throw new IllegalStateException("AES-GCM niet beschikbaar", e);
        }
        return new Versleuteld(sleutelId, CODEERDER.encodeToString(uit));
    }

    /**
     * The plain text, or empty when the key is gone (the klant was forgotten) or the value was null.
     *
     * @param sleutels looks a key up by its id; empty when it no longer exists
     * @throws OntsleutelenMislukt when the key exists but the value was altered or does not belong to it
     */
    public Optional<String> ontsleutel(Versleuteld waarde, Function<String, Optional<Sleutel>> sleutels) {
        Objects.requireNonNull(sleutels, "sleutels");
        if (waarde == null) {
            return Optional.empty();
        }
        UUID sleutelId = alsUuid(waarde.sleutel());
        Optional<Sleutel> gevonden = sleutels.apply(waarde.sleutel());
        if (gevonden.isEmpty()) {
            return Optional.empty();
        }
        Sleutel sleutel = gevonden.get();
        if (!sleutel.id().equals(sleutelId)) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel()
                    + " aangeboden met sleutel " + sleutel.id());
        }
        byte[] in = decodeer(waarde);
        if (in[0] != VERSIE) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel()
                    + " heeft onbekende versie " + in[0]);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATIE);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sleutel.materiaalZonderKopie(), "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 1, IV_LENGTE));
            cipher.updateAAD(waarde.sleutel().getBytes(StandardCharsets.UTF_8));
            byte[] klaar = cipher.doFinal(in, KOP_LENGTE, in.length - KOP_LENGTE);
            return Optional.of(new String(klaar, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel()
                    + " is gewijzigd of met een andere sleutel versleuteld", e);
        } catch (GeneralSecurityException e) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel() + " is onleesbaar", e);
        }
    }

    private static UUID alsUuid(String sleutelId) {
        try {
            return UUID.fromString(sleutelId);
        } catch (IllegalArgumentException e) {
            throw new OntsleutelenMislukt("geen geldige sleutel-id: " + sleutelId, e);
        }
    }

    private static byte[] decodeer(Versleuteld waarde) {
        byte[] in;
        try {
            in = DECODEERDER.decode(waarde.waarde());
        } catch (IllegalArgumentException e) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel() + " is geen base64url", e);
        }
        if (in.length < MINIMALE_LENGTE) {
            throw new OntsleutelenMislukt("waarde van sleutel " + waarde.sleutel() + " is te kort (" + in.length
                    + " bytes)");
        }
        return in;
    }
}
