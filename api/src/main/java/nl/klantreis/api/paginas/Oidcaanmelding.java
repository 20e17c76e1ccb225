package nl.klantreis.api.paginas;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages' login in production (ADR 0021, "OIDC"): OpenID Connect ({@code oauth2Login}) at the
 * identity provider the API already trusts ({@code klantreis.beveiliging.issuer}), as the client
 * {@code klantreis.paginas.oidc.client-id}.
 *
 * <p>Spring checks the login itself: state (against the session that started it), nonce, and the ID
 * token's signature, issuer, audience and times, with the clock skew of ADR 0013 instead of Spring's
 * 60 s ({@link #idTokenregels}). Then the session keeps the provider's <em>access token</em> through
 * {@link Sessieaanmelding#meldAan}: the token the API accepts as a bearer token, checked on every
 * page request by the API's own check, role and BSN read from its claims as the API reads them. A
 * login whose access token the API would refuse (no role, a burger without BSN) gets no session.
 *
 * <p>Logout is RP-initiated: after our session is gone the browser goes to the provider's
 * {@code end_session_endpoint} with the ID token as hint, so the provider's session ends too and the
 * next visit asks for a login again instead of silently logging back in.
 */
final class Oidcaanmelding {
    private static final Logger LOG = LoggerFactory.getLogger(Oidcaanmelding.class);

    /** The registration id: it names the login's paths ({@link #BEGIN}, /login/oauth2/code/klantreis). */
    static final String REGISTRATIE = "klantreis";
    /** Where a login starts: Spring redirects from here to the provider. */
    static final String BEGIN = "/oauth2/authorization/" + REGISTRATIE;
    /** The ID token of the login, in the session: the hint of the logout at the provider. */
    static final String ID_TOKEN = "klantreis.paginas.idtoken";
    private static final String UITLOGHINT = Oidcaanmelding.class.getName() + ".uitloghint";
    private static final String OVERDRACHT = Oidcaanmelding.class.getName() + ".overdracht";

    /**
     * The OIDC login's settings.
     *
     * @param uitgever the provider's issuer, the API's {@code klantreis.beveiliging.issuer}
     * @param geheim   the client secret; empty for a public client (then PKCE, no secret)
     */
    record Instellingen(String uitgever, String clientId, String geheim, Set<String> scopes) {
        @Override
        public String toString() {
            return "Instellingen[uitgever=" + uitgever + ", clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }

    private final Instellingen instellingen;
    private final Sessieaanmelding sessie;
    private final Foutpaginas fouten;
    private final Duration klokafwijking;
    private final Clock klok;
    private final Mono<ClientRegistration> registratie;
    private final RedirectServerAuthenticationSuccessHandler terug = new RedirectServerAuthenticationSuccessHandler("/");

    Oidcaanmelding(Instellingen instellingen, Sessieaanmelding sessie, Foutpaginas fouten, Duration klokafwijking,
                   Clock klok) {
        this.instellingen = instellingen;
        this.sessie = sessie;
        this.fouten = fouten;
        this.klokafwijking = klokafwijking;
        this.klok = klok;
        // The provider's metadata (discovery) on first use, kept once found: the engine starts and its
        // API works while the provider is unreachable; a failed look-up is tried again next time.
        this.registratie = Mono.fromCallable(() -> registratie(instellingen))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(fout -> LOG.warn("OIDC: de gegevens van uitgever {} zijn niet op te halen: {}",
                        instellingen.uitgever(), fout.toString()))
                .cache(gevonden -> Duration.ofMillis(Long.MAX_VALUE), fout -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * The settings when the OIDC login is configured ({@code klantreis.paginas.oidc.client-id} set),
     * else empty. It needs the API in external mode with an issuer: the session keeps that issuer's
     * access token and checks it as the API does, so without them no login could ever pass.
     */
    static Optional<Instellingen> instellingen(Environment omgeving) {
        String clientId = omgeving.getProperty("klantreis.paginas.oidc.client-id", "").strip();
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        String jwks = omgeving.getProperty("klantreis.beveiliging.jwks-url", "").strip();
        String uitgever = omgeving.getProperty("klantreis.beveiliging.issuer", "").strip();
        if (jwks.isEmpty() || uitgever.isEmpty()) {
            throw new IllegalStateException("klantreis.paginas.oidc.client-id is gezet: zet ook"
                    + " klantreis.beveiliging.jwks-url en klantreis.beveiliging.issuer van dezelfde uitgever"
                    + " (de pagina's bewaren diens access token en controleren het zoals de API)");
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        Arrays.stream(omgeving.getProperty("klantreis.paginas.oidc.scope", "openid").split("[,\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).forEach(scopes::add);
        return Optional.of(new Instellingen(uitgever, clientId,
                omgeving.getProperty("klantreis.paginas.oidc.client-secret", "").strip(), Set.copyOf(scopes)));
    }

    private static ClientRegistration registratie(Instellingen instellingen) {
        ClientRegistration.Builder bouwer = ClientRegistrations.fromIssuerLocation(instellingen.uitgever())
                .registrationId(REGISTRATIE)
                .clientId(instellingen.clientId())
                .scope(instellingen.scopes());
        if (instellingen.geheim().isEmpty()) {
            bouwer.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            bouwer.clientSecret(instellingen.geheim());
        }
        ClientRegistration registratie = bouwer.build();
        LOG.info("OIDC: inloggen voor de pagina's bij {} als client {}", instellingen.uitgever(), instellingen.clientId());
        return registratie;
    }

    /** The provider's origin: the browser goes there after a form (logout), so the CSP's form-action names it. */
    String herkomst() {
        URI uitgever = URI.create(instellingen.uitgever());
        return uitgever.getScheme() + "://" + uitgever.getRawAuthority();
    }

    /** Adds the OIDC login to the pages' chain. */
    void configureer(ServerHttpSecurity http) {
        ReactiveOidcIdTokenDecoderFactory idTokens = new ReactiveOidcIdTokenDecoderFactory();
        idTokens.setJwtValidatorFactory(registratie -> idTokenregels(registratie, klokafwijking, klok));
        idTokens.setJwsAlgorithmResolver(Oidcaanmelding::idTokenalgoritme);
        OidcAuthorizationCodeReactiveAuthenticationManager controle = new OidcAuthorizationCodeReactiveAuthenticationManager(
                new WebClientReactiveAuthorizationCodeTokenResponseClient(), new OidcReactiveOAuth2UserService());
        controle.setJwtDecoderFactory(idTokens);
        ReactiveClientRegistrationRepository registraties = id -> REGISTRATIE.equals(id) ? registratie : Mono.empty();
        http.oauth2Login(login -> login
                .clientRegistrationRepository(registraties)
                .authorizedClientRepository(new Overdracht())
                .authenticationManager(controle)
                // Spring would keep its OAuth2AuthenticationToken; we keep the access token instead (gelukt).
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authenticationSuccessHandler(this::gelukt)
                .authenticationFailureHandler((uitwisseling, fout) -> mislukt(uitwisseling.getExchange(), fout)));
    }

    /**
     * The ID token's checks: Spring's OIDC rules (iss is the provider's issuer, aud names this client,
     * azp, exp and iat) and nbf, all on the engine's clock with the configured skew (ADR 0013: 30 s)
     * instead of the 60 s Spring allows by default.
     */
    static OAuth2TokenValidator<Jwt> idTokenregels(ClientRegistration registratie, Duration klokafwijking, Clock klok) {
        JwtTimestampValidator tijd = new JwtTimestampValidator(klokafwijking);
        tijd.setClock(klok);
        OidcIdTokenValidator oidc = new OidcIdTokenValidator(registratie);
        oidc.setClockSkew(klokafwijking);
        oidc.setClock(klok);
        return new DelegatingOAuth2TokenValidator<>(tijd, oidc);
    }

    /**
     * The ID token's signature algorithm: RS256 (OIDC's default) when the provider offers it, else
     * the first it offers of those the API accepts for its tokens. Never a MAC or none: the client
     * secret is no key of ours to check a token with.
     */
    static SignatureAlgorithm idTokenalgoritme(ClientRegistration registratie) {
        Object aangeboden = registratie.getProviderDetails().getConfigurationMetadata()
                .get("id_token_signing_alg_values_supported");
        List<String> namen = aangeboden instanceof Collection<?> lijst ? lijst.stream().map(String::valueOf).toList() : List.of();
        if (namen.isEmpty() || namen.contains(SignatureAlgorithm.RS256.getName())) {
            return SignatureAlgorithm.RS256;
        }
        return Stream.of(SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256,
                        SignatureAlgorithm.ES256, SignatureAlgorithm.ES384)
                .filter(algoritme -> namen.contains(algoritme.getName()))
                .findFirst().orElse(SignatureAlgorithm.RS256);
    }

    private Mono<Void> gelukt(WebFilterExchange uitwisseling, Authentication aanmelding) {
        ServerWebExchange exchange = uitwisseling.getExchange();
        OAuth2AuthorizedClient client = exchange.getAttribute(OVERDRACHT);
        if (client == null || !(aanmelding.getPrincipal() instanceof OidcUser gebruiker)) {
            return mislukt(exchange, new IllegalStateException("geen access token of ID token na het inloggen"));
        }
        String idToken = gebruiker.getIdToken().getTokenValue();
        return sessie.meldAan(exchange, client.getAccessToken().getTokenValue())
                .then(exchange.getSession().doOnNext(s -> s.getAttributes().put(ID_TOKEN, idToken)))
                .then(Mono.defer(() -> terug.onAuthenticationSuccess(uitwisseling, aanmelding)))
                .onErrorResume(fout -> fout instanceof JwtException || fout instanceof AuthenticationException, fout -> {
                    // Logged in at the provider, but not someone the API would let in with that token.
                    // Not his subject in the log: some providers make it the BSN.
                    LOG.warn("OIDC: het access token geeft geen toegang: {}", fout.getMessage());
                    return fouten.schrijf(exchange, HttpStatus.FORBIDDEN, "Geen toegang",
                            "U bent ingelogd, maar met dit account kunt u deze pagina's niet gebruiken.");
                });
    }

    /** A login that did not pass (state, nonce, ID token, the provider's answer): the 401 page, no session. */
    private Mono<Void> mislukt(ServerWebExchange exchange, Exception fout) {
        LOG.info("OIDC: inloggen geweigerd: {}", fout.getMessage());
        return fouten.schrijf(exchange, HttpStatus.UNAUTHORIZED, "Inloggen is niet gelukt",
                "Het inloggen is afgebroken of niet gelukt. Ga naar de startpagina om het opnieuw te proberen.");
    }

    /** First of the logout handlers: keeps the ID token for {@link #afmelden} before the session goes. */
    ServerLogoutHandler onthoudIdToken() {
        return (uitwisseling, aanmelding) -> uitwisseling.getExchange().getSession().doOnNext(s -> {
            if (s.getAttributes().get(ID_TOKEN) instanceof String idToken) {
                uitwisseling.getExchange().getAttributes().put(UITLOGHINT, idToken);
            }
        }).then();
    }

    /**
     * After logout: to the provider's end_session_endpoint (RP-initiated logout) with the ID token
     * as hint and our start page as the way back; to the start page itself when the provider has no
     * such endpoint or there was no login.
     */
    ServerLogoutSuccessHandler afmelden() {
        DefaultServerRedirectStrategy omleiding = new DefaultServerRedirectStrategy();
        // Deferred: Spring asks for this handler's Mono before the logout handlers have run.
        return (uitwisseling, aanmelding) -> Mono.defer(() -> {
            ServerWebExchange exchange = uitwisseling.getExchange();
            URI start = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                    .replacePath("/").replaceQuery(null).fragment(null).build().toUri();
            String hint = exchange.getAttribute(UITLOGHINT);
            Mono<URI> doel = hint == null ? Mono.empty() : registratie
                    .flatMap(r -> Mono.justOrEmpty(r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint")))
                    .map(eind -> UriComponentsBuilder.fromUriString(eind.toString())
                            .queryParam("id_token_hint", hint)
                            .queryParam("client_id", instellingen.clientId())
                            .queryParam("post_logout_redirect_uri", start)
                            .encode().build().toUri())
                    .onErrorResume(fout -> Mono.empty());
            return doel.defaultIfEmpty(start).flatMap(uri -> omleiding.sendRedirect(exchange, uri));
        });
    }

    /**
     * Hands the login's tokens from Spring's login filter to {@link #gelukt} within the one callback
     * request, and keeps nothing: no refresh token in the session, the session keeps only the access
     * token (and the ID token for the logout).
     */
    private static final class Overdracht implements ServerOAuth2AuthorizedClientRepository {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registratie, Authentication aanmelding,
                                                                              ServerWebExchange exchange) {
            return Mono.justOrEmpty((T) exchange.getAttribute(OVERDRACHT));
        }

        @Override
        public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication aanmelding,
                                               ServerWebExchange exchange) {
            return Mono.fromRunnable(() -> exchange.getAttributes().put(OVERDRACHT, client));
        }

        @Override
        public Mono<Void> removeAuthorizedClient(String registratie, Authentication aanmelding, ServerWebExchange exchange) {
            return Mono.fromRunnable(() -> exchange.getAttributes().remove(OVERDRACHT));
        }
    }
}
