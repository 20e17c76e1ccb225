package nl.klantreis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The security log over HTTP: each kind of refusal (no token, a forged, an unsigned, an expired
 * token, a role without access, a burger's probe of a zaak not his) is visible to the auditor
 * through {@code /api/v1/audit/toegangsweigeringen}, with its trace id, and never with the BSN or
 * the token; and under a flood the log stays bounded.
 */
class ToegangsweigeringenTest {
    private static final String BSN = "999993653";
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void zonderToken_isEen401MetRedenGeenToken_zichtbaarVoorDeAuditor() {
        UUID zaak = UUID.randomUUID();
        String trace = nieuweTrace();
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken/" + zaak).header("traceparent", traceparent(trace))
                .exchange().expectStatus().isUnauthorized();

        JsonNode regel = regelVan(trace);
        assertThat(regel.path("soort").asText()).isEqualTo("niet-aangemeld");
        assertThat(regel.path("status").asInt()).isEqualTo(401);
        assertThat(regel.path("reden").asText()).isEqualTo("geen-token");
        assertThat(regel.path("methode").asText()).isEqualTo("GET");
        assertThat(regel.path("pad").asText()).isEqualTo("/api/v1/mijnzaken/{zaakId}");
        assertThat(regel.path("object").asText()).isEqualTo(zaak.toString());
        assertThat(regel.path("adres").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(regel.path("aantal").asLong()).isEqualTo(1);
        assertThat(regel.has("actor")).isFalse();
        assertThat(regel.path("tijdstip").asText()).endsWith("Z");
    }

    @Test
    void eenVervalstToken_getekendMetEenAndereSleutel_isEen401() throws Exception {
        RSAKey vals = new RSAKeyGenerator(2048).keyID(engine.sleutel().sleutelId()).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(vals.getKeyID()).build(),
                claims(Rol.BURGER).build());
        jwt.sign(new RSASSASigner(vals));
        JsonNode regel = geweigerdMet(jwt.serialize());
        assertThat(regel.path("reden").asText()).isEqualTo("handtekening-ongeldig");
        assertThat(regel.has("actor")).as("een ongeldig token noemt niemand").isFalse();
    }

    @Test
    void eenOnondertekendToken_algNone_isEen401() {
        JsonNode regel = geweigerdMet(new PlainJWT(claims(Rol.BURGER).build()).serialize());
        assertThat(regel.path("reden").asText()).isIn("handtekening-ongeldig", "token-onleesbaar");
    }

    @Test
    void eenVerlopenToken_isEen401MetRedenVerlopen() {
        Clock gisteren = Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC);
        JsonNode regel = geweigerdMet(new Tokenmaker(engine.sleutel(), gisteren).maak("p-1", "burger", BSN, null));
        assertThat(regel.path("reden").asText()).isEqualTo("token-verlopen");
    }

    @Test
    void eenRolZonderToegang_isEen403_metDeActorUitHetToken() {
        String trace = nieuweTrace();
        engine.client(Rol.MEDEWERKER, null).get().uri("/api/v1/mijnzaken").header("traceparent", traceparent(trace))
                .exchange().expectStatus().isForbidden();

        JsonNode regel = regelVan(trace);
        assertThat(regel.path("soort").asText()).isEqualTo("geen-toegang");
        assertThat(regel.path("status").asInt()).isEqualTo(403);
        assertThat(regel.path("reden").asText()).isEqualTo("rol-zonder-toegang");
        assertThat(regel.path("actor").asText()).isEqualTo("test-medewerker");
        assertThat(regel.path("rol").asText()).isEqualTo("medewerker");
        assertThat(regel.path("pad").asText()).isEqualTo("/api/v1/mijnzaken");
    }

    @Test
    void eenBurgerDieNaarEenZaakVanEenAnderVraagt_isEen404_zichtbaarVoorDeAuditor_zonderBsn() {
        UUID zaak = UUID.randomUUID();
        String trace = nieuweTrace();
        engine.client(Rol.BURGER, BSN).get().uri("/api/v1/mijnzaken/" + zaak).header("traceparent", traceparent(trace))
                .exchange().expectStatus().isNotFound();

        JsonNode regel = regelVan(trace);
        assertThat(regel.path("soort").asText()).isEqualTo("niet-gevonden");
        assertThat(regel.path("status").asInt()).isEqualTo(404);
        assertThat(regel.path("actor").asText()).isEqualTo("test-burger");
        assertThat(regel.path("rol").asText()).isEqualTo("burger");
        assertThat(regel.path("pad").asText()).isEqualTo("/api/v1/mijnzaken/{zaakId}");
        assertThat(regel.path("object").asText()).isEqualTo(zaak.toString());

        JsonNode alles = lijst("?soort=niet-gevonden&actor=test-burger");
        assertThat(alles.toString()).doesNotContain(BSN);
        assertThat(alles.path("toegangsweigeringen").findValuesAsText("soort")).containsOnly("niet-gevonden");
    }

    @Test
    void hetAntwoordHoudtNooitEenBsnOfToken_ookNietAlsDieInHetPadStaat() {
        String token = engine.token(Rol.MEDEWERKER, null);
        String trace = nieuweTrace();
        engine.clientZonderToken().get().uri("/api/v1/klanten/" + BSN + "/klantbeeld")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                .header("traceparent", traceparent(trace)).exchange().expectStatus().isUnauthorized();

        JsonNode regel = regelVan(trace);
        assertThat(regel.path("pad").asText()).isEqualTo("/api/v1/klanten/{klantId}/klantbeeld");
        assertThat(regel.has("object")).isFalse();
        JsonNode alles = lijst("");
        assertThat(alles.toString()).doesNotContain(BSN).doesNotContain(token.substring(0, 40));
        Integer rijenMetBsn = engine.jdbc().queryForObject("select count(*) from toegangsweigering t"
                + " where t::text like ?", Integer.class, "%" + BSN + "%");
        assertThat(rijenMetBsn).isZero();
    }

    @Test
    void filtersEnBladeren() {
        for (int i = 0; i < 3; i++) {
            engine.client(Rol.ANALIST, null).get().uri("/api/v1/mijnzaken/" + UUID.randomUUID())
                    .exchange().expectStatus().isForbidden();
        }
        JsonNode eerste = lijst("?actor=test-analist&soort=geen-toegang&limiet=2");
        assertThat(eerste.path("toegangsweigeringen")).hasSize(2);
        assertThat(eerste.path("meer").asBoolean()).isTrue();
        long laatste = eerste.path("toegangsweigeringen").get(1).path("volgnummer").asLong();
        JsonNode tweede = lijst("?actor=test-analist&soort=geen-toegang&limiet=2&voor=" + laatste);
        assertThat(tweede.path("toegangsweigeringen")).isNotEmpty();
        assertThat(tweede.path("toegangsweigeringen").get(0).path("volgnummer").asLong()).isLessThan(laatste);

        String nu = Instant.now().plusSeconds(60).toString();
        assertThat(lijst("?van=" + nu).path("toegangsweigeringen")).isEmpty();

        JsonNode fout = auditor().get().uri("/api/v1/audit/toegangsweigeringen?soort=boos&voor=-1&van=gisteren")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(fout.path("errors").findValuesAsText("parameter")).containsExactlyInAnyOrder("soort", "voor", "van");
    }

    @Test
    void alleenDeAuditorZietHetToegangslog_enDieWeigeringStaatErZelfIn() {
        String trace = nieuweTrace();
        engine.client(Rol.BEHEERDER, null).get().uri("/api/v1/audit/toegangsweigeringen")
                .header("traceparent", traceparent(trace)).exchange().expectStatus().isForbidden();
        assertThat(regelVan(trace).path("pad").asText()).isEqualTo("/api/v1/audit/toegangsweigeringen");
    }

    @Test
    void eenVloedVanWeigeringenOverHttp_wordtSamengevoegdTotEnkeleRegels() {
        UUID zaak = UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            engine.clientZonderToken().get().uri("/api/v1/mijnzaken/" + zaak).exchange().expectStatus().isUnauthorized();
        }
        engine.bean(Toegangslog.class).schrijfWeg();
        List<Long> aantallen = engine.jdbc().queryForList("select aantal from toegangsweigering where object = ?",
                Long.class, zaak.toString());
        // One row per minute: two when the flood straddled a minute boundary.
        assertThat(aantallen).hasSizeBetween(1, 2);
        assertThat(aantallen.stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    }

    @Test
    void eenVloedMetSteedsAndereAfzenders_blijftBegrensd_tellingKlopt_enDeMetriekenTonenWatSamenging() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Instant minuut = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(60L * ThreadLocalRandom.current().nextInt(100_000));
        Toegangslog log = new Toegangslog(engine.database(), meters, Clock.fixed(minuut, ZoneOffset.UTC),
                Duration.ofHours(1), 5, Duration.ofDays(90000));
        try {
            for (int i = 0; i < 20_000; i++) {
                log.meld(new Toegangslog.Weigering(minuut.plusMillis(i), "niet-aangemeld", 401, "geen-token", null, null,
                        "10.0." + (i / 256 % 256) + "." + (i % 256), "GET", "/api/v1/mijnzaken", null, nieuweTrace()));
                for (int j = 0; j < 2; j++) {
                    log.meld(new Toegangslog.Weigering(minuut.plusMillis(i), "niet-aangemeld", 401, "token-verlopen",
                            null, null, "10.9.9.9", "GET", "/api/v1/mijnzaken", null, nieuweTrace()));
                }
                assertThat(log.open()).isLessThanOrEqualTo(5 + 1);
            }
            log.schrijfWeg();
        } finally {
            log.destroy();
        }
        List<Long> aantallen = engine.jdbc().queryForList("select aantal from toegangsweigering where minuut = ?",
                Long.class, java.sql.Timestamp.from(minuut));
        assertThat(aantallen).hasSize(5 + 1);
        assertThat(aantallen.stream().mapToLong(Long::longValue).sum()).isEqualTo(60_000);
        Long overloop = engine.jdbc().queryForObject("select aantal from toegangsweigering where minuut = ? and reden = ?",
                Long.class, java.sql.Timestamp.from(minuut), Toegangslog.OVERLOOP);
        // The first 4 addresses and the one repeated refusal got rows of their own; the rest overflowed.
        assertThat(overloop).isEqualTo(20_000 - 4);
        assertThat(meters.get("klantreis.toegang.overloop").counter().count()).isEqualTo(20_000 - 4);
        assertThat(meters.get("klantreis.toegang.samengevoegd").counter().count()).isEqualTo(40_000 - 1);
        assertThat(meters.get("klantreis.toegang.weigeringen").counter().count()).isEqualTo(60_000);
        assertThat(meters.get("klantreis.toegang.verloren").counter().count()).isZero();
    }

    @Test
    void geweigerdVoorDeRoutering_teltInDeMetriekenOnderHetSjabloon_nietOnderUnknown() {
        engine.clientZonderToken().get().uri("/api/v1/klantreizen/" + UUID.randomUUID()).exchange()
                .expectStatus().isUnauthorized();
        engine.client(Rol.BURGER, BSN).get().uri("/api/v1/bestaat-niet/" + UUID.randomUUID()).exchange()
                .expectStatus().isForbidden();
        String metrieken = engine.clientZonderToken().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> regels = metrieken.lines().filter(r -> r.startsWith("http_server_requests_seconds_count")).toList();
        assertThat(regels).noneMatch(r -> r.contains("uri=\"UNKNOWN\""));
        assertThat(regels).anyMatch(r -> r.contains("status=\"401\"") && r.contains("uri=\"/api/v1/klantreizen/{"));
        assertThat(regels).anyMatch(r -> r.contains("status=\"403\"") && r.contains("uri=\"/api/**\""));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static JsonNode geweigerdMet(String token) {
        String trace = nieuweTrace();
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("traceparent", traceparent(trace))
                .exchange().expectStatus().isUnauthorized();
        JsonNode regel = regelVan(trace);
        assertThat(regel.path("soort").asText()).isEqualTo("niet-aangemeld");
        assertThat(regel.path("status").asInt()).isEqualTo(401);
        assertThat(lijst("").toString()).doesNotContain(token).doesNotContain(BSN);
        return regel;
    }

    private static JWTClaimsSet.Builder claims(Rol rol) {
        Instant nu = Instant.now();
        return new JWTClaimsSet.Builder().issuer(Tokenmaker.UITGEVER).subject("p-vals").claim("rol", rol.claim())
                .claim("bsn", BSN).issueTime(Date.from(nu)).expirationTime(Date.from(nu.plusSeconds(600)));
    }

    private static JsonNode regelVan(String trace) {
        List<JsonNode> gevonden = new ArrayList<>();
        lijst("").path("toegangsweigeringen").forEach(regel -> {
            if (trace.equals(regel.path("traceId").asText())) {
                gevonden.add(regel);
            }
        });
        assertThat(gevonden).as("de weigering van trace " + trace).hasSize(1);
        return gevonden.get(0);
    }

    private static JsonNode lijst(String query) {
        return auditor().get().uri("/api/v1/audit/toegangsweigeringen" + query).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static WebTestClient auditor() {
        return engine.client(Rol.AUDITOR, null);
    }

    private static String nieuweTrace() {
        ThreadLocalRandom toeval = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(toeval.nextLong() | 1) + HexFormat.of().toHexDigits(toeval.nextLong());
    }

    private static String traceparent(String trace) {
        return "00-" + trace + "-00f067aa0ba902b7-01";
    }
}
