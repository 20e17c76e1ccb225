package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * What operators scrape and look at: the metrics the issues name, with no personal number in
 * any label, and health covering the database and the read-model processors. The OpenAPI
 * document describes the endpoints that really exist.
 */
class ActuatorTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();
    private static Voorbeelden.Kopie kopie;

    @BeforeAll
    static void start() {
        kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "actuator");
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.tekst(Voorbeelden.AFGEWEZEN)).exchange().expectStatus().isBadRequest();
        engine.wachtOpLeesmodellen();
        engine.client(Rol.BURGER, kopie.bsn()).get().uri("/api/v1/mijnzaken/" + kopie.zaakId()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void prometheus_toontDeDomeinmetrieken_zonderPersoonsnummers() {
        String metrieken = engine.client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrieken)
                .contains("klantreis_berichten_total{kanaal=\"telefoon\",type=\"klantcontact-geregistreerd\",uitslag=\"accepted\"}")
                .contains("uitslag=\"rejected\"")
                .contains("klantreis_projectie_achterstand{projectie=\"mijnzaken\"}")
                .contains("klantreis_projectie_achterstand{projectie=\"klantreis\"}")
                .contains("klantreis_projectie_dode_brieven")
                .contains("klantreis_audit_records_total")
                .contains("klantreis_audit_batch_seconds")
                .contains("http_server_requests_seconds_count{")
                .contains("jvm_memory_used_bytes")
                .contains("klantreis_ingestie_schijfbevestiging_seconds")
                // Axon's own: the event store every ingested batch is appended to (since ADR 0032 the
                // ingestion no longer sends its commands over the command bus).
                .contains("eventStore_")
                // The query bus's, under Axon's names, from Vraagmonitor since ADR 0033 (the read above went over it).
                .contains("queryBus_successCounter_total")
                .contains("queryBus_allTimer_seconds{quantile=\"0.99\"}")
                .contains("queryBus_capacity");
        assertThat(metrieken).doesNotContain(kopie.bsn());
        assertThat(metrieken).doesNotContain("999990342");
    }

    @Test
    void gezondheid_dektDatabaseEnLeesmodellen() {
        JsonNode gezondheid = engine.client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(gezondheid.path("status").asText()).isEqualTo("UP");
        assertThat(gezondheid.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(gezondheid.path("components").path("leesmodellen").path("details").path("mijnzaken.achterstand").asLong())
                .isZero();
    }

    @Test
    void openApiDocument_beschrijftDeEndpoints() {
        JsonNode document = engine.client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").fieldNames()).toIterable().contains("/api/v1/events", "/api/v1/mijnzaken",
                "/api/v1/mijnzaken/{zaakId}", "/api/v1/klanten/zoeken", "/api/v1/klanten/{klantId}/klantbeeld",
                "/api/v1/klanten/{klantId}/klantreizen", "/api/v1/klantreizen/{klantreisId}", "/api/v1/kpi/{kpi}",
                "/api/v1/klanten/{klantId}/vergeten", "/api/v1/audit/verwerkingen", "/api/v1/audit/integriteit",
                "/api/v1/mijn-gegevens/verwerkingen");
        assertThat(document.path("components").path("securitySchemes").has("jwt")).isTrue();
    }

    @Test
    void nietAanvaardbaarFormaat_krijgt406() {
        engine.client(Rol.BURGER, kopie.bsn()).get().uri("/api/v1/mijnzaken").accept(MediaType.APPLICATION_XML)
                .exchange().expectStatus().isEqualTo(406);
    }
}
