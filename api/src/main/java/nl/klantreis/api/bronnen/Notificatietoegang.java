package nl.klantreis.api.bronnen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * Open Notificaties authenticates with a fixed {@code Authorization} value, the abonnement's {@code auth}: no JWT.
 * The value sent is compared with every configured one in constant time (SHA-256 of both, then
 * {@link MessageDigest#isEqual}, every value compared), so neither the length nor the first differing byte
 * shows in the time taken. A refusal is the API's usual 401 problem; nothing is stored.
 */
final class Notificatietoegang implements WebFilter {
    static final String NIET_AANGEMELD = "urn:klantreis:probleem:niet-aangemeld";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> toegestaan;
    private final Bronmetrieken metrieken;

    /** @param waarden the accepted Authorization values; empty: no bronnen configured, everything passes to the 404 */
    Notificatietoegang(List<String> waarden, Bronmetrieken metrieken) {
        this.toegestaan = waarden.stream().map(Notificatietoegang::digest).toList();
        this.metrieken = metrieken;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange uitwisseling, WebFilterChain keten) {
        if (toegestaan.isEmpty() || toegelaten(uitwisseling.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            return keten.filter(uitwisseling);
        }
        metrieken.notificatie("onbekend", "onbevoegd");
        return weiger(uitwisseling);
    }

    boolean toegelaten(String waarde) {
        if (waarde == null) {
            return false;
        }
        byte[] gekregen = digest(waarde);
        boolean goed = false;
        for (byte[] t : toegestaan) {
            goed |= MessageDigest.isEqual(t, gekregen);
        }
        return goed;
    }

    private static byte[] digest(String waarde) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(waarde.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mono<Void> weiger(ServerWebExchange uitwisseling) {
        ServerHttpResponse antwoord = uitwisseling.getResponse();
        Map<String, Object> probleem = new LinkedHashMap<>();
        probleem.put("type", NIET_AANGEMELD);
        probleem.put("title", "Niet aangemeld");
        probleem.put("status", HttpStatus.UNAUTHORIZED.value());
        probleem.put("detail", "dit verzoek vraagt de Authorization-waarde van het abonnement bij Open Notificaties");
        probleem.put("instance", uitwisseling.getRequest().getPath().value());
        byte[] inhoud;
        try {
            inhoud = JSON.writeValueAsBytes(probleem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        antwoord.setStatusCode(HttpStatus.UNAUTHORIZED);
        antwoord.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        antwoord.getHeaders().setContentLength(inhoud.length);
        return antwoord.writeWith(Mono.just(antwoord.bufferFactory().wrap(inhoud)));
    }
}
