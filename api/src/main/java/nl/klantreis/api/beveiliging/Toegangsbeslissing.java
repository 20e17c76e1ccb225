package nl.klantreis.api.beveiliging;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * What the door decided about a request, for the security log (outside the security chain, where
 * neither the token nor the reason of a refusal can be seen): who the valid token named, and why a
 * token was refused, in a small fixed vocabulary (never a claim's value: a burger's token holds his
 * BSN). Kept in the exchange's attributes, which every wrapper of the exchange shares.
 */
public final class Toegangsbeslissing {
    private static final String AANMELDING = Toegangsbeslissing.class.getName() + ".aanmelding";
    private static final String REDEN = Toegangsbeslissing.class.getName() + ".reden";

    private Toegangsbeslissing() {
    }

    /** The user of a valid token, null when the request had none (or the token was refused). */
    public static Gebruiker gebruiker(ServerWebExchange uitwisseling) {
        Object aanmelding = uitwisseling.getAttributes().get(AANMELDING);
        if (aanmelding instanceof JwtAuthenticationToken jwt) {
            try {
                return Gebruikers.uitToken(jwt.getToken());
            } catch (Gebruikers.OngeldigeTokeninhoud e) {
                return null;
            }
        }
        return null;
    }

    /** Why the door refused it (401), or null. */
    public static String reden(ServerWebExchange uitwisseling) {
        return uitwisseling.getAttribute(REDEN);
    }

    static void reden(ServerWebExchange uitwisseling, String reden) {
        uitwisseling.getAttributes().put(REDEN, reden);
    }

    /**
     * The filter that remembers who was logged in, for a security chain of its own (the pages'):
     * without it a refused page would reach the security log without actor and role.
     */
    public static WebFilter onthouden() {
        return new Onthouden();
    }

    /**
     * In the security chain, after authentication: keeps the authentication of a valid token in
     * the exchange, so a 403 or 404 later on can be attributed to its actor.
     */
    static final class Onthouden implements WebFilter {
        @Override
        public Mono<Void> filter(ServerWebExchange uitwisseling, WebFilterChain keten) {
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(Authentication::isAuthenticated)
                    .doOnNext(aanmelding -> uitwisseling.getAttributes().put(AANMELDING, aanmelding))
                    .then(keten.filter(uitwisseling));
        }
    }
}
