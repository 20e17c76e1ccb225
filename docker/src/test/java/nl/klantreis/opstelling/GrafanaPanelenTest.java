package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Every query of every Grafana panel, evaluated by a real Prometheus that scrapes two real engine
 * nodes (configured with compose.yaml's environment) after traffic that makes every series exist:
 * a batch ingested, a rejected one, duplicates, MijnZaken reads, a live connection that receives a
 * push, audit reads. Each query must answer at least one series with a number, so a panel never
 * stays empty because of a wrong metric or label name.
 */
class GrafanaPanelenTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VOORBEELDEN = Path.of("..", "voorbeelden");
    private static final String BSN = "999990342";
    private static final String ZAAK = "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01";
    private static final Duration SCRAPE = Duration.ofSeconds(1);
    /** For Grafana's $__rate_interval and $__interval: the whole test lies within it. */
    private static final String VENSTER = "10m";

    @Test
    void elkePaneelqueryGeeftSeriesVanEchteKnooppunten() throws Exception {
        Map<String, String> omgeving = ComposeTest.omgevingVanDeKnooppunten();
        assertThat(omgeving).containsKey("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS");
        try (Opstelling opstelling = Opstelling.start("grafana-panelen", 2, omgeving);
             Prometheusserver prometheus = Prometheusserver.start(opstelling.knooppunten(), SCRAPE)) {
            Wachten.tot("beide knooppunten gescraped", Duration.ofMinutes(1),
                    () -> som(prometheus, "sum(up{job=\"klantreis\"})") == 2);
            Knooppunt een = opstelling.knooppunt(1);
            Knooppunt twee = opstelling.knooppunt(2);
            String bron = opstelling.token("bron");
            String burger = opstelling.burgertoken(BSN);
            String auditor = opstelling.token("auditor");

            // The zaak and its first statuses, on node 1; the same again (duplicates) on node 2.
            ArrayNode batch = (ArrayNode) JSON.readTree(VOORBEELDEN.resolve("klantreis-dakkapel.batch.json").toFile());
            ArrayNode begin = JSON.createArrayNode();
            ArrayNode rest = JSON.createArrayNode();
            for (int i = 0; i < batch.size(); i++) {
                (i < 5 ? begin : rest).add(batch.get(i));
            }
            assertThat(stuur(een, bron, begin.toString()).statusCode()).isEqualTo(200);
            assertThat(stuur(twee, bron, begin.toString()).statusCode()).isEqualTo(200);
            HttpResponse<String> afgewezen = stuur(twee, bron,
                    Files.readString(VOORBEELDEN.resolve("afgewezen.batch.json")));
            assertThat(afgewezen.statusCode()).as(afgewezen.body()).isEqualTo(400);

            // MijnZaken on both nodes until the zaak shows (reads for the latency panels).
            for (Knooppunt knooppunt : List.of(een, twee)) {
                Wachten.tot("de zaak in MijnZaken op " + knooppunt.naam(), Duration.ofMinutes(1),
                        () -> lees(knooppunt, "/api/v1/mijnzaken", burger).body().contains(ZAAK));
            }

            // A live connection on node 1; the rest of the batch arrives on node 2 and is pushed.
            List<String> ontvangen = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<HttpResponse<Stream<String>>> stroom = HTTP.sendAsync(HttpRequest.newBuilder(
                    een.adres("/api/v1/mijnzaken/" + ZAAK + "/updates"))
                    .header("Authorization", "Bearer " + burger).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<Void> lezer = stroom.thenAcceptAsync(antwoord -> antwoord.body().forEach(ontvangen::add));
            try {
                Wachten.tot("de eerste stand op de live-verbinding", Duration.ofMinutes(1),
                        () -> ontvangen.stream().anyMatch(r -> r.startsWith("data:")));
                int voor = (int) ontvangen.stream().filter(r -> r.startsWith("data:")).count();
                assertThat(stuur(twee, bron, rest.toString()).statusCode()).isEqualTo(200);
                Wachten.tot("een push op de live-verbinding", Duration.ofMinutes(1),
                        () -> ontvangen.stream().filter(r -> r.startsWith("data:")).count() > voor);

                // Audit reads, and more reads on both nodes so the latency histograms move.
                for (int i = 0; i < 5; i++) {
                    for (Knooppunt knooppunt : List.of(een, twee)) {
                        assertThat(lees(knooppunt, "/api/v1/audit/verwerkingen", auditor).statusCode())
                                .isEqualTo(200);
                        assertThat(lees(knooppunt, "/api/v1/mijnzaken", burger).statusCode()).isEqualTo(200);
                        assertThat(lees(knooppunt, "/api/v1/mijnzaken/" + ZAAK, burger).statusCode()).isEqualTo(200);
                    }
                }
                Wachten.tot("de push en de audit in Prometheus", Duration.ofMinutes(1),
                        () -> som(prometheus, "sum(klantreis_live_pushlatentie_seconds_count)") > 0
                                && som(prometheus, "sum(klantreis_audit_records_total)") > 0
                                && som(prometheus, "sum(klantreis_berichten_total{uitslag=\"rejected\"})") > 0);
                // A few more scrapes, so every rate has samples after the traffic.
                Knooppunt.slaap(SCRAPE.multipliedBy(5));

                List<String> fouten = new ArrayList<>();
                List<Dashboards.Query> queries = Dashboards.queries();
                for (Dashboards.Query query : queries) {
                    String promql = query.expr().replace("$__rate_interval", VENSTER)
                            .replace("$__interval", VENSTER).replace("$__range", VENSTER);
                    assertThat(promql).as(query.toString()).doesNotContain("$");
                    JsonNode series = prometheus.vraag(promql);
                    boolean getal = false;
                    for (JsonNode serie : series) {
                        String waarde = serie.path("value").path(1).asText();
                        getal |= !waarde.equals("NaN") && !waarde.isEmpty();
                    }
                    if (series.isEmpty() || !getal) {
                        fouten.add(query + " -> " + series);
                    }
                }
                assertThat(fouten).as("panelen zonder series (van " + queries.size() + " queries)").isEmpty();
            } finally {
                stroom.cancel(true);
                lezer.cancel(true);
            }
        }
    }

    private static HttpResponse<String> stuur(Knooppunt knooppunt, String token, String batch)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents-batch+json")
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> lees(Knooppunt knooppunt, String pad, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(knooppunt.adres(pad)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double som(Prometheusserver prometheus, String promql) {
        JsonNode series = prometheus.vraag(promql);
        return series.isEmpty() ? 0 : series.get(0).path("value").path(1).asDouble();
    }
}
