package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The OIDC login's settings and its ID-token rules without a provider (the browser test has one):
 * the clock skew is the configured 30 s, not Spring's 60 s; the persona page goes as soon as the
 * OIDC login is configured; half a configuration stops the start.
 */
class OidcaanmeldingTest {
    private static final Instant NU = Instant.parse("2026-05-01T10:00:00Z");
    private static final ClientRegistration REGISTRATIE = ClientRegistration.withRegistrationId("klantreis")
            .clientId("klantreis-paginas").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
            .jwkSetUri("https://idp.example/jwks").issuerUri("https://idp.example").build();
    private static final OAuth2TokenValidator<Jwt> REGELS = Oidcaanmelding.idTokenregels(REGISTRATIE,
            Duration.ofSeconds(30), Clock.fixed(NU, ZoneOffset.UTC));

    private static Jwt idToken(String uitgever, String publiek, Instant verloopt) {
        return Jwt.withTokenValue("id").header("alg", "RS256").issuer(uitgever).audience(List.of(publiek))
                .subject("burger-1").issuedAt(verloopt.minus(Duration.ofMinutes(5))).expiresAt(verloopt).build();
    }

    @Test
    void eenIdTokenVanDezeUitgeverVoorDezeClientGeldt() {
        assertThat(REGELS.validate(idToken("https://idp.example", "klantreis-paginas", NU.plusSeconds(300))).hasErrors()).isFalse();
    }

    @Test
    void deKlokafwijkingIsDertigSeconden() {
        assertThat(REGELS.validate(idToken("https://idp.example", "klantreis-paginas", NU.minusSeconds(29))).hasErrors()).isFalse();
        // Spring's default (60 s) would still take this one.
        assertThat(REGELS.validate(idToken("https://idp.example", "klantreis-paginas", NU.minusSeconds(31))).hasErrors()).isTrue();
    }

    @Test
    void eenAndereUitgeverOfEenAnderPubliekGeldtNiet() {
        assertThat(REGELS.validate(idToken("https://elders.example", "klantreis-paginas", NU.plusSeconds(300))).hasErrors()).isTrue();
        assertThat(REGELS.validate(idToken("https://idp.example", "iemand-anders", NU.plusSeconds(300))).hasErrors()).isTrue();
    }

    @Test
    void hetIdTokenIsOndertekendZoalsDeAanbiederZegt() {
        assertThat(Oidcaanmelding.idTokenalgoritme(REGISTRATIE)).isEqualTo(SignatureAlgorithm.RS256);
        assertThat(Oidcaanmelding.idTokenalgoritme(metAlgoritmen("RS256", "ES256"))).isEqualTo(SignatureAlgorithm.RS256);
        assertThat(Oidcaanmelding.idTokenalgoritme(metAlgoritmen("ES256"))).isEqualTo(SignatureAlgorithm.ES256);
        // A MAC or none is never taken: RS256, and a token signed otherwise is refused.
        assertThat(Oidcaanmelding.idTokenalgoritme(metAlgoritmen("HS256", "none"))).isEqualTo(SignatureAlgorithm.RS256);
    }

    private static ClientRegistration metAlgoritmen(String... algoritmen) {
        return ClientRegistration.withClientRegistration(REGISTRATIE)
                .providerConfigurationMetadata(Map.of("id_token_signing_alg_values_supported", List.of(algoritmen))).build();
    }

    @Test
    void zonderClientGeenOidcEnLokaalZonderJwks() {
        MockEnvironment omgeving = new MockEnvironment();
        assertThat(Oidcaanmelding.instellingen(omgeving)).isEmpty();
        assertThat(Lokalemodus.isLokaal(omgeving)).isTrue();
        assertThat(Paginabeveiliging.csp(Optional.empty())).isEqualTo(Paginabeveiliging.CSP);
    }

    @Test
    void eenClientMaaktHetExternMetDeUitgeverVanDeApi() {
        MockEnvironment omgeving = new MockEnvironment()
                .withProperty("klantreis.paginas.oidc.client-id", "klantreis-paginas")
                .withProperty("klantreis.paginas.oidc.scope", "klantreis-api")
                .withProperty("klantreis.beveiliging.jwks-url", "https://idp.example/jwks")
                .withProperty("klantreis.beveiliging.issuer", "https://idp.example:8443/realms/gemeente");
        Oidcaanmelding.Instellingen instellingen = Oidcaanmelding.instellingen(omgeving).orElseThrow();
        assertThat(instellingen.uitgever()).isEqualTo("https://idp.example:8443/realms/gemeente");
        assertThat(instellingen.scopes()).containsExactlyInAnyOrder("openid", "klantreis-api");
        assertThat(Lokalemodus.isLokaal(omgeving)).isFalse();
        Oidcaanmelding oidc = new Oidcaanmelding(instellingen, null, null, Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(Paginabeveiliging.csp(Optional.of(oidc)))
                .contains("form-action 'self' https://idp.example:8443;").contains("frame-ancestors 'none'");
    }

    @Test
    void eenClientZonderUitgeverStoptDeStart() {
        MockEnvironment omgeving = new MockEnvironment().withProperty("klantreis.paginas.oidc.client-id", "klantreis-paginas");
        // Not local (no persona page), and no half OIDC login either: the start stops with the reason.
        assertThat(Lokalemodus.isLokaal(omgeving)).isFalse();
        assertThatThrownBy(() -> Oidcaanmelding.instellingen(omgeving))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("klantreis.beveiliging.issuer");
    }
}
