package nl.klantreis.api.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import reactor.test.StepVerifier;

/** From the claims of a checked token to a {@link Gebruiker}, or a refusal. */
class GebruikersTest {
    private static final String BSN = "999993653";

    @Test
    void rollenVanDeTokenmaker_zijnDeRollenVanDeApi() {
        assertThat(Tokenmaker.ROLLEN).containsExactlyElementsOf(Arrays.stream(Rol.values()).map(Rol::claim).toList());
    }

    @Test
    void burger_krijgtZijnBsn_medewerkerZijnOrganisatieonderdeel() {
        Gebruiker burger = Gebruikers.uitToken(token(t -> t.claim("rol", "burger").claim("bsn", BSN)));
        Gebruiker medewerker = Gebruikers.uitToken(token(t -> t.claim("rol", "medewerker")
                .claim("organisatieonderdeel", "KCC").claim("bsn", BSN)));

        assertThat(burger).isEqualTo(new Gebruiker("actor-1", Rol.BURGER, BSN, null));
        assertThat(burger.toString()).doesNotContain(BSN);
        assertThat(medewerker).isEqualTo(new Gebruiker("actor-1", Rol.MEDEWERKER, null, "KCC"));
    }

    @Test
    void zonderBruikbareRolSubjectOfBsn_geenGebruiker_enGeenNummerInDeMelding() {
        List<Jwt> ongeldig = List.of(
                token(t -> t),
                token(t -> t.claim("rol", "koning")),
                token(t -> t.claim("rol", List.of("bron"))),
                token(t -> t.claim("rol", "burger")),
                token(t -> t.claim("rol", "burger").claim("bsn", "123456789")),
                token(t -> t.claim("rol", "bron").subject(" ")));
        for (Jwt token : ongeldig) {
            assertThatThrownBy(() -> Gebruikers.uitToken(token)).isInstanceOf(Gebruikers.OngeldigeTokeninhoud.class)
                    .message().doesNotContain("123456789");
        }
    }

    @Test
    void aanmelding_draagtDeAutoriteitVanDeRol_ofWordtAlsOngeldigTokenGeweigerd() {
        StepVerifier.create(new TokenNaarAanmelding().convert(token(t -> t.claim("rol", "analist"))))
                .assertNext(aanmelding -> assertThat(aanmelding.getAuthorities())
                        .containsExactly(new SimpleGrantedAuthority("ROLE_ANALIST")))
                .verifyComplete();
        StepVerifier.create(new TokenNaarAanmelding().convert(token(t -> t.claim("rol", "koning"))))
                .expectError(InvalidBearerTokenException.class).verify();
    }

    @Test
    void huidige_leestDeGebruikerUitDeBeveiligingscontext() {
        Jwt token = token(t -> t.claim("rol", "auditor"));
        JwtAuthenticationToken aanmelding = new JwtAuthenticationToken(token,
                List.of(new SimpleGrantedAuthority(Rol.AUDITOR.autoriteit())), "actor-1");

        StepVerifier.create(Gebruikers.huidige().contextWrite(ReactiveSecurityContextHolder.withAuthentication(aanmelding)))
                .expectNext(new Gebruiker("actor-1", Rol.AUDITOR, null, null)).verifyComplete();
        StepVerifier.create(Gebruikers.huidige()).verifyComplete();
    }

    private static Jwt token(UnaryOperator<Jwt.Builder> claims) {
        Instant nu = Instant.now();
        return claims.apply(Jwt.withTokenValue("t").header("alg", "RS256").subject("actor-1").issuedAt(nu)
                .expiresAt(nu.plusSeconds(60))).build();
    }
}
