package nl.klantreis.api.paginas;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The security of the pages (ADR 0021): a filter chain of its own, before the API's, for every path
 * that is not the API's ({@link #PAGINAS}). {@code /api/**}, {@code /actuator/**} and the OpenAPI
 * document never reach this chain, so they stay bearer-only exactly as before.
 *
 * <p>Here: a login kept in the web session ({@link Sessieaanmelding}), CSRF tokens on every form,
 * the security headers of {@link #CSP}, and per {@link Paginagebied} the roles that may enter it.
 * Not logged in: to the persona page in local mode; with an external issuer to the OIDC login
 * ({@link #aanmelden}, the hook for it).
 */
@Configuration(proxyBeanMethods = false)
class Paginabeveiliging {
    /** Everything that is not the API: the pages, their files and their error pages. */
    static final ServerWebExchangeMatcher PAGINAS = new NegatedServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"));

    /** Open to everyone: the login and the files the pages load. */
    static final List<String> OPEN = List.of("/inloggen", "/vendor/**", "/css/**", "/js/**", "/favicon.ico");

    /**
     * No inline script or style at all (a test keeps the templates so), everything from this origin,
     * no framing, no plugins, forms only to us. {@code data:} images for charts' exports.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    Sessieaanmelding sessieaanmelding(ReactiveJwtDecoder tokens) {
        return new Sessieaanmelding(tokens);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain paginas(ServerHttpSecurity http, Sessieaanmelding sessie, Foutpaginas fouten,
                                   ObjectProvider<Paginagebied> gebieden, Environment omgeving) {
        SecurityContextServerLogoutHandler vergeten = new SecurityContextServerLogoutHandler();
        vergeten.setSecurityContextRepository(sessie);
        RedirectServerLogoutSuccessHandler naarBuiten = new RedirectServerLogoutSuccessHandler();
        naarBuiten.setLogoutSuccessUrl(java.net.URI.create(Lokalemodus.isLokaal(omgeving) ? "/inloggen" : "/"));
        http.securityMatcher(PAGINAS)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .securityContextRepository(sessie)
                // The default: the token in the web session, sent back as the hidden field _csrf
                // (Paginamodel puts it in every page's model, the fragment laag :: csrf writes it).
                .csrf(csrf -> csrf.accessDeniedHandler((exchange, geweigerd) -> fouten.schrijf(exchange, HttpStatus.FORBIDDEN)))
                .logout(uit -> uit
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/uitloggen"))
                        .logoutHandler(new DelegatingServerLogoutHandler(vergeten, new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(naarBuiten))
                .exceptionHandling(uitzondering -> uitzondering
                        .authenticationEntryPoint(ingang(omgeving, fouten))
                        .accessDeniedHandler((exchange, geweigerd) -> fouten.schrijf(exchange, HttpStatus.FORBIDDEN)))
                .headers(koppen -> koppen
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(Mode.DENY)));
        aanmelden(http, omgeving);
        http.authorizeExchange(paden -> {
            paden.pathMatchers(OPEN.toArray(String[]::new)).permitAll();
            gebieden.orderedStream().forEach(gebied -> paden
                    .pathMatchers(gebied.pad(), gebied.pad() + "/**")
                    .hasAnyAuthority(gebied.rollen().stream().map(rol -> rol.autoriteit()).toArray(String[]::new)));
            // The start page, logout and every unknown path: logged in first, then (for an unknown
            // path) the 404 page; who is not logged in learns nothing about which paths exist.
            paden.anyExchange().authenticated();
        });
        return http.build();
    }

    /**
     * How one logs in: the hook for the OIDC login. Local mode has the persona page
     * ({@link Personapagina}) and needs nothing here; with an external issuer the OIDC helper adds
     * {@code http.oauth2Login(...)} here (with a success handler that stores the login through
     * {@link Sessieaanmelding}) and makes {@link #ingang} send to it.
     */
    private static void aanmelden(ServerHttpSecurity http, Environment omgeving) {
        // Local mode: the persona page is an ordinary controller (POST /inloggen), nothing to add.
    }

    /** Where a request without a login goes: the persona page, or (external issuer, no OIDC yet) a 401 page. */
    private static ServerAuthenticationEntryPoint ingang(Environment omgeving, Foutpaginas fouten) {
        if (Lokalemodus.isLokaal(omgeving)) {
            return new RedirectServerAuthenticationEntryPoint("/inloggen");
        }
        return (exchange, fout) -> fouten.schrijf(exchange, HttpStatus.UNAUTHORIZED);
    }
}
