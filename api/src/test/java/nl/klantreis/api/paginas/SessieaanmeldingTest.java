package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/**
 * The session keeps the token, not the verdict: each request checks it again, and a token that no
 * longer passes (expired, another key) logs the user out instead of failing the page.
 */
class SessieaanmeldingTest {
    private static final Jwt TOKEN = new Jwt("het-token", Instant.now(), Instant.now().plusSeconds(60),
            Map.of("alg", "RS256"), Map.of("sub", "persona-analist", "rol", "analist"));

    @Test
    void deSessieBewaartHetTokenEnControleertHetBijElkVerzoek() {
        boolean[] geldig = {true};
        Sessieaanmelding sessie = new Sessieaanmelding(waarde -> {
            assertThat(waarde).isEqualTo("het-token");
            return geldig[0] ? Mono.just(TOKEN) : Mono.error(new BadJwtException("verlopen"));
        });
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        sessie.save(exchange, new SecurityContextImpl(new JwtAuthenticationToken(TOKEN,
                List.of(new SimpleGrantedAuthority("ROLE_ANALIST"))))).block();

        assertThat(exchange.getSession().block().getAttributes()).containsEntry(Sessieaanmelding.TOKEN, "het-token");
        assertThat(sessie.load(exchange).block().getAuthentication().getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ANALIST");

        geldig[0] = false;
        assertThat(sessie.load(exchange).blockOptional()).isEmpty();
        assertThat(exchange.getSession().block().getAttributes()).doesNotContainKey(Sessieaanmelding.TOKEN);
    }

    @Test
    void uitloggenWistHetToken() {
        Sessieaanmelding sessie = new Sessieaanmelding(waarde -> Mono.just(TOKEN));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        sessie.save(exchange, new SecurityContextImpl(new JwtAuthenticationToken(TOKEN, List.of()))).block();
        sessie.save(exchange, null).block();
        assertThat(sessie.load(exchange).blockOptional()).isEmpty();
    }
}
