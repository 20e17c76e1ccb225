package nl.klantreis.api.beveiliging;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * Who may call what: an OAuth2 resource server that takes JWT bearer tokens, and the role per
 * path of API.md. Tokens come from the local key (the default: {@link LokaleSleutel} in the data
 * directory, tokens minted by {@link Tokenmaker}) or, with {@code klantreis.beveiliging.jwks-url}
 * set, from the municipality's identity provider.
 *
 * <p>No sessions, no CSRF (nothing rides on a cookie), no login form or Basic challenge: every
 * request brings its own token. What this chain does not name is refused under {@code /api} and
 * {@code /actuator}; elsewhere only reading is open (the static pages).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class Beveiligingsconfiguratie {
    private static final Logger LOG = LoggerFactory.getLogger(Beveiligingsconfiguratie.class);

    @Bean
    SecurityWebFilterChain beveiliging(ServerHttpSecurity http, ReactiveJwtDecoder tokens) {
        Toegangsproblemen problemen = new Toegangsproblemen();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterBefore(new Toegangsbeslissing.Onthouden(), SecurityWebFiltersOrder.AUTHORIZATION)
                .exceptionHandling(fouten -> fouten.authenticationEntryPoint(problemen).accessDeniedHandler(problemen))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(tokens).jwtAuthenticationConverter(new TokenNaarAanmelding()))
                        .authenticationEntryPoint(problemen)
                        .accessDeniedHandler(problemen))
                .authorizeExchange(paden -> paden
                        .pathMatchers(HttpMethod.POST, "/api/v1/events").hasAuthority(Rol.BRON.autoriteit())
                        .pathMatchers("/api/v1/mijnzaken", "/api/v1/mijnzaken/**", "/api/v1/mijn-gegevens/**")
                        .hasAuthority(Rol.BURGER.autoriteit())
                        .pathMatchers(HttpMethod.POST, "/api/v1/klanten/zoeken").hasAuthority(Rol.MEDEWERKER.autoriteit())
                        .pathMatchers(HttpMethod.GET, "/api/v1/klanten/*/klantbeeld", "/api/v1/klanten/*/klantreizen")
                        .hasAuthority(Rol.MEDEWERKER.autoriteit())
                        .pathMatchers(HttpMethod.GET, "/api/v1/klantreizen/*")
                        .hasAnyAuthority(Rol.MEDEWERKER.autoriteit(), Rol.ANALIST.autoriteit())
                        .pathMatchers(HttpMethod.GET, "/api/v1/kpi/**").hasAuthority(Rol.ANALIST.autoriteit())
                        .pathMatchers("/api/v1/audit/**").hasAuthority(Rol.AUDITOR.autoriteit())
                        .pathMatchers(HttpMethod.POST, "/api/v1/klanten/*/vergeten").hasAuthority(Rol.BEHEERDER.autoriteit())
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
                                "/v3/api-docs/**").permitAll()
                        .pathMatchers("/api/**", "/actuator/**").denyAll()
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    /**
     * Which tokens are genuine. Local mode: signed with the key in the data directory, issued by
     * {@value Tokenmaker#UITGEVER}. External mode: signed with a key of the identity provider's
     * JWKS (fetched and refreshed by Spring Security), issued by {@code klantreis.beveiliging.issuer}
     * when that is set. Either way the token must carry an expiry, and is refused once that lies more
     * than {@code klantreis.beveiliging.klokafwijking} in the past (default 30 s, ADR 0013). A token that
     * passed is not checked again on every request for a few minutes ({@link Tokengeheugen}).
     */
    @Bean
    ReactiveJwtDecoder tokencontrole(@Value("${klantreis.beveiliging.jwks-url:}") String jwksUrl,
                                     @Value("${klantreis.beveiliging.issuer:}") String uitgever,
                                     @Value("${klantreis.beveiliging.audience:}") String publiek,
                                     @Value("${klantreis.data-map:./data}") String dataMap,
                                     @Value("${klantreis.beveiliging.tokengeheugen:true}") boolean onthouden,
                                     @Value("${klantreis.beveiliging.klokafwijking:30s}") Duration klokafwijking,
                                     java.time.Clock klok) {
        if (jwksUrl.isBlank()) {
            LokaleSleutel sleutel = LokaleSleutel.laadOfMaak(Path.of(dataMap));
            LOG.info("Tokens: lokaal ondertekend, uitgever {}, sleutel {} (kid {}), klokafwijking {}", Tokenmaker.UITGEVER,
                    sleutel.pad(), sleutel.sleutelId(), klokafwijking);
            return lokaal(sleutel, klokafwijking, onthouden, klok);
        }
        List<OAuth2TokenValidator<Jwt>> regels = new ArrayList<>();
        regels.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        regels.add(tijdregel(klokafwijking, klok));
        NimbusReactiveJwtDecoder controle = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUrl)
                .jwsAlgorithms(algoritmen -> algoritmen.addAll(List.of(SignatureAlgorithm.RS256,
                        SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256,
                        SignatureAlgorithm.ES256, SignatureAlgorithm.ES384)))
                .build();
        if (uitgever.isBlank()) {
            LOG.warn("Tokens: van de sleutels op {}, uitgever niet gecontroleerd;"
                    + " zet klantreis.beveiliging.issuer", jwksUrl);
        } else {
            regels.add(new JwtIssuerValidator(uitgever));
            LOG.info("Tokens: van uitgever {}, sleutels op {}, klokafwijking {}", uitgever, jwksUrl, klokafwijking);
        }
        if (!publiek.isBlank()) {
            regels.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(publiek)));
        }
        controle.setJwtValidator(new DelegatingOAuth2TokenValidator<>(regels));
        return onthouden ? new Tokengeheugen(controle, klok, klokafwijking) : controle;
    }

    /**
     * The check of locally signed tokens, on its own so a test can run it on a clock of its
     * choosing: signed with this key (RS256 only), issued by {@value Tokenmaker#UITGEVER}, with an
     * expiry, not past it by more than the clock skew.
     */
    static ReactiveJwtDecoder lokaal(LokaleSleutel sleutel, Duration klokafwijking, boolean onthouden,
                                     java.time.Clock klok) {
        NimbusReactiveJwtDecoder controle = NimbusReactiveJwtDecoder.withPublicKey(sleutel.publiekeSleutel())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        controle.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                tijdregel(klokafwijking, klok),
                new JwtIssuerValidator(Tokenmaker.UITGEVER))));
        return onthouden ? new Tokengeheugen(controle, klok, klokafwijking) : controle;
    }

    /**
     * exp and nbf with the stated skew, on the engine's clock. Spring's default validators allow
     * 60 s on the system clock; this one allows what is configured (ADR 0013), the same bound
     * {@link Tokengeheugen} keeps to.
     */
    private static JwtTimestampValidator tijdregel(Duration klokafwijking, java.time.Clock klok) {
        if (klokafwijking.isNegative()) {
            throw new IllegalArgumentException("klantreis.beveiliging.klokafwijking is niet negatief");
        }
        JwtTimestampValidator regel = new JwtTimestampValidator(klokafwijking);
        regel.setClock(klok);
        return regel;
    }
}
