package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

import nl.klantreis.infrastructuur.TestDatabase;

/**
 * The pages' sessions in PostgreSQL (ADR 0027): what one node stores another reads, an id change
 * leaves nothing of the old id, expiry, and a table that gives away neither ids nor tokens.
 */
class PaginasessiesTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJic24iOiI5OTk5OTM2NTMifQ.handtekening";
    private static DataSource database;
    private JdbcTemplate jdbc;
    private final Instant nu = Instant.parse("2026-12-06T12:00:00Z");

    @BeforeAll
    static void database() {
        database = TestDatabase.nieuweDatabase();
    }

    @BeforeEach
    void leeg() {
        jdbc = new JdbcTemplate(database);
        jdbc.update("DELETE FROM paginasessie");
    }

    private Paginasessies knooppunt(Instant op) {
        return new Paginasessies(jdbc, Duration.ofMinutes(30), Clock.fixed(op, ZoneOffset.UTC));
    }

    @Test
    void watHetEneKnooppuntBewaartLeestHetAndere() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute(Sessieaanmelding.TOKEN, TOKEN);
        sessie.setAttribute("csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "geheim-csrf"));
        sessie.setAttribute("oidc", OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://idp.example/authorize").clientId("klantreis").state("staat")
                .redirectUri("https://gemeente.example/login/oauth2/code/klantreis").build());
        knooppunt(nu).save(sessie).block();

        Paginasessie gelezen = knooppunt(nu.plusSeconds(5)).findById(sessie.getId()).block();
        assertThat(gelezen).isNotNull();
        assertThat((String) gelezen.getAttribute(Sessieaanmelding.TOKEN)).isEqualTo(TOKEN);
        assertThat(((DefaultCsrfToken) gelezen.getAttribute("csrf")).getToken()).isEqualTo("geheim-csrf");
        assertThat(((OAuth2AuthorizationRequest) gelezen.getAttribute("oidc")).getState()).isEqualTo("staat");
        assertThat(gelezen.getCreationTime()).isEqualTo(nu);
        assertThat(gelezen.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void deTabelGeeftGeenIdEnGeenTokenPrijs() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute(Sessieaanmelding.TOKEN, TOKEN);
        knooppunt(nu).save(sessie).block();

        List<Map<String, Object>> rijen = jdbc.queryForList("SELECT sleutel, gegevens FROM paginasessie");
        assertThat(rijen).hasSize(1);
        byte[] sleutel = (byte[]) rijen.get(0).get("sleutel");
        String gegevens = new String((byte[]) rijen.get(0).get("gegevens"), StandardCharsets.ISO_8859_1);
        assertThat(new String(sleutel, StandardCharsets.ISO_8859_1)).doesNotContain(sessie.getId());
        assertThat(gegevens).doesNotContain(sessie.getId()).doesNotContain("999993653").doesNotContain("eyJ")
                .doesNotContain("klantreis.paginas.token");
        // 256 random bits, URL-safe: nothing to guess.
        assertThat(sessie.getId()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void eenNieuweIdNaHetInloggenLaatVanDeOudeNietsOver() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute("vooraf", "x");
        knooppunt(nu).save(sessie).block();
        String oud = sessie.getId();

        Paginasessie geladen = knooppunt(nu).findById(oud).block();
        String nieuw = geladen.changeSessionId();
        geladen.setAttribute(Sessieaanmelding.TOKEN, TOKEN);
        knooppunt(nu).save(geladen).block();

        assertThat(nieuw).isNotEqualTo(oud);
        assertThat(knooppunt(nu).findById(oud).blockOptional()).isEmpty();
        assertThat((String) knooppunt(nu).findById(nieuw).block().getAttribute(Sessieaanmelding.TOKEN)).isEqualTo(TOKEN);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM paginasessie", Integer.class)).isEqualTo(1);
    }

    @Test
    void naDertigMinutenNietsDoenIsDeSessieWeg() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute(Sessieaanmelding.TOKEN, TOKEN);
        knooppunt(nu).save(sessie).block();

        assertThat(knooppunt(nu.plus(Duration.ofMinutes(29))).findById(sessie.getId()).blockOptional()).isPresent();
        assertThat(knooppunt(nu.plus(Duration.ofMinutes(31))).findById(sessie.getId()).blockOptional()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM paginasessie", Integer.class))
                .as("de verlopen rij is meteen weg").isZero();
    }

    @Test
    void opruimenVerwijdertAlleenVerlopenSessies() {
        Paginasessie oud = knooppunt(nu).createSession().block();
        oud.setAttribute("a", "b");
        knooppunt(nu).save(oud).block();
        Paginasessie vers = knooppunt(nu.plus(Duration.ofMinutes(20))).createSession().block();
        vers.setAttribute("a", "b");
        knooppunt(nu.plus(Duration.ofMinutes(20))).save(vers).block();

        assertThat(knooppunt(nu).ruimOp(nu.plus(Duration.ofMinutes(40)))).isEqualTo(1);
        assertThat(knooppunt(nu.plus(Duration.ofMinutes(40))).findById(vers.getId()).blockOptional()).isPresent();
    }

    @Test
    void gebruikZonderVeranderingSchrijftHoogstensEensPerMinuut() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute("a", "b");
        knooppunt(nu).save(sessie).block();
        Paginasessie geladen = knooppunt(nu).findById(sessie.getId()).block();

        geladen.setLastAccessedTime(nu.plusSeconds(30));
        geladen.setAttribute("a", "b");
        assertThat(geladen.moetSchrijven(Paginasessies.GEBRUIK_BIJWERKEN_NA)).isFalse();
        geladen.setLastAccessedTime(nu.plusSeconds(61));
        assertThat(geladen.moetSchrijven(Paginasessies.GEBRUIK_BIJWERKEN_NA)).isTrue();
        knooppunt(nu).save(geladen).block();
        assertThat(jdbc.queryForObject("SELECT laatst_gebruikt FROM paginasessie", java.sql.Timestamp.class).toInstant())
                .isEqualTo(nu.plusSeconds(61));
        geladen.setAttribute("a", "c");
        assertThat(geladen.moetSchrijven(Paginasessies.GEBRUIK_BIJWERKEN_NA)).isTrue();
    }

    @Test
    void eenGeknoeideOfVreemdeRijIsGeenSessie() {
        Paginasessie sessie = knooppunt(nu).createSession().block();
        sessie.setAttribute(Sessieaanmelding.TOKEN, TOKEN);
        knooppunt(nu).save(sessie).block();
        jdbc.update("UPDATE paginasessie SET gegevens = set_byte(gegevens, 20, get_byte(gegevens, 20) # 1)");
        assertThat(knooppunt(nu).findById(sessie.getId()).blockOptional()).isEmpty();

        // What we never write (a type outside the JDK's and Spring Security's) is refused on reading.
        Paginasessie vreemd = knooppunt(nu).createSession().block();
        vreemd.setAttribute("vreemd", new Vreemd());
        knooppunt(nu).save(vreemd).block();
        assertThat(knooppunt(nu).findById(vreemd.getId()).blockOptional()).isEmpty();
        assertThat(knooppunt(nu).findById("geen-bestaande-id").blockOptional()).isEmpty();
        assertThat(knooppunt(nu).findById("x".repeat(5000)).blockOptional()).isEmpty();
    }

    static final class Vreemd implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
