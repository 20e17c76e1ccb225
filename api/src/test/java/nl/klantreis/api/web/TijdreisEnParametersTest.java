package nl.klantreis.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * Issue 9, items 6 and 7, through HTTP: every bad query or path parameter of every GET is a 400
 * problem naming it, extreme moments included (never a 503); and a time-travel answer about a
 * story sent today shows the past, not today ({@code laatstGewijzigd}, klantreizen), with
 * {@code alsOp} taking a date as the tools' {@code --alsop} does.
 */
class TijdreisEnParametersTest {
    private static final String HEEL_LAAT = "+999999999-12-31T23:59:59Z";
    private static final String HEEL_VROEG = "-999999999-01-01T00:00:00Z";
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();
    private static Voorbeelden.Kopie kopie;
    private static String klantId;

    @BeforeAll
    static void start() {
        kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "tijdreis");
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
        klantId = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, kopie.bsn()).waarde();
    }

    @Test
    void extremeEnKapotteWaarden_zijn400_metDeParameterGenoemd() {
        String zaak = "/api/v1/mijnzaken/" + kopie.zaakId();
        String lang = "2026-03-10".repeat(300);
        WebTestClient burger = engine.client(Rol.BURGER, kopie.bsn());
        WebTestClient medewerker = engine.client(Rol.MEDEWERKER, null);
        WebTestClient analist = engine.client(Rol.ANALIST, null);
        WebTestClient auditor = engine.client(Rol.AUDITOR, null);

        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", HEEL_LAAT);
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", HEEL_VROEG);
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", "");
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", lang);
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", "２０２６-03-10");
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}", "1899-12-31");
        fout(burger, "alsOp", "/api/v1/mijnzaken?alsOp={a}&alsOp={b}", "2026-03-10", "2026-03-11");
        fout(burger, "tijdas", "/api/v1/mijnzaken?tijdas={t}", "");
        fout(burger, "tijdas", "/api/v1/mijnzaken?tijdas={t}", "bekénd");
        fout(burger, "tijdas", "/api/v1/mijnzaken?tijdas={t}&tijdas={u}", "bekend", "bekend");
        fout(burger, "alsOp", zaak + "?alsOp={a}", HEEL_LAAT);
        fout(burger, "alsOp", zaak + "?alsOp={a}", HEEL_VROEG);
        fout(burger, "zaakId", "/api/v1/mijnzaken/{z}", "1-1-1-1-1");
        fout(burger, "zaakId", "/api/v1/mijnzaken/{z}", "ẞ");
        fout(burger, "zaakId", "/api/v1/mijnzaken/{z}/updates", "geen-uuid");

        fout(medewerker, "alsOp", "/api/v1/klanten/" + klantId + "/klantbeeld?alsOp={a}", HEEL_VROEG);
        fout(medewerker, "alsOp", "/api/v1/klanten/" + klantId + "/klantbeeld?alsOp={a}", HEEL_LAAT);
        fout(medewerker, "tijdas", "/api/v1/klanten/" + klantId + "/klantbeeld?tijdas={t}", "nu");
        fout(medewerker, "alsOp", "/api/v1/klanten/" + klantId + "/klantreizen?alsOp={a}", HEEL_LAAT);
        fout(medewerker, "klantId", "/api/v1/klanten/{k}/klantbeeld", "k-é");
        fout(medewerker, "klantId", "/api/v1/klanten/{k}/klantreizen", "x".repeat(2000));
        fout(medewerker, "alsOp", "/api/v1/klantreizen/" + java.util.UUID.randomUUID() + "?alsOp={a}", HEEL_VROEG);
        fout(medewerker, "klantreisId", "/api/v1/klantreizen/{r}", "1-1-1-1-1");

        String kpi = "/api/v1/kpi/klantreizen?van={v}&tot={t}";
        fout(analist, "van", kpi, "+999999999-12-31", "2026-04-01");
        fout(analist, "tot", kpi, "2026-03-01", "-999999999-01-01");
        fout(analist, "van", kpi, "", "2026-04-01");
        fout(analist, "van", kpi + "&van={w}", "2026-03-01", "2026-04-01", "2026-03-02");
        fout(analist, "peilmoment", kpi + "&peilmoment={p}", "2026-03-01", "2026-04-01", HEEL_LAAT);
        fout(analist, "peilmoment", kpi + "&peilmoment={p}", "2026-03-01", "2026-04-01", HEEL_VROEG);
        fout(analist, "per", kpi + "&per={p}", "2026-03-01", "2026-04-01", "");
        fout(analist, "per", kpi + "&per={p}", "2026-03-01", "2026-04-01", "kanaal\u0000");
        fout(analist, "van", kpi, "9999-12-31", "9999-12-31");

        fout(auditor, "van", "/api/v1/audit/verwerkingen?van={v}", HEEL_LAAT);
        fout(auditor, "tot", "/api/v1/audit/verwerkingen?tot={t}", HEEL_VROEG);
        fout(auditor, "limiet", "/api/v1/audit/verwerkingen?limiet={l}", "9".repeat(40));
        fout(burger, "limiet", "/api/v1/mijn-gegevens/verwerkingen?limiet={l}", "-1");
    }

    @Test
    void deGrenzenVanHetBereik_gevenGewoonAntwoord() {
        WebTestClient burger = engine.client(Rol.BURGER, kopie.bsn());
        assertThat(get(burger, "/api/v1/mijnzaken?alsOp={a}", "9999-12-31").path("zaken")).hasSize(1);
        assertThat(get(burger, "/api/v1/mijnzaken?alsOp={a}", "1900-01-01T00:00:00Z").path("zaken")).isEmpty();
        get(engine.client(Rol.MEDEWERKER, null), "/api/v1/klanten/" + klantId + "/klantbeeld?alsOp={a}",
                "9999-12-31T23:59:59.999999Z");
        get(engine.client(Rol.ANALIST, null), "/api/v1/kpi/klantreizen?van={v}&tot={t}&peilmoment={p}",
                "1900-01-01", "9999-12-31", "9999-12-31");
    }

    @Test
    void tijdreisNaarTienMaart_vanEenVerhaalDatVandaagBinnenkwam_toontNietsVanVandaag() {
        WebTestClient burger = engine.client(Rol.BURGER, kopie.bsn());
        JsonNode kaart = get(burger, "/api/v1/mijnzaken?alsOp={a}", "2026-03-10T00:00:00Z").path("zaken").get(0);
        assertThat(Instant.parse(kaart.path("laatstGewijzigd").asText()))
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(kaart.path("status").path("code").asText()).isEqualTo("aanvulling-gevraagd");
        assertThat(kaart.path("opgeschort").asBoolean()).isTrue();
        assertThat(kaart.path("afgesloten").isNull()).isTrue();

        // A date is the end of that day in Amsterdam, as in the tools.
        JsonNode datum = get(burger, "/api/v1/mijnzaken/" + kopie.zaakId() + "?alsOp={a}", "2026-03-10");
        assertThat(datum).isEqualTo(get(burger, "/api/v1/mijnzaken/" + kopie.zaakId() + "?alsOp={a}",
                "2026-03-10T23:59:59.999999+01:00"));
        assertThat(datum).isEqualTo(get(burger, "/api/v1/mijnzaken/" + kopie.zaakId() + "?alsOp={a}",
                "2026-03-10T23:59:59.999999"));
        assertThat(Instant.parse(datum.path("laatstGewijzigd").asText())).isBefore(Instant.parse("2026-03-11T00:00:00Z"));

        // Known by then: nothing, the story was sent today.
        assertThat(get(burger, "/api/v1/mijnzaken?alsOp={a}&tijdas=bekend", "2026-03-10").path("zaken")).isEmpty();
    }

    @Test
    void klantbeeldVanDrieMaart_kentDeZaakreisVanLaterNiet() {
        WebTestClient medewerker = engine.client(Rol.MEDEWERKER, null);
        JsonNode beeld = get(medewerker, "/api/v1/klanten/" + klantId + "/klantbeeld?alsOp={a}", "2026-03-03");
        assertThat(beeld.path("lopendeKlantreizen")).hasSize(1);
        assertThat(beeld.path("lopendeKlantreizen").get(0).path("thema").path("zaakId").isMissingNode()
                || beeld.path("lopendeKlantreizen").get(0).path("thema").path("zaakId").isNull()).isTrue();
        assertThat(beeld.path("openZaken")).isEmpty();
        JsonNode reizen = get(medewerker, "/api/v1/klanten/" + klantId + "/klantreizen?alsOp={a}", "2026-03-03");
        assertThat(beeld.path("lopendeKlantreizen")).isEqualTo(reizen.path("klantreizen"));
    }

    private static void fout(WebTestClient client, String parameter, String pad, Object... waarden) {
        JsonNode probleem = client.get().uri(pad, waarden).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> genoemd = new ArrayList<>();
        probleem.path("errors").forEach(f -> genoemd.add(f.path("parameter").asText()));
        assertThat(genoemd).as(pad + " " + List.of(waarden).toString().substring(0,
                Math.min(80, List.of(waarden).toString().length()))).containsExactly(parameter);
    }

    private static JsonNode get(WebTestClient client, String pad, Object... waarden) {
        return client.get().uri(pad, waarden).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
