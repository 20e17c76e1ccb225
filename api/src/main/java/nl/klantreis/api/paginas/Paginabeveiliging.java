package nl.klantreis.api.paginas;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import nl.klantreis.api.beveiliging.Toegangsbeslissing;

/**
 * The security of the pages (ADR 0021): a filter chain of its own, before the API's, for every path
 * that is not the API's ({@link #PAGINAS}). {@code /api/**}, {@code /actuator/**} and the OpenAPI
 * document never reach this chain, so they stay bearer-only exactly as before.
 *
 * <p>Here: a login kept in the web session ({@link Sessieaanmelding}), CSRF tokens on every form,
 * the security headers of {@link #CSP}, and per {@link Paginagebied} the roles that may enter it.
 * Not logged in: to the persona page in local mode; with the OIDC login configured to the identity
 * provider ({@link Oidcaanmelding}); with an external issuer but no OIDC login, the 401 page.
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
                                   ObjectProvider<Paginagebied> gebieden, Environment omgeving, Clock klok,
                                   @Value("${klantreis.beveiliging.klokafwijking:30s}") Duration klokafwijking) {
        Optional<Oidcaanmelding> oidc = Oidcaanmelding.instellingen(omgeving)
                .map(instellingen -> new Oidcaanmelding(instellingen, sessie, fouten, klokafwijking, klok));
        SecurityContextServerLogoutHandler vergeten = new SecurityContextServerLogoutHandler();
        vergeten.setSecurityContextRepository(sessie);
        ServerLogoutHandler uitloggen = oidc
                .map(o -> new DelegatingServerLogoutHandler(o.onthoudIdToken(), vergeten, new WebSessionServerLogoutHandler()))
                .orElseGet(() -> new DelegatingServerLogoutHandler(vergeten, new WebSessionServerLogoutHandler()));
        RedirectServerLogoutSuccessHandler naarStart = new RedirectServerLogoutSuccessHandler();
        naarStart.setLogoutSuccessUrl(URI.create(Lokalemodus.isLokaal(omgeving) ? "/inloggen" : "/"));
        ServerLogoutSuccessHandler naarBuiten = oidc.map(Oidcaanmelding::afmelden).orElse(naarStart);
        http.securityMatcher(PAGINAS)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .securityContextRepository(sessie)
                // Who was logged in, for the security log of a refused page (as the API chain does).
                .addFilterBefore(Toegangsbeslissing.onthouden(), SecurityWebFiltersOrder.AUTHORIZATION)
                // The default: the token in the web session, sent back as the hidden field _csrf
                // (Paginamodel puts it in every page's model, the fragment laag :: csrf writes it).
                .csrf(csrf -> csrf.accessDeniedHandler((exchange, geweigerd) -> fouten.schrijf(exchange, HttpStatus.FORBIDDEN)))
                .logout(uit -> uit
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/uitloggen"))
                        .logoutHandler(uitloggen)
                        .logoutSuccessHandler(naarBuiten))
                .exceptionHandling(uitzondering -> uitzondering
                        .authenticationEntryPoint(ingang(omgeving, oidc, fouten))
                        .accessDeniedHandler((exchange, geweigerd) -> fouten.schrijf(exchange, HttpStatus.FORBIDDEN)))
                .headers(koppen -> koppen
                        .contentSecurityPolicy(csp -> csp.policyDirectives(csp(oidc)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(Mode.DENY)));
        aanmelden(http, oidc);
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
     * How one logs in. Local mode has the persona page ({@link Personapagina}), an ordinary
     * controller, and needs nothing here; with the OIDC login configured Spring's {@code oauth2Login}
     * ({@link Oidcaanmelding#configureer}), which stores its login through {@link Sessieaanmelding}.
     */
    private static void aanmelden(ServerHttpSecurity http, Optional<Oidcaanmelding> oidc) {
        oidc.ifPresent(o -> o.configureer(http));
    }

    /**
     * Where a request without a login goes: the persona page; the OIDC login (which remembers the page
     * to come back to); or, with an external issuer but no OIDC login configured, the 401 page.
     */
    private static ServerAuthenticationEntryPoint ingang(Environment omgeving, Optional<Oidcaanmelding> oidc,
                                                         Foutpaginas fouten) {
        if (oidc.isPresent()) {
            return new RedirectServerAuthenticationEntryPoint(Oidcaanmelding.BEGIN);
        }
        if (Lokalemodus.isLokaal(omgeving)) {
            return new RedirectServerAuthenticationEntryPoint("/inloggen");
        }
        return (exchange, fout) -> fouten.schrijf(exchange, HttpStatus.UNAUTHORIZED);
    }

    /**
     * {@link #CSP}, with the OIDC provider's origin in form-action: Chromium applies form-action to
     * the redirects after a form too, and the logout form ends at the provider (RP-initiated logout).
     */
    static String csp(Optional<Oidcaanmelding> oidc) {
        return oidc.map(o -> CSP.replace("form-action 'self'", "form-action 'self' " + o.herkomst())).orElse(CSP);
    }
}
