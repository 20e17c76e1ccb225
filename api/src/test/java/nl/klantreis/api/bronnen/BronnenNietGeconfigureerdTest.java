package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.testondersteuning.Testengine;

/** Without {@code klantreis.bronnen.configuratie} (the default): the endpoint says how to link, nothing runs. */
class BronnenNietGeconfigureerdTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void notificatie_404ProblemDatZegtHoeTeKoppelen_enNietsOpgeslagen() {
        JsonNode probleem = engine.clientZonderToken().post().uri("/api/v1/notificaties")
                .header(HttpHeaders.AUTHORIZATION, "Token 0123456789abcdef0123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BronnenIntegratieTest.zaaknotificatie(BronnenIntegratieTest.ZAKEN + "a", "create",
                        "2026-12-06T10:00:00Z").toString())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:bronnen-niet-geconfigureerd");
        assertThat(probleem.path("detail").asText()).contains("KLANTREIS_BRONNEN_CONFIGURATIE");
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding", Integer.class)).isZero();
    }

    @Test
    void gezondheid_bronnenIsUpEnZegtNietGeconfigureerd() {
        JsonNode bronnen = engine.clientZonderToken().get().uri("/actuator/health").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("components").path("bronnen");
        assertThat(bronnen.path("status").asText()).isEqualTo("UP");
        assertThat(bronnen.path("details").path("geconfigureerd").asBoolean(true)).isFalse();
    }
}
