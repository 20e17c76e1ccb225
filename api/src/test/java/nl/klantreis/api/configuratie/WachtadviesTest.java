package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * A batch that waited longer than the ingestion's wachttijd for its worker (here: any, the wait
 * being 0) is not started but answered 503, a problem with the configured Retry-After, and nothing
 * of it is stored; other answers carry no Retry-After (ADR 0023).
 */
class WachtadviesTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse("--klantreis.ingestie.wachttijd=0s",
            "--klantreis.http.opnieuw-na=7s");

    @Test
    void teLangGewacht_is503_metRetryAfter_enNietsOpgeslagen() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "wachtadvies");
        JsonNode probleem = engine.client(Rol.BRON, null).post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:tijdelijk-niet-beschikbaar");
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht", Long.class)).isZero();

        engine.client(Rol.BURGER, kopie.bsn()).get().uri("/api/v1/mijnzaken").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER);
    }
}
