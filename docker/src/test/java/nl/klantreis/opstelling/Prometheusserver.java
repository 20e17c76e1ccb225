package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's Prometheus ({@code /usr/bin/prometheus}) of its own: 127.0.0.1 on a free port, storage in
 * a temporary folder, scraping engine nodes as {@code docker/prometheus/prometheus.yml} does (job
 * {@code klantreis}, {@code /actuator/prometheus}) but often, so a test sees its traffic at once.
 */
final class Prometheusserver implements AutoCloseable {
    static final Path PROMETHEUS = Path.of(System.getProperty("klantreis.prometheus", "/usr/bin/prometheus"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hulpproces proces;

    private Prometheusserver(Hulpproces proces) {
        this.proces = proces;
    }

    /** Starts scraping these nodes every {@code interval} and waits until it answers queries. */
    static Prometheusserver start(List<Knooppunt> knooppunten, Duration interval) {
        Path map;
        try {
            map = Files.createTempDirectory("klantreis-prometheus-");
            String doelen = knooppunten.stream().map(k -> "          - 127.0.0.1:" + k.poort())
                    .collect(Collectors.joining("\n"));
            Files.writeString(map.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: %1$ds
                      evaluation_interval: %1$ds
                    scrape_configs:
                      - job_name: klantreis
                        metrics_path: /actuator/prometheus
                        scrape_timeout: %1$ds
                        static_configs:
                          - targets:
                    %2$s
                    """.formatted(interval.toSeconds(), doelen));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int poort = Poorten.vrij();
        return new Prometheusserver(Hulpproces.start("prometheus", map, poort, List.of(PROMETHEUS.toString(),
                "--config.file=" + map.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + map.resolve("data"),
                "--web.listen-address=127.0.0.1:" + poort,
                "--log.level=warn"), List.of("prometheus.log"), Duration.ofMinutes(1), dienst -> klaar(dienst.poort())));
    }

    private static boolean klaar(int poort) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poort + "/-/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String basisUrl() {
        return "http://127.0.0.1:" + proces.poort();
    }

    /** The {@code data.result} of an instant query now; fails on an error answer (a bad query). */
    JsonNode vraag(String promql) {
        try {
            HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(URI.create(basisUrl()
                    + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(antwoord.body());
            if (antwoord.statusCode() != 200 || !"success".equals(json.path("status").asText())) {
                throw new IllegalStateException("query " + promql + " mislukt: " + antwoord.body());
            }
            return json.path("data").path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logboek() {
        return proces.logboek();
    }

    @Override
    public void close() {
        proces.close();
    }
}
