package nl.klantreis.api.paginas;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import nl.klantreis.api.beveiliging.TokenNaarAanmelding;
import reactor.core.publisher.Mono;

/**
 * The login of the pages, kept in the web session: the session holds the token itself, and every
 * request checks it again with the API's own token check ({@link ReactiveJwtDecoder}) and reads
 * role and BSN from it as the API does ({@link TokenNaarAanmelding}). So a page is authorised
 * exactly as a bearer request with that token would be, and the session ends with the token
 * (its expiry, the clock skew of ADR 0013), not later.
 *
 * <p>Both logins end in {@link #meldAan}: the persona page with a token signed by the local key, the
 * OIDC login ({@link Oidcaanmelding}) with the provider's access token. A login that is no token is
 * kept as Spring keeps it, whole in the session (nothing of ours makes one).
 */
final class Sessieaanmelding implements ServerSecurityContextRepository {
    static final String TOKEN = "klantreis.paginas.token";

    private final ReactiveJwtDecoder tokens;
    private final TokenNaarAanmelding aanmelding = new TokenNaarAanmelding();
    private final WebSessionServerSecurityContextRepository anders = new WebSessionServerSecurityContextRepository();

    Sessieaanmelding(ReactiveJwtDecoder tokens) {
        this.tokens = tokens;
    }

    /**
     * Logs in with this token: checked as the API checks a bearer token, then kept in the session
     * under a new session id (an id planted before the login is worth nothing after it). Fails with
     * the check's error when the API would refuse the token (expired, another issuer, no usable role,
     * a burger without a valid BSN), and then nothing is kept.
     */
    Mono<Void> meldAan(ServerWebExchange exchange, String token) {
        return tokens.decode(token)
                .flatMap(aanmelding::convert)
                .flatMap(ingelogd -> exchange.getSession().flatMap(WebSession::changeSessionId)
                        .then(save(exchange, new SecurityContextImpl(ingelogd))));
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        if (context != null && context.getAuthentication() instanceof JwtAuthenticationToken token) {
            return exchange.getSession().doOnNext(sessie -> {
                sessie.getAttributes().put(TOKEN, token.getToken().getTokenValue());
                sessie.getAttributes().remove(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
            }).then();
        }
        return exchange.getSession().doOnNext(sessie -> sessie.getAttributes().remove(TOKEN))
                .then(anders.save(exchange, context));
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(sessie -> {
            Object token = sessie.getAttributes().get(TOKEN);
            if (!(token instanceof String waarde)) {
                return anders.load(exchange);
            }
            return tokens.decode(waarde)
                    .flatMap(aanmelding::convert)
                    .<SecurityContext>map(SecurityContextImpl::new)
                    // Expired or no longer valid (a new key): logged out, not an error page.
                    .onErrorResume(fout -> fout instanceof JwtException || fout instanceof AuthenticationException, fout -> {
                        sessie.getAttributes().remove(TOKEN);
                        return Mono.empty();
                    });
        });
    }
}
