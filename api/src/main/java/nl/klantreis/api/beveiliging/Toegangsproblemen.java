package nl.klantreis.api.beveiliging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 as RFC 9457 problems, like every other error of the API: a stable type, a Dutch
 * title, no internal names. 401 carries the bearer challenge of RFC 6750 (never a Basic one, so
 * a browser shows no login dialog); why a token was refused is logged at debug level, never its
 * claims (a burger's token holds his BSN).
 */
final class Toegangsproblemen implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Toegangsproblemen.class);
    static final String NIET_AANGEMELD = "urn:klantreis:probleem:niet-aangemeld";
    static final String GEEN_TOEGANG = "urn:klantreis:probleem:geen-toegang";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Mono<Void> commence(ServerWebExchange uitwisseling, AuthenticationException fout) {
        boolean metToken = fout instanceof OAuth2AuthenticationException;
        Toegangsbeslissing.reden(uitwisseling, metToken ? soortFout(berichten(fout)) : "geen-token");
        if (metToken) {
            LOG.debug("token geweigerd voor {} {}: {}", uitwisseling.getRequest().getMethod(),
                    uitwisseling.getRequest().getPath(), reden(fout));
        }
        String uitdaging = fout instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\""
                : metToken ? "Bearer error=\"invalid_request\"" : "Bearer";
        return schrijf(uitwisseling, HttpStatus.UNAUTHORIZED, NIET_AANGEMELD, "Niet aangemeld",
                metToken ? "het meegestuurde token is ongeldig, verlopen of niet voor deze engine"
                        : "dit verzoek vraagt een token (Authorization: Bearer ...)",
                uitdaging);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange uitwisseling, AccessDeniedException fout) {
        Toegangsbeslissing.reden(uitwisseling, "rol-zonder-toegang");
        return schrijf(uitwisseling, HttpStatus.FORBIDDEN, GEEN_TOEGANG, "Geen toegang",
                "uw rol geeft geen toegang tot dit verzoek", null);
    }

    /**
     * Why a token was refused, in a fixed vocabulary for the security log: Spring's and Nimbus'
     * messages name claims and sometimes their values, so only a category is kept.
     */
    static String soortFout(String bericht) {
        String tekst = bericht == null ? "" : bericht.toLowerCase(java.util.Locale.ROOT)
                .replace("an error occurred while attempting to decode the jwt:", "");
        if (tekst.contains("expired")) {
            return "token-verlopen";
        }
        if (tekst.contains("signature") || tekst.contains("another algorithm") || tekst.contains("no matching key")
                || tekst.contains("unsupported algorithm") || tekst.contains("jws")) {
            return "handtekening-ongeldig";
        }
        if (tekst.contains("malformed") || tekst.contains("serialization") || tekst.contains("parse")
                || tekst.contains("invalid jwt") || tekst.contains("decode")) {
            return "token-onleesbaar";
        }
        if (tekst.contains("iss")) {
            return "uitgever-onjuist";
        }
        if (tekst.contains("nbf") || tekst.contains("not before")) {
            return "token-nog-niet-geldig";
        }
        if (tekst.contains("gebruiker") || tekst.contains("rol") || tekst.contains("bsn")) {
            return "token-inhoud-ongeldig";
        }
        return "token-ongeldig";
    }

    /** The messages of the refusal and its causes: "Failed to validate the token" alone says little. */
    private static String berichten(Throwable fout) {
        StringBuilder tekst = new StringBuilder(reden((AuthenticationException) fout));
        for (Throwable oorzaak = fout.getCause(); oorzaak != null && oorzaak != oorzaak.getCause();
             oorzaak = oorzaak.getCause()) {
            tekst.append(" | ").append(oorzaak.getMessage());
        }
        return tekst.toString();
    }

    private static String reden(AuthenticationException fout) {
        return fout instanceof OAuth2AuthenticationException oauth && oauth.getError() != null
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription() : fout.getMessage();
    }

    private static Mono<Void> schrijf(ServerWebExchange uitwisseling, HttpStatus status, String type, String titel,
                                      String detail, String uitdaging) {
        ServerHttpResponse antwoord = uitwisseling.getResponse();
        if (antwoord.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> probleem = new LinkedHashMap<>();
        probleem.put("type", type);
        probleem.put("title", titel);
        probleem.put("status", status.value());
        probleem.put("detail", detail);
        probleem.put("instance", uitwisseling.getRequest().getPath().value());
        byte[] inhoud;
        try {
            inhoud = JSON.writeValueAsBytes(probleem);
        } catch (JsonProcessingException e) {
            inhoud = ("{\"type\":\"" + type + "\",\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        antwoord.setStatusCode(status);
        antwoord.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        antwoord.getHeaders().setContentLength(inhoud.length);
        if (uitdaging != null) {
            antwoord.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, uitdaging);
        }
        return antwoord.writeWith(Mono.just(antwoord.bufferFactory().wrap(inhoud)));
    }
}
