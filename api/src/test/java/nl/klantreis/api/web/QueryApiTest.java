package nl.klantreis.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * Every query endpoint of API.md through HTTP with real tokens: allowed, forbidden, a burger
 * probing another's zaak (404, and logged), bad parameters (400, each named), time travel, and
 * one processing record per data subject with the caller's trace id.
 */
class QueryApiTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();
    private static Voorbeelden.Kopie kopie;
    private static String klantId;
    private static JsonNode liveHalverwege;
    private static Instant halverwege;

    @BeforeAll
    static void start() throws InterruptedException {
        kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "api");
        List<ObjectNode> berichten = kopie.berichten();
        // Up to and including the opschorting first; what the burger saw then is kept to compare with time travel.
        post(berichten.subList(0, 6));
        engine.wachtOpLeesmodellen();
        liveHalverwege = burger().get().uri("/api/v1/mijnzaken/" + kopie.zaakId()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        halverwege = Instant.now();
        Thread.sleep(20);
        post(berichten.subList(6, berichten.size()));
        engine.wachtOpLeesmodellen();
        klantId = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, kopie.bsn()).waarde();
    }

    @Test
    void burger_zietZijnZaken_enZijnZaakInDetail() {
        JsonNode lijst = get(burger(), "/api/v1/mijnzaken", HttpStatus.OK);
        assertThat(lijst.path("zaken")).hasSize(1);
        assertThat(lijst.path("zaken").get(0).path("beslissingUiterlijk").asText()).isEqualTo("2026-05-08");
        JsonNode detail = get(burger(), "/api/v1/mijnzaken/" + kopie.zaakId(), HttpStatus.OK);
        assertThat(detail.path("statussen")).hasSize(4);
        assertThat(detail.path("afgesloten").path("resultaat").asText()).isEqualTo("toegekend");
    }

    @Test
    void burgerDieEenAndermansZaakProbeert_krijgtHetzelfdeAlsVoorEenOnbestaandeZaak_enWordtGelogd() {
        WebTestClient ander = engine.client(Rol.BURGER, Voorbeelden.geldigBsn(new Random(3)));
        String trace = "0af7651916cd43dd8448eb211c80319c";
        JsonNode andermans = ander.get().uri("/api/v1/mijnzaken/" + kopie.zaakId())
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode onbestaand = get(ander, "/api/v1/mijnzaken/" + java.util.UUID.randomUUID(), HttpStatus.NOT_FOUND);
        assertThat(zonderInstance(andermans)).isEqualTo(zonderInstance(onbestaand));
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM gebruikersaudit WHERE trace_id = ?", Long.class,
                trace)).isEqualTo(1);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM verwerking WHERE trace_id = ?", Long.class,
                trace)).isZero();
    }

    @Test
    void elkAntwoordMetPersoonsgegevens_heeftEenVerwerkingPerBetrokkene_metHetTraceIdVanDeAanroeper() {
        engine.client(Rol.MEDEWERKER, null).get().uri("/api/v1/klanten/" + klantId + "/klantbeeld")
                .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").exchange().expectStatus().isOk()
                .expectHeader().value("traceparent", kop -> assertThat(kop).startsWith("00-" + TRACE + "-"));
        List<String> betrokkenen = engine.jdbc().queryForList("SELECT betrokkene FROM verwerking WHERE trace_id = ?",
                String.class, TRACE);
        assertThat(betrokkenen).containsExactly(klantId);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM gebruikersaudit WHERE trace_id = ?", Long.class,
                TRACE)).isEqualTo(1);
    }

    @Test
    void tijdreis_opDeBekendAs_geeftWatLiveWerdGetoond() {
        JsonNode toen = get(burger(), "/api/v1/mijnzaken/" + kopie.zaakId() + "?tijdas=bekend&alsOp=" + halverwege,
                HttpStatus.OK);
        assertThat(toen).isEqualTo(liveHalverwege);
        assertThat(toen.path("opgeschort").asBoolean()).isTrue();
        JsonNode gebeurd = get(burger(), "/api/v1/mijnzaken/" + kopie.zaakId() + "?alsOp=2026-03-20T11:00:00Z",
                HttpStatus.OK);
        assertThat(gebeurd.path("status").path("code").asText()).isEqualTo("in-behandeling");
        assertThat(gebeurd.path("opgeschort").asBoolean()).isFalse();
        get(burger(), "/api/v1/mijnzaken/" + kopie.zaakId() + "?tijdas=bekend&alsOp=2020-01-01T00:00:00Z",
                HttpStatus.NOT_FOUND);
    }

    @Test
    void ongeldigeParameters_wordenElkGenoemd() {
        JsonNode probleem = get(burger(), "/api/v1/mijnzaken/" + kopie.zaakId() + "?alsOp=gisteren&tijdas=morgen",
                HttpStatus.BAD_REQUEST);
        assertThat(parameters(probleem)).containsExactlyInAnyOrder("alsOp", "tijdas");
        JsonNode kpi = get(engine.client(Rol.ANALIST, null), "/api/v1/kpi/klantreizen?van=maart&peilmoment=x",
                HttpStatus.BAD_REQUEST);
        assertThat(parameters(kpi)).containsExactlyInAnyOrder("van", "tot", "peilmoment");
        assertThat(parameters(get(burger(), "/api/v1/mijnzaken/geen-uuid", HttpStatus.BAD_REQUEST))).containsExactly("zaakId");
    }

    @Test
    void medewerker_zoektKlant_enZiertKlantbeeldEnKlantreizen() {
        WebTestClient medewerker = engine.client(Rol.MEDEWERKER, null);
        JsonNode gevonden = medewerker.post().uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bsn\":\"" + kopie.bsn() + "\"}").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(gevonden.path("klantId").asText()).isEqualTo(klantId);
        medewerker.post().uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bsn\":\"" + Voorbeelden.geldigBsn(new Random(8)) + "\"}").exchange().expectStatus().isNotFound();
        JsonNode ongeldig = medewerker.post().uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bsn\":\"123456789\"}").exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(parameters(ongeldig)).containsExactly("bsn");
        assertThat(ongeldig.toString()).doesNotContain("123456789");

        JsonNode beeld = get(medewerker, "/api/v1/klanten/" + klantId + "/klantbeeld", HttpStatus.OK);
        assertThat(beeld.path("bsn").asText()).isEqualTo(kopie.bsn());
        JsonNode reizen = get(medewerker, "/api/v1/klanten/" + klantId + "/klantreizen", HttpStatus.OK);
        assertThat(reizen.path("klantreizen")).hasSize(1);
        String klantreisId = reizen.path("klantreizen").get(0).path("klantreisId").asText();

        JsonNode voorAnalist = get(engine.client(Rol.ANALIST, null), "/api/v1/klantreizen/" + klantreisId, HttpStatus.OK);
        assertThat(voorAnalist.has("klantId") && !voorAnalist.path("klantId").isNull()).isFalse();
        assertThat(voorAnalist.path("kanaalwissels")).hasSize(2);
        assertThat(get(medewerker, "/api/v1/klantreizen/" + klantreisId, HttpStatus.OK).path("klantId").asText())
                .isEqualTo(klantId);
        get(medewerker, "/api/v1/klanten/k-onbekendeklant00000000000000/klantbeeld", HttpStatus.NOT_FOUND);
    }

    @Test
    void analist_vraagtKpis() {
        WebTestClient analist = engine.client(Rol.ANALIST, null);
        JsonNode klantreizen = get(analist,
                "/api/v1/kpi/klantreizen?van=2026-03-01&tot=2026-04-01&peilmoment=2026-06-01T00:00:00Z", HttpStatus.OK);
        assertThat(klantreizen.path("aantal").asLong()).isEqualTo(2);
        JsonNode ratio = get(analist, "/api/v1/kpi/kanaalwissel-ratio?van=2026-03-01&tot=2026-04-01"
                + "&peilmoment=2026-06-01T00:00:00Z&per=kanaal", HttpStatus.OK);
        assertThat(ratio.path("uitsplitsing").isArray()).isTrue();
        get(analist, "/api/v1/kpi/bestaat-niet?van=2026-03-01&tot=2026-04-01", HttpStatus.NOT_FOUND);
    }

    @Test
    void rollen_dieEenPadNietMogen_krijgen403() {
        List<String[]> verboden = new ArrayList<>();
        verboden.add(new String[] {"MEDEWERKER", "GET", "/api/v1/mijnzaken"});
        verboden.add(new String[] {"ANALIST", "GET", "/api/v1/klanten/" + klantId + "/klantbeeld"});
        verboden.add(new String[] {"BURGER", "GET", "/api/v1/klantreizen/" + java.util.UUID.randomUUID()});
        verboden.add(new String[] {"MEDEWERKER", "GET", "/api/v1/kpi/klantreizen?van=2026-03-01&tot=2026-04-01"});
        verboden.add(new String[] {"ANALIST", "POST", "/api/v1/klanten/" + klantId + "/vergeten"});
        verboden.add(new String[] {"MEDEWERKER", "GET", "/api/v1/audit/integriteit"});
        for (String[] geval : verboden) {
            Rol rol = Rol.valueOf(geval[0]);
            WebTestClient client = engine.client(rol, rol == Rol.BURGER ? kopie.bsn() : null);
            (geval[1].equals("GET") ? client.get().uri(geval[2]) : client.post().uri(geval[2])).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void beheerder_vergeetEenKlant_zijnNummerIsDaarnaNergensMeerTeLezen() {
        Voorbeelden.Kopie ander = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "api-vergeten");
        post(ander.berichten());
        engine.wachtOpLeesmodellen();
        String anderId = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, ander.bsn()).waarde();
        engine.client(Rol.BEHEERDER, null).post().uri("/api/v1/klanten/" + anderId + "/vergeten").exchange()
                .expectStatus().isAccepted();
        engine.wachtOpLeesmodellen();
        // Forgotten: unknown, exactly like a klant the engine never heard of (VergetenZichtTest has the rest).
        JsonNode beeld = get(engine.client(Rol.MEDEWERKER, null), "/api/v1/klanten/" + anderId + "/klantbeeld",
                HttpStatus.NOT_FOUND);
        assertThat(beeld.toString()).doesNotContain(ander.bsn());
        engine.client(Rol.BEHEERDER, null).post().uri("/api/v1/klanten/k-onbekendeklant00000000000000/vergeten")
                .exchange().expectStatus().isNotFound();
    }

    private static WebTestClient burger() {
        return engine.client(Rol.BURGER, kopie.bsn());
    }

    private static JsonNode get(WebTestClient client, String pad, HttpStatus verwacht) {
        return client.get().uri(pad).exchange().expectStatus().isEqualTo(verwacht)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static void post(List<ObjectNode> berichten) {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(berichten)).exchange().expectStatus().isOk();
    }

    private static List<String> parameters(JsonNode probleem) {
        List<String> namen = new ArrayList<>();
        probleem.path("errors").forEach(f -> namen.add(f.path("parameter").asText()));
        return namen;
    }

    private static JsonNode zonderInstance(JsonNode probleem) {
        ObjectNode kopie = probleem.deepCopy();
        kopie.remove("instance");
        return kopie;
    }
}
