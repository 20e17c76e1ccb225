package nl.klantreis.api.paginas;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.web.Databasestoring;
import reactor.core.publisher.Mono;

/**
 * What the layout needs on every page: the municipality's name ({@code gemeente}), who is logged in
 * ({@code persona}, absent when nobody is) and the CSRF token ({@code csrf}, written into each form by
 * the fragment {@code laag :: csrf}). For the page controllers as model attributes, for the error
 * pages through {@link #basis}.
 */
@Component
@ControllerAdvice(basePackages = "nl.klantreis.api.paginas")
class Paginamodel {
    private final String gemeente;
    private final Sessieaanmelding sessie;

    Paginamodel(@Value("${klantreis.paginas.gemeente:Gemeente Voorbeeld}") String gemeente, Sessieaanmelding sessie) {
        this.gemeente = gemeente;
        this.sessie = sessie;
    }

    @ModelAttribute
    Mono<Void> laag(ServerWebExchange exchange, org.springframework.ui.Model model) {
        return basis(exchange).doOnNext(model::addAllAttributes).then();
    }

    /** The layout's model for this exchange (read from the session itself: error pages run outside the filters). */
    Mono<Map<String, Object>> basis(ServerWebExchange exchange) {
        Map<String, Object> model = new HashMap<>();
        model.put("gemeente", gemeente);
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        // The session lives in PostgreSQL (ADR 0027): with the database away the 503 page is shown
        // without a login in its header or a form token, rather than failing in turn (a bare 500).
        Mono<Void> csrf = token == null ? Mono.empty() : token.doOnNext(t -> model.put("csrf", t)).then()
                .onErrorResume(Databasestoring::is, fout -> Mono.empty());
        Mono<Void> persona = sessie.load(exchange)
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(aanmelding -> Persona.uit((JwtAuthenticationToken) aanmelding))
                .doOnNext(p -> model.put("persona", p))
                .then()
                .onErrorResume(Databasestoring::is, fout -> Mono.empty());
        return csrf.then(persona).thenReturn(model);
    }
}
