package nl.klantreis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * The three audit endpoints over HTTP with real tokens: the auditor's search and integrity
 * check, the burger's "who processed my data", who may call them, bad filters, and that reading
 * the log is itself logged with the caller's trace id before the answer leaves.
 */
class AuditControllerTest {
    private static final Gebruiker MEDEWERKER = new Gebruiker("mw-7", Rol.MEDEWERKER, null, "Burgerzaken");
    private static final Gebruiker ANDERE_MEDEWERKER = new Gebruiker("mw-8", Rol.MEDEWERKER, null, null);
    private static final Gebruiker SYSTEEM = new Gebruiker("zaaksysteem", Rol.BRON, null, null);
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void auditor_zoektOpBetrokkeneActorEnTrace_nieuwsteEerst_metDeActorUitHetGebruikersauditrecord() {
        KlantId klant = AuditschrijverTest.klant("zoek" + System.nanoTime());
        KlantId ander = AuditschrijverTest.klant("ander" + System.nanoTime());
        Tracecontext eerste = leg(MEDEWERKER, "klantbeeld-inzien", klant);
        Tracecontext tweede = leg(ANDERE_MEDEWERKER, "klantreis-inzien", klant);
        Tracecontext derde = leg(MEDEWERKER, "klantbeeld-inzien", ander);

        JsonNode vanKlant = get(auditor(), "/api/v1/audit/verwerkingen?betrokkene=" + klant.waarde(), HttpStatus.OK);
        assertThat(vanKlant.path("verwerkingen")).hasSize(2);
        JsonNode nieuwste = vanKlant.path("verwerkingen").get(0);
        assertThat(nieuwste.path("traceId").asText()).isEqualTo(tweede.traceId());
        assertThat(nieuwste.path("spanId").asText()).isEqualTo(tweede.spanId());
        assertThat(nieuwste.path("actor").asText()).isEqualTo("mw-8");
        assertThat(nieuwste.path("activiteit").asText()).isEqualTo("klantreis-inzien");
        assertThat(nieuwste.path("doel").asText()).isEqualTo("afhandeling klantcontact");
        assertThat(nieuwste.path("grondslag").asText()).isEqualTo("AVG art. 6 lid 1 sub e (publieke taak)");
        assertThat(nieuwste.path("betrokkene").asText()).isEqualTo(klant.waarde());
        assertThat(nieuwste.path("resultaat").asText()).isEqualTo("getoond");
        assertThat(nieuwste.path("tijdstip").asText()).endsWith("Z");
        assertThat(vanKlant.path("verwerkingen").get(1).path("traceId").asText()).isEqualTo(eerste.traceId());

        JsonNode vanActor = get(auditor(), "/api/v1/audit/verwerkingen?actor=mw-7&betrokkene=" + ander.waarde(),
                HttpStatus.OK);
        assertThat(vanActor.path("verwerkingen")).hasSize(1);
        assertThat(vanActor.path("verwerkingen").get(0).path("traceId").asText()).isEqualTo(derde.traceId());
        assertThat(vanActor.path("verwerkingen").get(0).path("organisatieonderdeel").asText()).isEqualTo("Burgerzaken");

        JsonNode vanTrace = get(auditor(), "/api/v1/audit/verwerkingen?traceId=" + eerste.traceId().toUpperCase(),
                HttpStatus.OK);
        assertThat(vanTrace.path("verwerkingen")).hasSize(1);
        assertThat(vanTrace.path("verwerkingen").get(0).path("actor").asText()).isEqualTo("mw-7");

        JsonNode metLimiet = get(auditor(), "/api/v1/audit/verwerkingen?limiet=1&actor=mw-7", HttpStatus.OK);
        assertThat(metLimiet.path("verwerkingen")).hasSize(1);
        assertThat(metLimiet.path("meer").asBoolean()).isTrue();
    }

    @Test
    void auditor_filtertOpTijdvak_totExclusief() {
        KlantId klant = AuditschrijverTest.klant("tijd" + System.nanoTime());
        leg(MEDEWERKER, "klantbeeld-inzien", klant);
        String tijdstip = get(auditor(), "/api/v1/audit/verwerkingen?betrokkene=" + klant.waarde(), HttpStatus.OK)
                .path("verwerkingen").get(0).path("tijdstip").asText();
        String zonderAuditorsBlik = "&betrokkene=" + klant.waarde();
        assertThat(get(auditor(), "/api/v1/audit/verwerkingen?van=" + tijdstip + "&tot=" + later(tijdstip)
                + zonderAuditorsBlik, HttpStatus.OK).path("verwerkingen")).hasSize(1);
        assertThat(get(auditor(), "/api/v1/audit/verwerkingen?tot=" + tijdstip + zonderAuditorsBlik, HttpStatus.OK)
                .path("verwerkingen")).isEmpty();
    }

    @Test
    void deBlikVanDeAuditor_wordtZelfGelogd_metDeTraceIdVanDeAanroeper() {
        KlantId klant = AuditschrijverTest.klant("blik" + System.nanoTime());
        String trace = Tracering.nieuweTraceId();
        String span = auditor().get().uri("/api/v1/audit/verwerkingen?betrokkene=" + klant.waarde())
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("traceparent", "00-" + trace + "-[0-9a-f]{16}-01")
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent").substring(36, 52);
        assertThat(engine.jdbc().queryForList("select actor from gebruikersaudit where trace_id = ? and span_id = ?"
                + " and activiteit = 'auditlog-inzien'", String.class, trace, span)).containsExactly("test-auditor");
        // He looked up this one klant: a processing of that klant's data, which the klant will see.
        assertThat(engine.jdbc().queryForList("select betrokkene from verwerking where trace_id = ?", String.class, trace))
                .containsExactly(klant.waarde());

        String zonderBetrokkene = Tracering.nieuweTraceId();
        auditor().get().uri("/api/v1/audit/verwerkingen?actor=niemand").header("traceparent",
                "00-" + zonderBetrokkene + "-00f067aa0ba902b7-01").exchange().expectStatus().isOk();
        assertThat(engine.jdbc().queryForObject("select count(*) from gebruikersaudit where trace_id = ?", Long.class,
                zonderBetrokkene)).isOne();
        assertThat(engine.jdbc().queryForObject("select count(*) from verwerking where trace_id = ?", Long.class,
                zonderBetrokkene)).isZero();
    }

    @Test
    void ongeldigeFilters_400_metElkeOngeldigeParameterBijNaam() {
        JsonNode probleem = auditor().get().uri("/api/v1/audit/verwerkingen?betrokkene=123456782&traceId=xyz"
                        + "&van=gisteren&tot=2026-01-01&limiet=0&actor=mw-7")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> parameters = new ArrayList<>();
        probleem.path("errors").forEach(fout -> {
            parameters.add(fout.path("parameter").asText());
            assertThat(fout.path("detail").asText()).isNotBlank();
        });
        assertThat(parameters).containsExactlyInAnyOrder("betrokkene", "traceId", "van", "tot", "limiet");
        // The bad betrokkene (a BSN!) is not echoed back.
        assertThat(probleem.toString()).doesNotContain("123456782");

        JsonNode omgekeerd = get(auditor(), "/api/v1/audit/verwerkingen?van=2026-02-01T00:00:00Z&tot=2026-01-01T00:00:00Z",
                HttpStatus.BAD_REQUEST);
        assertThat(omgekeerd.path("errors").get(0).path("parameter").asText()).isEqualTo("tot");
        assertThat(get(burger(bsn(1)), "/api/v1/mijn-gegevens/verwerkingen?limiet=veel", HttpStatus.BAD_REQUEST)
                .path("errors").get(0).path("parameter").asText()).isEqualTo("limiet");
    }

    @Test
    void integriteit_voorDeAuditor_intactMetHetAantalRecords() {
        leg(MEDEWERKER, "klantbeeld-inzien", AuditschrijverTest.klant("heel" + System.nanoTime()));
        int ketensVooraf = ketens();
        JsonNode rapport = get(auditor(), "/api/v1/audit/integriteit", HttpStatus.OK);
        assertThat(rapport.path("intact").asBoolean()).isTrue();
        assertThat(rapport.path("records").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(rapport.has("eersteBreuk")).isFalse();
        // One entry per chain (ADR 0029): both tables' chain 0, and each further chain the writers used
        // (the check's own record, stored after it, may open one more).
        assertThat(rapport.path("ketens").size()).isBetween(Math.max(2, ketensVooraf), ketens());
        assertThat(rapport.path("ketens").findValuesAsText("tabel")).contains("verwerking", "gebruikersaudit");
    }

    private static int ketens() {
        return engine.jdbc().queryForObject("select count(*) from auditketen", Integer.class);
    }

    @Test
    void burger_zietWieZijnGegevensVerwerkte_uzelfMedewerkerOfSysteem_enAlleenDeZijne() {
        String bsn = bsn(2);
        KlantId klant = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, bsn);
        leg(SYSTEEM, "klantcontact-vastleggen", klant);
        leg(MEDEWERKER, "klantbeeld-inzien", klant);
        leg(new Gebruiker("burger-sessie-1", Rol.BURGER, bsn, null), "mijnzaken-inzien", klant);
        leg(MEDEWERKER, "klantbeeld-inzien", AuditschrijverTest.klant("iemandanders" + System.nanoTime()));

        String trace = Tracering.nieuweTraceId();
        JsonNode antwoord = burger(bsn).get().uri("/api/v1/mijn-gegevens/verwerkingen")
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode verwerkingen = antwoord.path("verwerkingen");
        assertThat(verwerkingen).hasSize(3);
        assertThat(verwerkingen.get(0).path("activiteit").asText()).isEqualTo("mijnzaken-inzien");
        assertThat(verwerkingen.get(0).path("door").asText()).isEqualTo("uzelf");
        assertThat(verwerkingen.get(0).has("organisatieonderdeel")).isFalse();
        assertThat(verwerkingen.get(1).path("door").asText()).isEqualTo("medewerker");
        assertThat(verwerkingen.get(1).path("organisatieonderdeel").asText()).isEqualTo("Burgerzaken");
        assertThat(verwerkingen.get(1).path("doel").asText()).isEqualTo("afhandeling klantcontact");
        assertThat(verwerkingen.get(1).has("actor")).as("welke medewerker blijft intern").isFalse();
        assertThat(verwerkingen.get(2).path("door").asText()).isEqualTo("systeem");
        assertThat(verwerkingen.get(2).path("tijdstip").asText()).isNotBlank();

        // His look is itself a processing of his data: one record, with his trace id; he sees it the next time.
        assertThat(engine.jdbc().queryForList("select betrokkene from verwerking where trace_id = ?", String.class, trace))
                .containsExactly(klant.waarde());
        JsonNode daarna = get(burger(bsn), "/api/v1/mijn-gegevens/verwerkingen", HttpStatus.OK).path("verwerkingen");
        assertThat(daarna).hasSize(4);
        assertThat(daarna.get(0).path("activiteit").asText()).isEqualTo("verwerkingen-inzien");
        assertThat(daarna.get(0).path("door").asText()).isEqualTo("uzelf");
    }

    @Test
    void alleenDeJuisteRol() {
        for (Rol rol : List.of(Rol.MEDEWERKER, Rol.ANALIST, Rol.BEHEERDER, Rol.BRON)) {
            engine.client(rol, null).get().uri("/api/v1/audit/verwerkingen").exchange().expectStatus().isForbidden();
            engine.client(rol, null).get().uri("/api/v1/audit/integriteit").exchange().expectStatus().isForbidden();
            engine.client(rol, null).get().uri("/api/v1/mijn-gegevens/verwerkingen").exchange().expectStatus().isForbidden();
        }
        burger(bsn(3)).get().uri("/api/v1/audit/verwerkingen").exchange().expectStatus().isForbidden();
        burger(bsn(3)).get().uri("/api/v1/audit/integriteit").exchange().expectStatus().isForbidden();
        auditor().get().uri("/api/v1/mijn-gegevens/verwerkingen").exchange().expectStatus().isForbidden();
        engine.clientZonderToken().get().uri("/api/v1/audit/verwerkingen").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("traceparent");
    }

    private static Tracecontext leg(Gebruiker gebruiker, String activiteit, KlantId betrokkene) {
        Tracecontext trace = AuditschrijverTest.trace();
        engine.bean(Verwerkingslog.class).leg(AuditschrijverTest.verslag(gebruiker, trace, activiteit, List.of(betrokkene)))
                .block(Duration.ofSeconds(30));
        return trace;
    }

    private static String later(String tijdstip) {
        return java.time.OffsetDateTime.parse(tijdstip).plusNanos(1_000).toString();
    }

    private static String bsn(int zaad) {
        return Voorbeelden.geldigBsn(new Random(1000 + zaad));
    }

    private static WebTestClient auditor() {
        return engine.client(Rol.AUDITOR, null);
    }

    private static WebTestClient burger(String bsn) {
        return engine.client(Rol.BURGER, bsn);
    }

    private static JsonNode get(WebTestClient client, String uri, HttpStatus status) {
        return client.get().uri(uri).exchange().expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
