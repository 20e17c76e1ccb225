package nl.klantreis.api.beveiliging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Checks each distinct token once rather than on every request. A portal's burger sends the same
 * token with every call; parsing it and checking its RSA signature was 14% of the engine's CPU
 * per read (docs/benchmarks.md). A token that passed every check of the wrapped decoder is
 * remembered, keyed by its exact text, until its expiry but at most {@link #HOOGSTENS} (so a key
 * withdrawn from the identity provider's JWKS stops being honoured within minutes, as a refresh of
 * the key set would); a token that failed is never remembered, nor one without an expiry or not
 * yet valid. At most {@link #MAXIMUM} tokens are kept; when full, the memory starts afresh.
 */
final class Tokengeheugen implements ReactiveJwtDecoder {
    static final int MAXIMUM = 20_000;
    static final Duration HOOGSTENS = Duration.ofMinutes(5);

    private final ReactiveJwtDecoder controle;
    private final Clock klok;
    private final ConcurrentHashMap<String, Gecontroleerd> geheugen = new ConcurrentHashMap<>();

    private record Gecontroleerd(Jwt jwt, Instant geldigTot) {
    }

    Tokengeheugen(ReactiveJwtDecoder controle, Clock klok) {
        this.controle = Objects.requireNonNull(controle, "controle");
        this.klok = Objects.requireNonNull(klok, "klok");
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Gecontroleerd bekend = geheugen.get(token);
        if (bekend != null) {
            if (klok.instant().isBefore(bekend.geldigTot())) {
                return Mono.just(bekend.jwt());
            }
            geheugen.remove(token, bekend);
        }
        return controle.decode(token).doOnNext(jwt -> onthoud(token, jwt));
    }

    private void onthoud(String token, Jwt jwt) {
        Instant nu = klok.instant();
        Instant verloopt = jwt.getExpiresAt();
        if (verloopt == null || !nu.isBefore(verloopt) || jwt.getNotBefore() != null && jwt.getNotBefore().isAfter(nu)) {
            return;
        }
        if (geheugen.size() >= MAXIMUM) {
            geheugen.clear();
        }
        Instant uiterlijk = nu.plus(HOOGSTENS);
        geheugen.put(token, new Gecontroleerd(jwt, verloopt.isBefore(uiterlijk) ? verloopt : uiterlijk));
    }

    int aantal() {
        return geheugen.size();
    }
}
