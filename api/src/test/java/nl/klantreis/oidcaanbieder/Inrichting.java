package nl.klantreis.oidcaanbieder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The provider's Spring configuration (Spring Authorization Server, Servlet), in the provider's own
 * process ({@link Oidcaanbieder}); outside {@code nl.klantreis.api}, so the engine's component scan
 * never sees it. A form login with test users, one registered client (the engine), and a token
 * customiser that puts the claims the API reads ({@code rol}, {@code bsn}) in the access token and
 * the ID token, and spoils the ID token of some users on purpose to show the engine refuses it.
 */
@EnableWebSecurity
class Inrichting {

    /** What is wrong with a user's ID token, on purpose. */
    enum Afwijking {
        GEEN, ANDERE_UITGEVER, ANDER_PUBLIEK,
        /** 45 s past exp: outside the engine's 30 s clock skew, inside Spring's default 60 s. */
        VERLOPEN,
        /** 10 s past exp: inside the 30 s clock skew, so still accepted. */
        NET_VERLOPEN
    }

    record Gebruiker(String rol, String bsn, Afwijking afwijking) {
    }

    /** The test users by name; the tests log in with these names. */
    static final Map<String, Gebruiker> GEBRUIKERS = Map.of(
            "inwoner", new Gebruiker("burger", "999990342", Afwijking.GEEN),
            "medewerker", new Gebruiker("medewerker", null, Afwijking.GEEN),
            "zonder-bsn", new Gebruiker("burger", null, Afwijking.GEEN),
            "andere-uitgever", new Gebruiker("burger", "999990342", Afwijking.ANDERE_UITGEVER),
            "ander-publiek", new Gebruiker("burger", "999990342", Afwijking.ANDER_PUBLIEK),
            "verlopen", new Gebruiker("burger", "999990342", Afwijking.VERLOPEN),
            "net-verlopen", new Gebruiker("burger", "999990342", Afwijking.NET_VERLOPEN));

    @Bean
    ServletWebServerFactory webserver() {
        return new TomcatServletWebServerFactory(0);
    }

    /** Tomcat runs the filters (the whole provider) only for a request that some servlet takes. */
    @Bean
    ServletRegistrationBean<HttpServlet> rest() {
        return new ServletRegistrationBean<>(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest verzoek, HttpServletResponse antwoord) {
                antwoord.setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        }, "/");
    }

    @Bean
    @Order(1)
    SecurityFilterChain aanbieder(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(oidc -> oidc.logoutEndpoint(uit -> uit.authenticationProviders(providers ->
                        providers.forEach(p -> {
                            if (p instanceof OidcLogoutAuthenticationProvider logout) {
                                logout.setAuthenticationValidator(Inrichting::terugNaLogout);
                            }
                        })))))
                .authorizeHttpRequests(paden -> paden.anyRequest().authenticated())
                .exceptionHandling(fouten -> fouten.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain inloggen(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(paden -> paden.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService gebruikers() {
        return new InMemoryUserDetailsManager(GEBRUIKERS.keySet().stream()
                .map(naam -> User.withUsername(naam).password("{noop}" + Oidcaanbieder.WACHTWOORD).roles("GEBRUIKER").build())
                .toList());
    }

    /**
     * The engine, a confidential client. Its address is on 127.0.0.1 with a port of the moment: the
     * authorization server ignores a loopback redirect's port (RFC 8252), and {@link #terugNaLogout}
     * does the same for the way back after logout.
     */
    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(Oidcaanbieder.CLIENT_ID)
                .clientSecret("{noop}" + Oidcaanbieder.CLIENT_GEHEIM)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/klantreis")
                .postLogoutRedirectUri("http://127.0.0.1/")
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build())
                .build());
    }

    /** post_logout_redirect_uri as registered, the port of a loopback address aside (as for redirect_uri). */
    private static void terugNaLogout(OidcLogoutAuthenticationContext context) {
        String gevraagd = ((org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken)
                context.getAuthentication()).getPostLogoutRedirectUri();
        if (gevraagd == null) {
            return;
        }
        String zonderPoort = UriComponentsBuilder.fromUriString(gevraagd).port(-1).build().toUriString();
        boolean loopback = "127.0.0.1".equals(UriComponentsBuilder.fromUriString(gevraagd).build().getHost());
        if (!loopback || !context.getRegisteredClient().getPostLogoutRedirectUris().contains(zonderPoort)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "post_logout_redirect_uri", null));
        }
    }

    /** rol and bsn as the API reads them; and the ID token spoiled as the user's {@link Afwijking} says. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            Gebruiker gebruiker = GEBRUIKERS.get(context.getPrincipal().getName());
            if (gebruiker == null) {
                return;
            }
            context.getClaims().claim("rol", gebruiker.rol());
            if (gebruiker.bsn() != null) {
                context.getClaims().claim("bsn", gebruiker.bsn());
            }
            if (!"id_token".equals(context.getTokenType().getValue())) {
                return;
            }
            Instant nu = Instant.now();
            Consumer<Integer> verlopenSinds = seconden -> context.getClaims()
                    .issuedAt(nu.minus(Duration.ofMinutes(5))).expiresAt(nu.minusSeconds(seconden));
            switch (gebruiker.afwijking()) {
                case ANDERE_UITGEVER -> context.getClaims().issuer("https://elders.example");
                case ANDER_PUBLIEK -> context.getClaims().audience(List.of("iemand-anders"));
                case VERLOPEN -> verlopenSinds.accept(45);
                case NET_VERLOPEN -> verlopenSinds.accept(10);
                case GEEN -> { }
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> sleutels() throws Exception {
        KeyPairGenerator maker = KeyPairGenerator.getInstance("RSA");
        maker.initialize(2048);
        KeyPair paar = maker.generateKeyPair();
        RSAKey sleutel = new RSAKey.Builder((RSAPublicKey) paar.getPublic()).privateKey((RSAPrivateKey) paar.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(sleutel));
    }

    /** The userinfo endpoint checks its bearer tokens with the provider's own keys. */
    @Bean
    JwtDecoder tokencontrole(JWKSource<SecurityContext> sleutels) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(sleutels);
    }

    @Bean
    AuthorizationServerSettings instellingen() {
        return AuthorizationServerSettings.builder().build();
    }
}
