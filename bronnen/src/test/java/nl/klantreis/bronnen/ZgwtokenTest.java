package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

class ZgwtokenTest {
    private static final String GEHEIM = "een-geheim-van-minstens-tweeendertig-bytes!";

    @Test
    void hetTokenIsEenHs256JwtDatDeBronKanControleren() throws Exception {
        Instant nu = Instant.parse("2026-12-06T10:00:00Z");
        Zgwtoken token = new Zgwtoken("klantreis", GEHEIM, Clock.fixed(nu, ZoneOffset.UTC));

        String kop = token.header();

        assertThat(kop).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(kop.substring("Bearer ".length()));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(GEHEIM))).isTrue();
        assertThat(jwt.verify(new MACVerifier("een-ander-geheim-van-minstens-tweeendertig-bytes"))).isFalse();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("klantreis");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("klantreis");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(nu);
    }

    @Test
    void naEenMinuutKomtErEenNieuwTokenMetEenNieuweIat() throws Exception {
        nl.klantreis.infrastructuur.Verstelbareklok klok = new nl.klantreis.infrastructuur.Verstelbareklok(
                Instant.parse("2026-12-06T10:00:00Z"));
        Zgwtoken token = new Zgwtoken("klantreis", "kort", klok);
        String eerste = token.header();
        klok.verzet(Duration.ofSeconds(30));
        assertThat(token.header()).isEqualTo(eerste);
        klok.verzet(Duration.ofSeconds(31));
        String tweede = token.header();
        assertThat(tweede).isNotEqualTo(eerste);
        assertThat(SignedJWT.parse(tweede.substring(7)).getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(klok.instant());
    }
}
