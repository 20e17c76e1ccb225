package nl.klantreis.api.beveiliging;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import reactor.core.publisher.Mono;

/**
 * The user of the current request, from his token. The same reading decides at the door whether
 * a token is usable at all ({@link TokenNaarAanmelding}), so an endpoint that gets a
 * {@link Gebruiker} gets a valid one: a known role, a subject, and for a burger a BSN that passes
 * the elfproef.
 */
public final class Gebruikers {

    private Gebruikers() {
    }

    /** The user of the current request; empty when the request carries no (valid) token. */
    public static Mono<Gebruiker> huidige() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(aanmelding -> uitToken(((JwtAuthenticationToken) aanmelding).getToken()));
    }

    /**
     * The user a token names.
     *
     * @throws OngeldigeTokeninhoud when the token names no subject, no known role, or is a
     *                              burger's without a valid BSN (the message never holds a claim's value)
     */
    static Gebruiker uitToken(Jwt token) {
        String actor = token.getSubject();
        if (actor == null || actor.isBlank()) {
            throw new OngeldigeTokeninhoud("het token noemt geen gebruiker (sub)");
        }
        Rol rol = token.getClaims().get(Tokenmaker.CLAIM_ROL) instanceof String claim
                ? Rol.uitClaim(claim).orElseThrow(() -> new OngeldigeTokeninhoud("het token noemt een onbekende rol"))
                : null;
        if (rol == null) {
            throw new OngeldigeTokeninhoud("het token noemt geen rol");
        }
        String bsn = null;
        if (rol == Rol.BURGER) {
            if (!(token.getClaims().get(Tokenmaker.CLAIM_BSN) instanceof String claim) || !Bsn.isGeldig(claim)) {
                throw new OngeldigeTokeninhoud("een burgertoken zonder geldig BSN");
            }
            bsn = claim;
        }
        // Any other role's bsn claim is ignored: only a burger is identified by his BSN.
        String onderdeel = token.getClaims().get(Tokenmaker.CLAIM_ORGANISATIEONDERDEEL) instanceof String claim
                && !claim.isBlank() ? claim : null;
        return new Gebruiker(actor, rol, bsn, onderdeel);
    }

    /** A token that is signed and current, but does not name a usable user. */
    static final class OngeldigeTokeninhoud extends RuntimeException {
        OngeldigeTokeninhoud(String reden) {
            super(reden, null, false, false);
        }
    }
}
