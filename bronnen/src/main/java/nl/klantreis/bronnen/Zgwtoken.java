package nl.klantreis.bronnen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ZGW API client token: a JWT signed with HS256 under the secret the source has for this client, with
 * {@code iss} and {@code client_id} the client id and {@code iat} now (Open Zaak and Open Notificaties check the
 * signature, look the client up by {@code client_id} and refuse a token whose {@code iat} is older than their
 * {@code JWT_EXPIRY}, an hour by default). A token is made afresh every minute, so a clock that differs a little from
 * the source's never makes it look stale. Any secret length is accepted, as the ZGW sources accept it: HS256 is an
 * HMAC, and municipalities' existing client secrets are often shorter than 32 bytes.
 */
final class Zgwtoken {
    private static final Duration VERNIEUWEN = Duration.ofMinutes(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;
    private final byte[] secret;
    private final Clock klok;
    private String token;
    private Instant gemaakt = Instant.MIN;

    Zgwtoken(String clientId, String secret, Clock klok) {
        this.clientId = clientId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.klok = klok;
    }

    synchronized String header() {
        Instant nu = klok.instant();
        if (token == null || nu.isAfter(gemaakt.plus(VERNIEUWEN)) || nu.isBefore(gemaakt)) {
            token = maak(nu);
            gemaakt = nu;
        }
        return "Bearer " + token;
    }

    private String maak(Instant nu) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode kop = json.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode inhoud = json.createObjectNode()
                .put("iss", clientId)
                .put("iat", nu.getEpochSecond())
                .put("client_id", clientId)
                .put("user_id", clientId)
                .put("user_representation", "Klantreis-engine");
        String ondertekend = BASE64URL.encodeToString(kop.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(inhoud.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ondertekend + "." + BASE64URL.encodeToString(mac.doFinal(ondertekend.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 ontbreekt in deze JVM", e);
        }
    }
}
