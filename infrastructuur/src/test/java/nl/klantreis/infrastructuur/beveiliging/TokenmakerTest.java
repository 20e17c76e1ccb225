package nl.klantreis.infrastructuur.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class TokenmakerTest {
    /** Obviously fake, but passes the elfproef. */
    private static final String BSN = "999993653";
    private static final Instant NU = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    static Path dataMap;
    private static LokaleSleutel sleutel;

    @BeforeAll
    static void sleutel() {
        sleutel = LokaleSleutel.laadOfMaak(dataMap);
    }

    private static Tokenmaker maker() {
        return new Tokenmaker(sleutel, Clock.fixed(NU, ZoneOffset.UTC));
    }

    @Test
    void burgertoken_draagtAlleClaims_enIsOndertekendMetDeLokaleSleutel() throws Exception {
        SignedJWT token = SignedJWT.parse(maker().maak("burger-7f3a", "burger", BSN, null));

        assertThat(token.verify(new RSASSAVerifier(sleutel.publiekeSleutel()))).isTrue();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(sleutel.sleutelId());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("klantreis-lokaal");
        assertThat(claims.getSubject()).isEqualTo("burger-7f3a");
        assertThat(claims.getStringClaim("rol")).isEqualTo("burger");
        assertThat(claims.getStringClaim("bsn")).isEqualTo(BSN);
        assertThat(claims.getClaim("organisatieonderdeel")).isNull();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NU));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NU.plus(Duration.ofHours(8))));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void medewerkertoken_noemtZijnOrganisatieonderdeel_enGeenBsn() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(maker().maak("m.devries", "medewerker", null, "KCC")).getJWTClaimsSet();

        assertThat(claims.getStringClaim("rol")).isEqualTo("medewerker");
        assertThat(claims.getStringClaim("organisatieonderdeel")).isEqualTo("KCC");
        assertThat(claims.getClaims()).doesNotContainKey("bsn");
    }

    @Test
    void geldigheid_isInTeStellen() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(maker().maak("zaaksysteem", "bron", null, null, Duration.ofMinutes(5)))
                .getJWTClaimsSet();

        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NU.plus(Duration.ofMinutes(5))));
    }

    @Test
    void elkToken_heeftEenEigenJti() throws Exception {
        String een = SignedJWT.parse(maker().maak("zaaksysteem", "bron", null, null)).getJWTClaimsSet().getJWTID();
        String ander = SignedJWT.parse(maker().maak("zaaksysteem", "bron", null, null)).getJWTClaimsSet().getJWTID();

        assertThat(een).isNotEqualTo(ander);
    }

    @Test
    void onbekendeRol_wordtGeweigerd() {
        assertThatThrownBy(() -> maker().maak("x", "koning", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onbekende rol");
    }

    @Test
    void burgerZonderGeldigBsn_wordtGeweigerd_zonderHetNummerTeNoemen() {
        assertThatThrownBy(() -> maker().maak("x", "burger", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> maker().maak("x", "burger", "123456789", null))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("123456789");
    }

    @Test
    void bsnBijEenAndereRol_wordtGeweigerd() {
        assertThatThrownBy(() -> maker().maak("x", "medewerker", BSN, null)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(BSN);
    }

    @Test
    void zonderActorOfMetGeldigheidNul_wordtGeweigerd() {
        assertThatThrownBy(() -> maker().maak(" ", "bron", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> maker().maak("x", "bron", null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
