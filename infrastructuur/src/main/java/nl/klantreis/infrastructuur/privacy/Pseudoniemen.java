package nl.klantreis.infrastructuur.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Kvknummer;

/**
 * Turns a BSN or KVK number into the klant's {@link KlantId}: a keyed HMAC-SHA256, so that nobody
 * without the secret can find the number back by trying all 10^9 candidates, and the id can travel
 * into logs, URLs and metrics. The secret must never change: every aggregate id depends on it.
 *
 * <p>Thread-safe.
 */
public final class Pseudoniemen {

    static final int MINIMALE_GEHEIMLENGTE = 32;
    private static final String ALGORITME = "HmacSHA256";
    /** 160 bits: collisions stay out of reach for any population, and it is exactly 32 base32 characters. */
    private static final int PSEUDONIEMBYTES = 20;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    // Mac is not thread-safe and getInstance+init costs more than the HMAC itself.
    private final ThreadLocal<Mac> macs;

    public Pseudoniemen(byte[] geheim) {
        Objects.requireNonNull(geheim, "geheim");
        if (geheim.length < MINIMALE_GEHEIMLENGTE) {
            throw new IllegalArgumentException("pseudoniemgeheim heeft " + geheim.length
                    + " bytes, minimaal " + MINIMALE_GEHEIMLENGTE);
        }
        SecretKeySpec sleutel = new SecretKeySpec(geheim, ALGORITME);
        macs = ThreadLocal.withInitial(() -> nieuweMac(sleutel));
        // Fail at startup, not on the first klant.
        macs.get();
    }

    /**
     * The secret configured for this installation (base64) when given, otherwise the one stored in
     * {@code pseudoniem_geheim}, generated on first use. Several nodes may start at once: they all
     * end up with the one secret that was inserted first.
     */
    public static Pseudoniemen uit(DataSource dataSource, Optional<String> geconfigureerdGeheimBase64) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(geconfigureerdGeheimBase64, "geconfigureerdGeheimBase64");
        Optional<String> geconfigureerd = geconfigureerdGeheimBase64.filter(tekst -> !tekst.isBlank());
        if (geconfigureerd.isPresent()) {
            return new Pseudoniemen(decodeer(geconfigureerd.get()));
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        byte[] nieuw = new byte[MINIMALE_GEHEIMLENGTE];
        new SecureRandom().nextBytes(nieuw);
        jdbc.update("insert into pseudoniem_geheim (id, geheim) values (1, ?) on conflict (id) do nothing", nieuw);
        byte[] geheim = jdbc.queryForObject("select geheim from pseudoniem_geheim where id = 1", byte[].class);
        return new Pseudoniemen(geheim);
    }

    /** The pseudonym of a BSN or KVK number; the number must be valid, so one klant has one id. */
    public KlantId voor(Identificatiesoort soort, String nummer) {
        Objects.requireNonNull(soort, "soort");
        Objects.requireNonNull(nummer, "nummer");
        boolean geldig = switch (soort) {
            case BSN -> Bsn.isGeldig(nummer);
            case KVK -> Kvknummer.isGeldig(nummer);
            case ANONIEM -> throw new IllegalArgumentException("een anonieme klant heeft geen nummer: gebruik anoniem()");
        };
        if (!geldig) {
            // Without the number: this message may end up in a log.
            throw new IllegalArgumentException("geen geldig " + soort + "-nummer");
        }
        // The soort is part of the input: a BSN and a KVK number with the same digits are two klanten.
        byte[] hmac = macs.get().doFinal((soort.name() + ":" + nummer).getBytes(StandardCharsets.UTF_8));
        return new KlantId("k-" + base32(hmac, PSEUDONIEMBYTES));
    }

    public KlantId voor(Bsn bsn) {
        return voor(Identificatiesoort.BSN, bsn.nummer());
    }

    public KlantId voor(Kvknummer kvk) {
        return voor(Identificatiesoort.KVK, kvk.nummer());
    }

    /** An anonymous contact is a klant of its own: nothing links two anonymous contacts. */
    public KlantId anoniem(KlantcontactId klantcontact) {
        Objects.requireNonNull(klantcontact, "klantcontact");
        return new KlantId("anoniem-" + klantcontact.waarde());
    }

    private static Mac nieuweMac(SecretKeySpec sleutel) {
        try {
            Mac mac = Mac.getInstance(ALGORITME);
            mac.init(sleutel);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 niet beschikbaar", e);
        }
    }

    private static byte[] decodeer(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not e itself as message source: it could quote part of the secret.
            throw new IllegalArgumentException("geconfigureerd pseudoniemgeheim is geen geldige base64");
        }
    }

    /** RFC 4648 base32, lowercase and unpadded, of the first {@code lengte} bytes. */
    static String base32(byte[] bytes, int lengte) {
        StringBuilder uit = new StringBuilder((lengte * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < lengte; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                uit.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            uit.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
        }
        return uit.toString();
    }
}
