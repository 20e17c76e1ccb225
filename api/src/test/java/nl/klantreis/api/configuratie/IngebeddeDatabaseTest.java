package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The one-command default: no database configured, so the engine starts its embedded PostgreSQL
 * with its data in the data directory, durable (fsync and synchronous_commit on), and finds its
 * data again after a restart.
 */
class IngebeddeDatabaseTest {

    @Test
    void zonderConfiguratie_startDeIngebeddeDatabase_duurzaam_enBlijftNaHerstart(@TempDir Path dataMap) {
        String batch = Voorbeelden.alsBatch(Voorbeelden.berichten(Voorbeelden.DAKKAPEL));
        try (ConfigurableApplicationContext engine = start(dataMap)) {
            JdbcTemplate jdbc = new JdbcTemplate(engine.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(engine.getBean(DatabaseConfiguratie.Database.class).beschrijving())
                    .startsWith("ingebedde PostgreSQL").contains(dataMap.resolve("postgres").toString());
            assertThat(stuur(engine, batch).path("accepted").asInt()).isEqualTo(12);
        }
        assertThat(Files.exists(dataMap.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext engine = start(dataMap)) {
            assertThat(stuur(engine, batch).path("duplicate").asInt()).isEqualTo(12);
        }
    }

    private static ConfigurableApplicationContext start(Path dataMap) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // An empty URL overrides a KLANTREIS_DB_URL the machine may have set: this test is about the default.
        return new SpringApplicationBuilder(KlantreisApplication.class).run("--server.port=0", "--klantreis.db.url=",
                "--klantreis.data-map=" + dataMap, "--spring.main.banner-mode=off");
    }

    private static JsonNode stuur(ConfigurableApplicationContext engine, String batch) {
        int poort = ((WebServerApplicationContext) engine).getWebServer().getPort();
        String token = new Tokenmaker(LokaleSleutel.laad(Path.of(engine.getEnvironment().getProperty("klantreis.data-map"))))
                .maak("test-bron", "bron", null, null);
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + poort).responseTimeout(Duration.ofSeconds(60))
                .build().post().uri("/api/v1/events").headers(kop -> kop.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json")).bodyValue(batch)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
