package nl.klantreis.api.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import nl.klantreis.infrastructuur.Verstelbareklok;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import reactor.core.publisher.Mono;

class TokengeheugenTest {
    private static final Instant NU = Instant.parse("2026-11-23T12:00:00Z");

    /** A decoder that counts its calls; tokens starting with "fout" fail, the rest expire as told. */
    private static final class Tellende implements ReactiveJwtDecoder {
        final List<String> gecontroleerd = new ArrayList<>();
        Duration geldig = Duration.ofHours(1);

        @Override
        public Mono<Jwt> decode(String token) {
            gecontroleerd.add(token);
            if (token.startsWith("fout")) {
                return Mono.error(new BadJwtException("ongeldig"));
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(NU.minusSeconds(5));
            if (!geldig.isNegative()) {
                jwt.expiresAt(NU.plus(geldig));
            }
            return Mono.just(jwt.build());
        }
    }

    private final Tellende controle = new Tellende();
    private final Verstelbareklok klok = new Verstelbareklok(NU);

    private Tokengeheugen geheugen() {
        return new Tokengeheugen(controle, klok, Duration.ZERO);
    }

    @Test
    void eenGoedgekeurdToken_wordtNietBijElkVerzoekOpnieuwGecontroleerd() {
        Tokengeheugen geheugen = geheugen();
        Jwt eerste = geheugen.decode("a").block();
        Jwt tweede = geheugen.decode("a").block();
        geheugen.decode("b").block();

        assertThat(tweede).isSameAs(eerste);
        assertThat(controle.gecontroleerd).containsExactly("a", "b");
    }

    @Test
    void naHoogstensVijfMinuten_ofBijHetVerlopen_wordtHetOpnieuwGecontroleerd() {
        Tokengeheugen geheugen = geheugen();
        geheugen.decode("lang").block();
        klok.zet(NU.plus(Tokengeheugen.HOOGSTENS).minusSeconds(1));
        geheugen.decode("lang").block();
        klok.zet(NU.plus(Tokengeheugen.HOOGSTENS));
        geheugen.decode("lang").block();
        assertThat(controle.gecontroleerd).containsExactly("lang", "lang");

        klok.zet(NU);
        controle.geldig = Duration.ofSeconds(30);
        geheugen.decode("kort").block();
        klok.zet(NU.plusSeconds(30));
        geheugen.decode("kort").block();
        klok.zet(NU.plusSeconds(31));
        geheugen.decode("kort").block();
        assertThat(controle.gecontroleerd).containsExactly("lang", "lang", "kort", "kort");
    }

    // --- the clock skew: the same bound for the first check and a remembered token (ADR 0013) ---

    private static final Duration AFWIJKING = Duration.ofSeconds(30);
    private static final Instant UITGEGEVEN = Instant.parse("2026-11-23T11:00:00Z");
    private static final Instant VERLOOPT = UITGEGEVEN.plus(Duration.ofHours(1));

    static Stream<Arguments> naHetVerlopen() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(1), true),
                Arguments.of(AFWIJKING.minusSeconds(1), true),
                Arguments.of(AFWIJKING, true),
                Arguments.of(AFWIJKING.plusSeconds(1), false),
                Arguments.of(Duration.ofMinutes(10), false));
    }

    @ParameterizedTest(name = "{0} na exp: aangenomen {1}")
    @MethodSource("naHetVerlopen")
    void deEersteControle_neemtEenTokenAanTotExpPlusDeKlokafwijking(Duration na, boolean aangenomen,
                                                                    @TempDir Path map) {
        LokaleSleutel sleutel = LokaleSleutel.laadOfMaak(map);
        String token = new Tokenmaker(sleutel, Clock.fixed(UITGEGEVEN, ZoneOffset.UTC))
                .maak("zaaksysteem", "bron", null, null, Duration.ofHours(1));
        klok.zet(VERLOOPT.plus(na));

        ReactiveJwtDecoder controle = Beveiligingsconfiguratie.lokaal(sleutel, AFWIJKING, true, klok);

        assertAangenomen(controle, token, aangenomen);
    }

    @ParameterizedTest(name = "{0} na exp: aangenomen {1}")
    @MethodSource("naHetVerlopen")
    void eenOnthoudenToken_wordtNooitLangerAangenomenDanBijDeEersteControle(Duration na, boolean aangenomen,
                                                                           @TempDir Path map) {
        LokaleSleutel sleutel = LokaleSleutel.laadOfMaak(map);
        String token = new Tokenmaker(sleutel, Clock.fixed(UITGEGEVEN, ZoneOffset.UTC))
                .maak("zaaksysteem", "bron", null, null, Duration.ofHours(1));
        ReactiveJwtDecoder controle = Beveiligingsconfiguratie.lokaal(sleutel, AFWIJKING, true, klok);
        klok.zet(VERLOOPT.minusSeconds(10));
        assertThat(controle.decode(token).block()).isNotNull();
        assertThat(((Tokengeheugen) controle).aantal()).isEqualTo(1);

        klok.zet(VERLOOPT.plus(na));

        assertAangenomen(controle, token, aangenomen);
    }

    private static void assertAangenomen(ReactiveJwtDecoder controle, String token, boolean aangenomen) {
        if (aangenomen) {
            assertThat(controle.decode(token).block().getSubject()).isEqualTo("zaaksysteem");
        } else {
            assertThatThrownBy(() -> controle.decode(token).block()).isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("expired");
        }
    }

    @Test
    void eenAfgekeurdToken_ofEenZonderVervaltijd_wordtNietOnthouden() {
        Tokengeheugen geheugen = geheugen();
        assertThatThrownBy(() -> geheugen.decode("fout").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> geheugen.decode("fout").block()).isInstanceOf(BadJwtException.class);
        controle.geldig = Duration.ofSeconds(-1);
        geheugen.decode("zonder-exp").block();
        geheugen.decode("zonder-exp").block();

        assertThat(controle.gecontroleerd).containsExactly("fout", "fout", "zonder-exp", "zonder-exp");
        assertThat(geheugen.aantal()).isZero();
    }

    @Test
    void hetGeheugenBlijftBegrensd() {
        Tokengeheugen geheugen = geheugen();
        for (int i = 0; i <= Tokengeheugen.MAXIMUM; i++) {
            geheugen.decode("t" + i).block();
        }
        assertThat(geheugen.aantal()).isBetween(1, Tokengeheugen.MAXIMUM);
    }
}
