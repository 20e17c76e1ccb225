package nl.klantreis.api.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The door of the API, against the running engine: who gets in with which token, and on which
 * path; refusals as problems; the local key across a restart; and tokens of an external identity
 * provider instead of the local key.
 */
class BeveiligingTest {
    /** Obviously fake, but passes the elfproef. */
    private static final String BSN = "999993653";
    private static final String BATCH = "application/cloudevents-batch+json";
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();
    private static int volgnummer;

    // --- who is let in at all -------------------------------------------------------------

    @Test
    void zonderToken_krijgtEen401Probleem_metBearerUitdaging_zonderSessie() {
        JsonNode probleem = engine.clientZonderToken().post().uri("/api/v1/events").contentType(batch())
                .bodyValue(batchTekst()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:niet-aangemeld");
        assertThat(probleem.path("title").asText()).isEqualTo("Niet aangemeld");
        assertThat(probleem.path("status").asInt()).isEqualTo(401);
        assertZonderInterneNamen(probleem);
    }

    @Test
    void bronToken_wordtAangenomen() {
        JsonNode samenvatting = engine.client(Rol.BRON, null).post().uri("/api/v1/events").contentType(batch())
                .bodyValue(batchTekst()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(samenvatting.path("accepted").asInt()).isPositive();
    }

    @Test
    void burgerTokenOpEvents_krijgtEen403Probleem() {
        JsonNode probleem = engine.client(Rol.BURGER, BSN).post().uri("/api/v1/events").contentType(batch())
                .bodyValue(batchTekst()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:geen-toegang");
        assertThat(probleem.path("title").asText()).isEqualTo("Geen toegang");
        assertThat(probleem.path("status").asInt()).isEqualTo(403);
        assertZonderInterneNamen(probleem);
        assertThat(probleem.toString()).doesNotContain(BSN);
    }

    @Test
    void tokenMetValseHandtekening_wordtGeweigerd() throws Exception {
        RSAKey vals = new RSAKeyGenerator(2048).keyID(engine.sleutel().sleutelId()).generate();
        weigert(onderteken(claims("bron").build(), vals));
    }

    @Test
    void tokenMetVeranderdeInhoud_wordtGeweigerd() throws Exception {
        String[] delen = engine.token(Rol.MEDEWERKER, null).split("\\.");
        String inhoud = new String(java.util.Base64.getUrlDecoder().decode(delen[1]), StandardCharsets.UTF_8)
                .replace("\"medewerker\"", "\"beheerder\"");
        weigert(delen[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(inhoud.getBytes(StandardCharsets.UTF_8)) + "." + delen[2]);
    }

    @Test
    void verlopenToken_wordtGeweigerd() {
        Clock gisteren = Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC);
        weigert(new Tokenmaker(engine.sleutel(), gisteren).maak("zaaksysteem", "bron", null, null));
    }

    @Test
    void tokenZonderVervaltijd_wordtGeweigerd() throws Exception {
        weigert(onderteken(claims("bron").expirationTime(null).build(), engine.sleutel().jwk()));
    }

    @Test
    void tokenVanEenAndereUitgever_wordtGeweigerd() throws Exception {
        weigert(onderteken(claims("bron").issuer("iemand-anders").build(), engine.sleutel().jwk()));
    }

    @Test
    void onbekendeOfOntbrekendeRol_wordtGeweigerd() throws Exception {
        weigert(onderteken(claims("koning").build(), engine.sleutel().jwk()));
        weigert(onderteken(claims("BRON").build(), engine.sleutel().jwk()));
        weigert(onderteken(claims(null).build(), engine.sleutel().jwk()));
        weigert(onderteken(claims("bron").claim("rol", List.of("bron", "beheerder")).build(), engine.sleutel().jwk()));
    }

    @Test
    void burgerZonderGeldigBsn_wordtGeweigerd() throws Exception {
        weigert(onderteken(claims("burger").build(), engine.sleutel().jwk()), "/api/v1/mijnzaken");
        weigert(onderteken(claims("burger").claim("bsn", "123456789").build(), engine.sleutel().jwk()),
                "/api/v1/mijnzaken");
        weigert(onderteken(claims("burger").claim("bsn", 999993653).build(), engine.sleutel().jwk()),
                "/api/v1/mijnzaken");
    }

    @Test
    void tokenZonderSubject_wordtGeweigerd() throws Exception {
        weigert(onderteken(claims("bron").subject(null).build(), engine.sleutel().jwk()));
    }

    @Test
    void onondertekendOfOnleesbaarToken_wordtGeweigerd() {
        weigert(new PlainJWT(claims("bron").build()).serialize());
        weigert("geen-token");
        engine.clientZonderToken().post().uri("/api/v1/events").header(HttpHeaders.AUTHORIZATION, "Basic Ym9uOmJvbg==")
                .contentType(batch()).bodyValue(batchTekst()).exchange().expectStatus().isUnauthorized();
    }

    // --- which role on which path -----------------------------------------------------------

    static Stream<Arguments> padregels() {
        String klantId = "k-onbekend" + UUID.randomUUID().toString().replace("-", "");
        String klantreisId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/v1/mijnzaken", Rol.BURGER, Rol.MEDEWERKER),
                Arguments.of(HttpMethod.GET, "/api/v1/mijnzaken/" + UUID.randomUUID(), Rol.BURGER, Rol.BEHEERDER),
                Arguments.of(HttpMethod.GET, "/api/v1/mijn-gegevens/verwerkingen", Rol.BURGER, Rol.AUDITOR),
                Arguments.of(HttpMethod.POST, "/api/v1/klanten/zoeken", Rol.MEDEWERKER, Rol.ANALIST),
                Arguments.of(HttpMethod.GET, "/api/v1/klanten/" + klantId + "/klantbeeld", Rol.MEDEWERKER, Rol.BURGER),
                Arguments.of(HttpMethod.GET, "/api/v1/klanten/" + klantId + "/klantreizen", Rol.MEDEWERKER, Rol.ANALIST),
                Arguments.of(HttpMethod.GET, "/api/v1/klantreizen/" + klantreisId, Rol.MEDEWERKER, Rol.BURGER),
                Arguments.of(HttpMethod.GET, "/api/v1/klantreizen/" + klantreisId, Rol.ANALIST, Rol.BRON),
                Arguments.of(HttpMethod.GET, "/api/v1/kpi/doorlooptijd", Rol.ANALIST, Rol.MEDEWERKER),
                Arguments.of(HttpMethod.GET, "/api/v1/audit/verwerkingen", Rol.AUDITOR, Rol.BEHEERDER),
                Arguments.of(HttpMethod.GET, "/api/v1/audit/integriteit", Rol.AUDITOR, Rol.ANALIST),
                Arguments.of(HttpMethod.POST, "/api/v1/klanten/" + klantId + "/vergeten", Rol.BEHEERDER, Rol.MEDEWERKER));
    }

    @ParameterizedTest(name = "{0} {1}: {2} mag, {3} niet")
    @MethodSource("padregels")
    void padregel_laatDeRolToe_enWeigertEenAndere(HttpMethod methode, String pad, Rol mag, Rol magNiet) {
        int toegelaten = vraag(methode, pad, mag);
        assertThat(toegelaten).as("%s %s met rol %s", methode, pad, mag).isNotIn(401, 403);

        JsonNode probleem = verzoek(engine.client(magNiet, magNiet == Rol.BURGER ? BSN : null), methode, pad).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:geen-toegang");

        verzoek(engine.clientZonderToken(), methode, pad).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void gezondheidMetriekenEnApiDocumentatie_zijnOpenZonderToken() {
        engine.clientZonderToken().get().uri("/actuator/health").exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
        engine.clientZonderToken().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
        engine.clientZonderToken().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        engine.clientZonderToken().get().uri("/v3/api-docs").exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void watNietIsToegewezen_wordtGeweigerd_ookVoorDeBeheerder() {
        for (Rol rol : Rol.values()) {
            WebTestClient client = engine.client(rol, rol == Rol.BURGER ? BSN : null);
            client.get().uri("/api/v1/events").exchange().expectStatus().isForbidden();
            client.get().uri("/api/v1/onbekend").exchange().expectStatus().isForbidden();
            if (rol != Rol.BRON) {
                client.post().uri("/api/v1/events").contentType(batch()).bodyValue("[]").exchange()
                        .expectStatus().isForbidden();
            }
            client.get().uri("/actuator/metrics").exchange().expectStatus().isForbidden();
        }
        engine.clientZonderToken().get().uri("/api/v1/onbekend").exchange().expectStatus().isUnauthorized();
        engine.clientZonderToken().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    // --- the key ----------------------------------------------------------------------------

    @Test
    void deSleutelOverleeftEenHerstart_eenEerderGemaaktTokenBlijftGeldig() throws Exception {
        String token = engine.token(Rol.BRON, null);
        byte[] sleutelVoor = Files.readAllBytes(LokaleSleutel.bestand(engine.dataMap()));

        engine.herstart();

        assertThat(Files.readAllBytes(LokaleSleutel.bestand(engine.dataMap()))).isEqualTo(sleutelVoor);
        engine.clientZonderToken().post().uri("/api/v1/events").headers(kop -> kop.setBearerAuth(token))
                .contentType(batch()).bodyValue(batchTekst()).exchange().expectStatus().isOk();
    }

    // --- an external identity provider ------------------------------------------------------

    @Test
    void metEenJwksUrl_geldenDeSleutelsVanDeUitgever_enNietDeLokale() throws Exception {
        ECKey uitgeverSleutel = new ECKeyGenerator(Curve.P_256).keyID("idp-1").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).generate();
        byte[] jwks = new JWKSet(uitgeverSleutel.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer uitgever = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        uitgever.createContext("/jwks", uitwisseling -> {
            uitwisseling.getResponseHeaders().set("Content-Type", "application/json");
            uitwisseling.sendResponseHeaders(200, jwks.length);
            uitwisseling.getResponseBody().write(jwks);
            uitwisseling.close();
        });
        uitgever.start();
        String iss = "https://idp.gemeente.test/realms/klantreis";
        try (Testengine extern = Testengine.start(
                "--klantreis.beveiliging.jwks-url=http://127.0.0.1:" + uitgever.getAddress().getPort() + "/jwks",
                "--klantreis.beveiliging.issuer=" + iss)) {
            String vanUitgever = onderteken(claims("bron").issuer(iss).build(), new ECDSASigner(uitgeverSleutel),
                    JWSAlgorithm.ES256, uitgeverSleutel.getKeyID());
            extern.clientZonderToken().post().uri("/api/v1/events").headers(kop -> kop.setBearerAuth(vanUitgever))
                    .contentType(batch()).bodyValue(batchTekst()).exchange().expectStatus().isOk();

            // The engine's own key counts for nothing now (the default client sends a token signed with it).
            extern.client().post().uri("/api/v1/events").contentType(batch()).bodyValue(batchTekst()).exchange()
                    .expectStatus().isUnauthorized();
            assertThat(LokaleSleutel.bestand(extern.dataMap())).exists();

            String andereUitgever = onderteken(claims("bron").issuer("https://elders.test").build(),
                    new ECDSASigner(uitgeverSleutel), JWSAlgorithm.ES256, uitgeverSleutel.getKeyID());
            extern.clientZonderToken().post().uri("/api/v1/events").headers(kop -> kop.setBearerAuth(andereUitgever))
                    .contentType(batch()).bodyValue(batchTekst()).exchange().expectStatus().isUnauthorized();

            String burger = onderteken(claims("burger").issuer(iss).claim("bsn", BSN).build(),
                    new ECDSASigner(uitgeverSleutel), JWSAlgorithm.ES256, uitgeverSleutel.getKeyID());
            extern.clientZonderToken().post().uri("/api/v1/events").headers(kop -> kop.setBearerAuth(burger))
                    .contentType(batch()).bodyValue(batchTekst()).exchange().expectStatus().isForbidden();
        } finally {
            uitgever.stop(0);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private static void weigert(String token) {
        weigert(token, "/api/v1/events");
    }

    private static void weigert(String token, String pad) {
        WebTestClient.RequestHeadersSpec<?> verzoek = pad.equals("/api/v1/events")
                ? engine.clientZonderToken().post().uri(pad).headers(kop -> kop.setBearerAuth(token))
                        .contentType(batch()).bodyValue(batchTekst())
                : engine.clientZonderToken().get().uri(pad).headers(kop -> kop.setBearerAuth(token));
        JsonNode probleem = verzoek.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:niet-aangemeld");
        assertZonderInterneNamen(probleem);
        assertThat(probleem.toString()).doesNotContain(BSN);
    }

    /** The status an allowed role gets (whatever the endpoint makes of an empty engine and a made-up id). */
    private static int vraag(HttpMethod methode, String pad, Rol rol) {
        return verzoek(engine.client(rol, rol == Rol.BURGER ? BSN : null), methode, pad).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private static WebTestClient.RequestHeadersSpec<?> verzoek(WebTestClient client, HttpMethod methode, String pad) {
        if (methode == HttpMethod.POST) {
            return client.post().uri(pad).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"bsn\":\"" + BSN + "\"}");
        }
        return client.method(methode).uri(pad);
    }

    private static void assertZonderInterneNamen(JsonNode probleem) {
        assertThat(probleem.toString()).doesNotContain("org.springframework").doesNotContain("Exception")
                .doesNotContain("nimbus").doesNotContain("trace");
    }

    private static JWTClaimsSet.Builder claims(String rol) {
        Instant nu = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(Tokenmaker.UITGEVER).subject("test-actor")
                .issueTime(Date.from(nu)).expirationTime(Date.from(nu.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
        if (rol != null) {
            claims.claim("rol", rol);
        }
        return claims;
    }

    private static String onderteken(JWTClaimsSet claims, RSAKey sleutel) throws Exception {
        return onderteken(claims, new RSASSASigner(sleutel), JWSAlgorithm.RS256, sleutel.getKeyID());
    }

    private static String onderteken(JWTClaimsSet claims, JWSSigner ondertekenaar, JWSAlgorithm algoritme, String kid)
            throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(algoritme).type(JOSEObjectType.JWT).keyID(kid).build(),
                claims);
        token.sign(ondertekenaar);
        return token.serialize();
    }

    private static MediaType batch() {
        return MediaType.parseMediaType(BATCH);
    }

    /** A batch of messages no other request of this class has sent, so it is accepted, not a duplicate. */
    private static synchronized String batchTekst() {
        return Voorbeelden.alsBatch(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "beveiliging-" + (++volgnummer)).berichten());
    }
}
