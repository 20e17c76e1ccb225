package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The compose file's proxy configuration (docker/nginx/klantreis.conf) in a real nginx in front of
 * two real nodes: a live connection through it receives a push while it stays open, the nodes see nginx's forwarded scheme and not a client's, the actuator is closed
 * from outside but for health, and reads go on through nginx when a node is killed.
 */
class NginxTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BSN = "999990342";
    private static final String ZAAK = "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01";

    @Test
    void nginxGeeftLiveUpdatesMeteenDoorGeeft503DoorEnLeestDoorAlsEenKnooppuntWegvalt() throws Exception {
        try (Opstelling opstelling = Opstelling.start("nginx", 2, ComposeTest.omgevingVanDeKnooppunten());
             Nginxserver nginx = Nginxserver.start(opstelling.knooppunten())) {
            String bron = opstelling.token("bron");
            String burger = opstelling.burgertoken(BSN);

            assertThat(haal(nginx.adres("/actuator/health"), null).statusCode()).isEqualTo(200);
            assertThat(haal(nginx.adres("/actuator/prometheus"), null).statusCode()).isEqualTo(404);
            assertThat(haal(nginx.adres("/actuator/env"), null).statusCode()).isEqualTo(404);

            ArrayNode batch = (ArrayNode) JSON.readTree(Path.of("..", "voorbeelden", "klantreis-dakkapel.batch.json").toFile());
            ArrayNode begin = JSON.createArrayNode();
            ArrayNode rest = JSON.createArrayNode();
            for (int i = 0; i < batch.size(); i++) {
                (i < 5 ? begin : rest).add(batch.get(i));
            }
            assertThat(stuur(nginx.adres("/api/v1/events"), bron, begin.toString()).statusCode()).isEqualTo(200);
            Wachten.tot("de zaak in MijnZaken via nginx", Duration.ofMinutes(1),
                    () -> haal(nginx.adres("/api/v1/mijnzaken"), burger).body().contains(ZAAK));

            // The live connection through nginx; the rest of the batch, also through nginx, reaches it
            // while the stream stays open. (Both the engine's X-Accel-Buffering: no and the location's
            // proxy_buffering off keep nginx from holding events back; either alone suffices.)
            List<String> ontvangen = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<HttpResponse<Stream<String>>> stroom = HTTP.sendAsync(HttpRequest.newBuilder(
                    nginx.adres("/api/v1/mijnzaken/" + ZAAK + "/updates"))
                    .header("Authorization", "Bearer " + burger).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<Void> lezer = stroom.thenAcceptAsync(antwoord -> antwoord.body().forEach(ontvangen::add));
            try {
                Wachten.tot("de eerste stand via nginx", Duration.ofMinutes(1), () -> data(ontvangen) > 0);
                long voor = data(ontvangen);
                assertThat(stuur(nginx.adres("/api/v1/events"), bron, rest.toString()).statusCode()).isEqualTo(200);
                Wachten.tot("een push via nginx", Duration.ofMinutes(1), () -> data(ontvangen) > voor);
                assertThat(lezer).as("de stroom is nog open").isNotDone();
                assertThat(stroom.get().headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/event-stream"));
                assertThat(stroom.get().headers().firstValue("Content-Encoding")).isEmpty();
            } finally {
                stroom.cancel(true);
                lezer.cancel(true);
            }

            // The node believes X-Forwarded-Proto (the generated server address of the OpenAPI
            // document follows it) and nginx replaces what a client sent.
            HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(opstelling.knooppunt(1).adres("/v3/api-docs"))
                    .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(serveradres(direct.body())).startsWith("https://");
            HttpResponse<String> viaNginx = HTTP.send(HttpRequest.newBuilder(nginx.adres("/v3/api-docs"))
                    .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(serveradres(viaNginx.body())).isEqualTo("http://" + nginx.adres("").getAuthority());

            // The shared database away: every answer through nginx is the engine's 503 with its
            // Retry-After, never nginx's bare 502 (nginx must not count a 503 as a dead node: then
            // both would be marked down at once).
            opstelling.database().stoppen("fast");
            try {
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> antwoord = haal(nginx.adres("/api/v1/mijnzaken"), burger);
                    assertThat(antwoord.statusCode()).as("lezing " + i + " zonder database: " + antwoord.body())
                            .isEqualTo(503);
                    assertThat(antwoord.headers().firstValue("Retry-After")).isPresent();
                }
            } finally {
                opstelling.database().starten();
            }
            Wachten.tot("lezen via nginx na de herstart van de database", Duration.ofMinutes(1),
                    () -> haal(nginx.adres("/api/v1/mijnzaken"), burger).statusCode() == 200);

            // A crash of node 1: every read through nginx is still answered (by node 2).
            opstelling.knooppunt(1).doodHard();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> antwoord = haal(nginx.adres("/api/v1/mijnzaken"), burger);
                assertThat(antwoord.statusCode()).as("lezing " + i + ": " + antwoord.body()).isEqualTo(200);
            }
        }
    }

    private static long data(List<String> regels) {
        synchronized (regels) {
            return regels.stream().filter(r -> r.startsWith("data:")).count();
        }
    }

    private static String serveradres(String openapi) {
        try {
            return JSON.readTree(openapi).path("servers").path(0).path("url").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> stuur(URI adres, String token, String batch) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(adres)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents-batch+json")
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> haal(URI adres, String token) {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(adres).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            verzoek.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
