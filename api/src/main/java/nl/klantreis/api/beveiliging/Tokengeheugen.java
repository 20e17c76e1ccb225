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
 * remembered, keyed by its exact text, until its expiry plus the clock skew the wrapped decoder
 * allows (exactly the bound of the first check, so a remembered token is never accepted longer than
 * a fresh one would be; ADR 0013) but at most {@link #HOOGSTENS} (so a key
 * withdrawn from the identity provider's JWKS stops being honoured within minutes, as a refresh of
 * the key set would); a token that failed is never remembered, nor one without an expiry or not
 * yet valid. At most {@link #MAXIMUM} tokens are kept; when full, the memory starts afresh.
 */
final class Tokengeheugen implements ReactiveJwtDecoder {
    static final int MAXIMUM = 20_000;
    static final Duration HOOGSTENS = Duration.ofMinutes(5);

    private final ReactiveJwtDecoder controle;
    private final Clock klok;
    private final Duration klokafwijking;
    private final ConcurrentHashMap<String, Gecontroleerd> geheugen = new ConcurrentHashMap<>();

    /**
     * @param uiterlijk the last instant it is still accepted (exp + skew, inclusive, as Spring's
     *                  JwtTimestampValidator counts)
     * @param vergeten  when it must be checked afresh ({@link #HOOGSTENS} after it was), exclusive
     */
    private record Gecontroleerd(Jwt jwt, Instant uiterlijk, Instant vergeten) {
        boolean geldig(Instant nu) {
            return !nu.isAfter(uiterlijk) && nu.isBefore(vergeten);
        }
    }

    /** @param klokafwijking the skew the wrapped decoder allows past exp, never more is remembered */
    Tokengeheugen(ReactiveJwtDecoder controle, Clock klok, Duration klokafwijking) {
        this.controle = Objects.requireNonNull(controle, "controle");
        this.klok = Objects.requireNonNull(klok, "klok");
        this.klokafwijking = Objects.requireNonNull(klokafwijking, "klokafwijking");
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Gecontroleerd bekend = geheugen.get(token);
        if (bekend != null) {
            if (bekend.geldig(klok.instant())) {
                return Mono.just(bekend.jwt());
            }
            geheugen.remove(token, bekend);
        }
        return controle.decode(token).doOnNext(jwt -> onthoud(token, jwt));
    }

    private void onthoud(String token, Jwt jwt) {
        Instant nu = klok.instant();
        Instant verloopt = jwt.getExpiresAt();
        if (verloopt == null || jwt.getNotBefore() != null && jwt.getNotBefore().isAfter(nu)) {
            return;
        }
        Gecontroleerd gecontroleerd = new Gecontroleerd(jwt, verloopt.plus(klokafwijking), nu.plus(HOOGSTENS));
        if (!gecontroleerd.geldig(nu)) {
            return;
        }
        if (geheugen.size() >= MAXIMUM) {
            geheugen.clear();
        }
        geheugen.put(token, gecontroleerd);
    }

    int aantal() {
        return geheugen.size();
    }
}
