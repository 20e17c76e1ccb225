package nl.klantreis.projecties.mijnzaken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import nl.klantreis.domein.gedeeld.Versleuteld;

/**
 * A stand-in for the engine's AES-GCM: the projection must only carry encrypted values and hand
 * them to the caller's decryption, so any reversible scrambling shows whether it does.
 */
final class NepVersleuteling {
    static final String SLEUTEL = "00000000-0000-4000-8000-00000000c0de";
    private static final String KOP = "nep:";

    private NepVersleuteling() {
    }

    static Versleuteld versleutel(String tekst) {
        return new Versleuteld(SLEUTEL, KOP + Base64.getUrlEncoder().encodeToString(tekst.getBytes(StandardCharsets.UTF_8)));
    }

    static Optional<String> ontsleutel(Versleuteld waarde) {
        if (!waarde.waarde().startsWith(KOP)) {
            throw new IllegalArgumentException("geen nepwaarde: " + waarde);
        }
        return Optional.of(new String(Base64.getUrlDecoder().decode(waarde.waarde().substring(KOP.length())),
                StandardCharsets.UTF_8));
    }

    /** As after crypto-shredding: the key is gone, nothing can be read. */
    static Function<Versleuteld, Optional<String>> vergeten() {
        return waarde -> Optional.empty();
    }

    /** For views that must not decrypt at all. */
    static Function<Versleuteld, Optional<String>> verboden() {
        return waarde -> {
            throw new AssertionError("er is ontsleuteld: " + waarde);
        };
    }
}
